/**
 * The one rule for how a chart's figures are scaled, used by the Vega-Lite drawing (bind.ts
 * `applyScaleRule`) and by the deck's native chart (native.ts), so the two never disagree.
 *
 * A bar's length encodes its value from zero, on a linear axis. When the largest figure is more
 * than LOG_SPAN times the smallest, a linear axis flattens the small ones to nothing (₩44 billion
 * beside ₩100 trillion is 1:2,270, a bar under a pixel), and a bar on a log axis lies about the
 * ratio (its length starts at an arbitrary power of ten). Such figures are drawn as dots on a
 * log axis whose title says "log scale": a dot's position, not a length, carries the value.
 *
 * Why 100: on a chart about 400 px long a figure of 1/100 of the largest is a 4 px bar, the
 * least a reader can still compare against its neighbours; below that the bar is a sliver.
 *
 * A spec opts in with `usermeta.briefkit.scale: {field, logSubtitle?}`: every x/y encoding of
 * `field` gets the chosen scale (and `stack: null`: figures that share a category are never
 * summed, they do not add up unless the dataset says so), its bars become dots on a log axis,
 * and `logSubtitle` replaces the key line when the axis is logarithmic; `valuesBesideDots` moves
 * the amounts from the plot's edge to beside the dots (beside-dots.ts).
 */
import type { Row } from '../derive/types.js';
import { besideDot } from './beside-dots.js';
import { FLUSH } from './layout-common.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** Largest ÷ smallest positive figure above which a chart goes to dots on a log axis. */
export const LOG_SPAN = 100;

export interface ScaleChoice {
  log: boolean;
  /** Largest ÷ smallest positive figure (1 with fewer than two). */
  span: number;
}

/** The scale for these figures: log when they span more than LOG_SPAN×, else linear from zero. */
export function chooseScale(values: readonly (number | null | undefined)[]): ScaleChoice {
  const positive = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
  if (positive.length < 2) return { log: false, span: 1 };
  const span = Math.max(...positive) / Math.min(...positive);
  // A zero or negative figure has no place on a log axis: it stays linear (and says so by its bar).
  const nonPositive = values.some((v) => typeof v === 'number' && v <= 0);
  return { log: span > LOG_SPAN && !nonPositive, span };
}

export interface ScaleMeta {
  field: string;
  logSubtitle?: string;
  /** On a log axis, the amounts move from the plot's edge to beside their dots (beside-dots.ts). */
  valuesBesideDots?: boolean;
}

export function scaleMeta(meta: Json | undefined): ScaleMeta | undefined {
  if (!isObject(meta) || typeof meta.field !== 'string') return undefined;
  return {
    field: meta.field,
    ...(typeof meta.logSubtitle === 'string' ? { logSubtitle: meta.logSubtitle } : {}),
    ...(meta.valuesBesideDots === true ? { valuesBesideDots: true } : {}),
  };
}

/** Powers of ten from below the smallest to above the largest figure: the log axis' gridlines. */
export function powersOfTen(values: readonly number[]): number[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.ceil(Math.log10(Math.max(...positive)));
  const out: number[] = [];
  for (let e = low; e <= high; e++) out.push(Number((10 ** e).toPrecision(1)));
  return out;
}

/**
 * Room first assumed for a log axis' labels, px: the narrowest plot the layout leaves a chart of
 * rows (520 px less a 38% label column and a column of value labels, layout.ts). The drawing then
 * reads the plot's real width from vega and, where it differs, lays the labels out again on it
 * (draw-charts.ts): a column of long value labels left 165 px (fuzz seed 11, case 121), and two
 * labels of a 220 px rule overprinted. Also: the width of a digit or comma at the 11 px label size
 * (Pretendard's tabular figures are 0.6 em) plus the gap between labels.
 */
export const LOG_AXIS_ROOM = 220;
const LABEL_CHAR = 6.6;
/** The log scale's padding (rescaleEncoding below), px: the end dots and labels stay off the edges. */
const LOG_PADDING = 14;
const LABEL_GAP = 10;

/** Where a log axis' labels go: the plot's width, px, and the labels' measured width if known. */
export interface LogLabels {
  room: number;
  measure?: (text: string) => number;
}

/**
 * The ticks of a log axis that carry a label: every power of ten while their labels fit `room`
 * px (the plot's width), else every second, third… from the first (figures 10^18 apart on one
 * axis gave 19 labels of up to 22 characters, overprinted). Every tick keeps its gridline.
 */
export function labelledTicks(
  ticks: readonly number[],
  shown: (v: number) => number,
  labels: LogLabels = { room: LOG_AXIS_ROOM },
  domain: readonly [number, number] = [ticks[0] ?? 1, ticks.at(-1) ?? 1],
): number[] {
  const room = labels.room;
  const width = (v: number) => {
    const text = shown(v).toLocaleString('en-US', { maximumFractionDigits: 20 });
    return labels.measure ? labels.measure(text) : text.length * LABEL_CHAR;
  };
  // vega draws only the ticks inside the scale's domain (the figures' extent), at their log
  // position inside the scale's padding. A label is centred on its tick, or, within FLUSH px of
  // either end, aligned inwards from it (layout.ts flushes the value axis).
  const [lo, hi] = [Math.log10(domain[0]), Math.log10(domain[1])];
  const length = Math.max(1, room - 2 * LOG_PADDING);
  const inside = ticks.filter((v) => v >= domain[0] * (1 - 1e-9) && v <= domain[1] * (1 + 1e-9));
  const extent = (v: number): [number, number] => {
    const at = LOG_PADDING + (hi > lo ? ((Math.log10(v) - lo) / (hi - lo)) * length : length / 2);
    const w = width(v);
    if (at <= FLUSH) return [at, at + w];
    if (at >= room - FLUSH) return [at - w, at];
    return [at - w / 2, at + w / 2];
  };
  const fitsAt = (step: number) => {
    let previous: [number, number] | undefined;
    for (const [i, v] of inside.entries()) {
      if (i % step !== 0) continue;
      const box = extent(v);
      if (previous && previous[1] + LABEL_GAP > box[0]) return false;
      previous = box;
    }
    return true;
  };
  let step = 1;
  // At worst one label: a plot narrower than two labels keeps the first.
  while (step < inside.length && !fitsAt(step)) step += 1;
  return inside.filter((_, i) => i % step === 0);
}

/** A label expression that writes `format` at the labelled ticks only (labelledTicks). */
export function labelledOnly(
  ticks: readonly number[],
  shown: (v: number) => number,
  format: string,
  labels: LogLabels = { room: LOG_AXIS_ROOM },
  domain?: readonly [number, number],
): string {
  const kept = labelledTicks(ticks, shown, labels, domain);
  return kept.length === ticks.length
    ? format
    : `indexof([${kept.join(',')}], datum.value) < 0 ? '' : ${format}`;
}

/** The positive figures' extent: a log scale's domain. */
export function logDomain(values: readonly number[]): [number, number] | undefined {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  return positive.length > 0 ? [Math.min(...positive), Math.max(...positive)] : undefined;
}

const POSITION = ['x', 'y'] as const;

/** A log axis' labels (labelledTicks) with the scale's domain. */
interface LabelRoom extends LogLabels {
  domain: [number, number] | undefined;
}

function rescaleEncoding(
  encoding: JsonObject,
  rule: ScaleMeta,
  choice: ScaleChoice,
  ticks: number[],
  domain: number[] | undefined,
  room: LabelRoom,
) {
  for (const channel of POSITION) {
    const enc = encoding[channel];
    if (!isObject(enc) || enc.field !== rule.field) continue;
    const scale = isObject(enc.scale) ? { ...enc.scale } : {};
    const axis = isObject(enc.axis) ? { ...enc.axis } : {};
    if (choice.log) {
      delete scale.zero;
      // Padding keeps the end dots and their tick labels off the plot's edges.
      Object.assign(scale, { type: 'log', nice: false, padding: LOG_PADDING });
      Object.assign(axis, { values: ticks, format: ',~g', grid: true });
      axis.labelExpr = labelledOnly(ticks, (v) => v, "format(datum.value, ',~g')", room, room.domain);
      if (typeof enc.title === 'string' && !/log scale/.test(enc.title))
        enc.title = `${enc.title} (log scale)`;
    } else {
      Object.assign(scale, { type: 'linear', zero: true });
      delete scale.padding;
      delete axis.values;
    }
    if (domain) scale.domain = domain;
    encoding[channel] = { ...enc, scale, axis, stack: null };
  }
}

/** A bar drawn as a dot: filled unless the bar was an outline (a target keeps its dashed ring). */
function asDot(mark: Json): Json {
  const bar = typeof mark === 'string' ? { type: mark } : isObject(mark) ? mark : undefined;
  if (bar?.type !== 'bar') return mark;
  const { width: _width, height: _height, cornerRadius: _radius, fillOpacity, ...rest } = bar;
  const outline = typeof fillOpacity === 'number' && fillOpacity < 0.5;
  return { ...rest, type: 'point', filled: !outline, size: 120, opacity: 1, strokeWidth: 2 };
}

/**
 * Dots side by side in a column (an `xOffset`) sit on a point scale, which has no inner padding:
 * vega-lite warns of a band's `paddingInner` (the investment chart's slots) and drops it.
 */
function withoutBandPadding(encoding: JsonObject): JsonObject {
  const offset = encoding.xOffset;
  if (!isObject(offset) || !isObject(offset.scale) || offset.scale.paddingInner === undefined)
    return encoding;
  const { paddingInner: _inner, ...scale } = offset.scale;
  return { ...encoding, xOffset: { ...offset, scale } };
}

function rewrite(
  node: JsonObject,
  rule: ScaleMeta,
  choice: ScaleChoice,
  ticks: number[],
  domain: number[] | undefined,
  room: LabelRoom,
): JsonObject {
  const out: JsonObject = choice.log && rule.valuesBesideDots ? besideDot(node, rule.field) : { ...node };
  if (isObject(out.encoding)) {
    const encoding = { ...out.encoding };
    rescaleEncoding(encoding, rule, choice, ticks, domain, room);
    out.encoding = encoding;
  }
  if (choice.log && out.mark !== undefined) out.mark = asDot(out.mark);
  if (choice.log && isObject(out.encoding)) out.encoding = withoutBandPadding(out.encoding);
  if (Array.isArray(out.layer))
    out.layer = out.layer.map((layer) =>
      isObject(layer) ? rewrite(layer, rule, choice, ticks, domain, room) : layer,
    );
  return out;
}

/**
 * The spec with the rule applied to its rows: the chosen scale on every encoding of the field,
 * bars as dots on a log axis, and the key line for a log axis. Specs without `scale` are as written.
 * `shared`: the rows are every part of a chart continued over several figures (page-fit.ts), and
 * each part is drawn on their one domain, so a bar or a dot reads the same in every part.
 * `labels`: the plot's width and the labels' measure, for a log axis' labels (labelledTicks).
 */
export function applyScaleRule(
  spec: JsonObject,
  meta: Json | undefined,
  rows: readonly Row[],
  shared = false,
  labels: LogLabels = { room: LOG_AXIS_ROOM },
): JsonObject {
  const rule = scaleMeta(meta);
  if (!rule) return spec;
  const values = rows.map((r) => r[rule.field]).filter((v): v is number => typeof v === 'number');
  const choice = chooseScale(values);
  const positive = values.filter((v) => v > 0);
  const domain =
    shared && positive.length > 0
      ? choice.log
        ? [Math.min(...positive), Math.max(...positive)]
        : [0, Math.max(0, ...values)]
      : undefined;
  const room = { ...labels, domain: logDomain(values) };
  const out = rewrite(spec, rule, choice, choice.log ? powersOfTen(values) : [], domain, room);
  if (choice.log && rule.logSubtitle && isObject(out.title))
    out.title = { ...out.title, subtitle: rule.logSubtitle };
  return out;
}
