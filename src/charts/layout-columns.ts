/**
 * Layout of labelled categories across (a wrapped discrete `x`, layout.ts): labels wrap to their
 * column's width, and columns narrower than MIN_COLUMN turn them upright, wrapped to as many lines
 * as the column holds. Text marks that label each column (a value above a bar) wrap to the
 * column; when they need more than MAX_VALUE_LINES lines they are left out: the axis and the
 * data table give the figures. columnsThatFit tells page-fit.ts how many columns a part takes.
 */
import type { Row } from '../derive/types.js';
import { type WrapRule, wrapText } from './label-wrap.js';
import {
  discreteField,
  eachNode,
  type LayoutContext,
  lineHeight,
  linesOf,
  rewrap,
  textOf,
} from './layout-common.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** A column narrower than this (px) turns its label upright. */
export const MIN_COLUMN = 48;
/** Air between the labels of neighbouring columns, px. */
const LABEL_AIR = 6;
/** The share of a column its grouped bars' slots take, the rest being padding between them. */
const GROUP_SHARE = 0.8;
/** Value labels above columns wrap to at most this many lines, else they are left out. */
export const MAX_VALUE_LINES = 2;

/**
 * Columns of labelled categories across (a wrapped discrete `x`) that fit `chartWidth` at the
 * narrowest column an upright label needs; undefined for a chart without them.
 */
export function columnsThatFit(
  spec: JsonObject,
  rules: readonly WrapRule[],
  chartWidth: number,
  size: number,
): number | undefined {
  const field = discreteField(spec, 'x');
  if (!rules.some((r) => r.as === field)) return undefined;
  const narrowest = (lineHeight(size) + 4) / 0.88;
  return Math.max(1, Math.floor((chartWidth - 84) / narrowest));
}

/** Room left for the plot across: the chart less the label column and a value axis. */
function plotWidth(spec: JsonObject, labelColumn: number, context: LayoutContext): number {
  const valueAxis = discreteField(spec, 'y') === undefined ? 72 : labelColumn + 12;
  return Math.max(40, context.chartWidth - valueAxis - 12);
}

function distinct(rows: readonly Row[], field: string): number {
  return new Set(rows.map((r) => textOf(r[field] as Json))).size;
}

/** Categories across: labels wrapped to their column, upright when the column is narrow. */
export function layoutColumns(
  spec: JsonObject,
  rows: Row[],
  labelColumn: number,
  context: LayoutContext,
): void {
  const field = discreteField(spec, 'x');
  if (field === undefined) return;
  // Only labelled columns (a wrapped field): a grid of cards places its own text (grid.ts).
  const rule = context.rules.find((r) => r.as === field);
  if (!rule) return;
  const size = rule.size ?? context.theme.sizes.chartLabel;
  // Numbered first (distinctTexts): two channels of one name are two columns.
  rewrap(rows, rule, typeof rule.width === 'number' ? rule.width : 100, context);
  const columns = Math.max(1, distinct(rows, field));
  // The band less vega's padding between columns (0.1 of the step for bars and cells).
  const band = (plotWidth(spec, labelColumn, context) / columns) * 0.88;
  const upright = band < MIN_COLUMN;
  // Upright labels need a line's height of column each: wider columns than that widen the chart.
  const narrowest = lineHeight(size) + 4;
  let lines = 1;
  // A label may take its column's step less LABEL_AIR: labels are centred on their columns, so
  // neighbours stay that far apart. The bar's band less 6 px cut the Japan matrix's "Semiconductor"
  // (74.7 px in a 74.6 px line) into "Semiconduct" / "or partnerships".
  if (!upright) rewrap(rows, rule, Math.max(20, Math.floor(band / 0.88 - LABEL_AIR)), context);
  else {
    // As many lines as the column holds, each as long as it must be.
    const fit = Math.max(1, Math.floor((band - 4) / lineHeight(size)));
    let width = 120;
    lines = rewrap(rows, rule, width, context).lines;
    while (lines > fit && width < 2000) {
      width = Math.ceil(width * 1.25);
      lines = rewrap(rows, rule, width, context).lines;
    }
  }
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.x;
    if (!isObject(enc) || enc.field !== field || enc.axis === null) return;
    const axis = isObject(enc.axis) ? { ...enc.axis } : {};
    if (upright) Object.assign(axis, { labelAngle: 270, labelAlign: 'right', labelBaseline: 'middle' });
    encoding.x = { ...enc, axis };
  });
  const needed = upright ? lines * lineHeight(size) + 4 : 0;
  if (upright && band < Math.max(narrowest, needed))
    spec.width = { step: Math.ceil(Math.max(narrowest, needed) / 0.88) };
  // Grouped columns (an `xOffset`): a value label sits over its own bar, a share of the column.
  // vega-lite pads the offset bands inside a column (paddingInner), so a slot is narrower than
  // its share: labels wrapped to the full share touched their neighbours (fuzz seed 11, case 212).
  const slots = columnSlots(spec, rows, field);
  layoutValueLabels(spec, rows, slots > 1 ? slotStep(spec, band, slots) : band, context);
}

/**
 * The distance between the centres of neighbouring slots of a column `band` px wide: a band
 * scale's step, from the spec's own `xOffset` paddings, else GROUP_SHARE of the share.
 */
function slotStep(spec: JsonObject, band: number, slots: number): number {
  const enc = isObject(spec.encoding) ? spec.encoding.xOffset : undefined;
  const scale = isObject(enc) && isObject(enc.scale) ? enc.scale : {};
  const inner = typeof scale.paddingInner === 'number' ? scale.paddingInner : undefined;
  const outer = typeof scale.paddingOuter === 'number' ? scale.paddingOuter : undefined;
  if (inner === undefined || outer === undefined) return (band * GROUP_SHARE) / slots;
  return band / (slots - inner + 2 * outer);
}

/** Bars side by side in one column (grouped by an `xOffset`): the most rows one column value has. */
function columnSlots(spec: JsonObject, rows: readonly Row[], field: string): number {
  if (!isObject(spec.encoding) || !isObject(spec.encoding.xOffset)) return 1;
  const per = new Map<string, number>();
  for (const row of rows) {
    const key = textOf(row[field] as Json);
    per.set(key, (per.get(key) ?? 0) + 1);
  }
  return Math.max(1, ...per.values());
}

/** Text marks labelling columns: wrapped to the column, or left out when they cannot fit. */
function layoutValueLabels(spec: JsonObject, rows: Row[], band: number, context: LayoutContext): void {
  if (!Array.isArray(spec.layer)) return;
  const size = context.theme.sizes.chartLabel;
  spec.layer = spec.layer.filter((layer) => {
    if (!isObject(layer) || !isValueText(layer)) return true;
    const field = String(
      (layer.encoding as JsonObject).text && ((layer.encoding as JsonObject).text as JsonObject).field,
    );
    const mark = layer.mark as JsonObject;
    const bold = mark.fontWeight === 'bold';
    const measure = (s: string) => context.measurer.width(s, size, bold);
    const as = `${field}Lines`;
    let lines = 0;
    let cut = false;
    for (const row of rows) {
      const text = textOf(row[field] as Json);
      const wrapped = wrapText(text, Math.max(1, band - 4), measure);
      row[as] = wrapped;
      lines = Math.max(lines, linesOf(wrapped));
      // A figure is never broken inside a word ("₩40,000–80,00" / "0"): then no value labels.
      if (wrapped.split('\n').join(' ') !== text.replace(/\s+/g, ' ').trim()) cut = true;
    }
    if (lines > MAX_VALUE_LINES || cut) return false;
    const dy = typeof mark.dy === 'number' ? mark.dy : 0;
    // Lines stack upwards from where the one line stood: the last line keeps its place.
    layer.mark = { ...mark, lineBreak: '\n', baseline: 'bottom', dy: dy + size / 2 };
    (layer.encoding as JsonObject).text = { field: as };
    return true;
  });
}

/** A layer of text marks that labels each column with a field of its row. */
function isValueText(layer: JsonObject): boolean {
  const mark = layer.mark;
  const type = typeof mark === 'string' ? mark : isObject(mark) ? mark.type : undefined;
  const text = isObject(layer.encoding) ? layer.encoding.text : undefined;
  return type === 'text' && isObject(text) && typeof text.field === 'string' && isObject(mark);
}
