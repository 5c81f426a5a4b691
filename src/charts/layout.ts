/**
 * Layout from the data (issue 11): a bound spec's label space, band heights, axis labels and
 * legend follow from the rows it draws, measured with the real font, so that any dataset gives
 * a chart whose text stays on the canvas and never overprints. Applied by bind.ts after the
 * wraps; the rules and the figures that decided them are in docs/templates.md ("Layout").
 *
 * - The label column of a chart with categories down the side (a wrapped `y` field) takes at
 *   most LABEL_SHARE of the chart's width; its labels wrap to that and the row's band grows
 *   to hold every line (LINE_GAP px of air between neighbours). A row never shrinks below the
 *   spec's own step.
 * - Categories across (a wrapped discrete `x` field) wrap to their column's width; columns
 *   narrower than MIN_COLUMN turn their labels upright, wrapped to as many lines as the column holds.
 * - Text marks that label each column (a value above a bar) wrap to the column; when they need
 *   more than MAX_VALUE_LINES lines they are left out: the axis and the data table give the figures.
 * - Colours (layout-legend.ts): a legend only when every category has its own palette colour
 *   and its label fits; else the category is written in the row's label (direct labels).
 */
import type { Row } from '../derive/types.js';
import { type WrapRule, wrapText } from './label-wrap.js';
import { eachNode, LABEL_SHARE, type LayoutContext } from './layout-common.js';
import { layoutLegend } from './layout-legend.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** Air between the wrapped labels of neighbouring rows, px. */
export const LINE_GAP = 8;
/** A column narrower than this (px) turns its label upright. */
export const MIN_COLUMN = 48;
/** The share of a column its grouped bars' slots take, the rest being padding between them. */
const GROUP_SHARE = 0.8;
/** Value labels above columns wrap to at most this many lines, else they are left out. */
export const MAX_VALUE_LINES = 2;

/**
 * A value axis' labels within this many px of either end are aligned inwards (vega's
 * labelFlush threshold): a year centred on a tick in the scale's 14 px padding ran past the
 * canvas; 36 px holds the half of a 70 px label ("1,000,000,000").
 */
export const FLUSH = 36;

/** vega sets a multi-line text's lines fontSize + 2 apart. */
export const lineHeight = (size: number) => size + 2;

const DISCRETE = new Set(['nominal', 'ordinal']);

/** The field of a discrete position channel, from the spec or any layer. */
function discreteField(spec: JsonObject, channel: 'x' | 'y'): string | undefined {
  let field: string | undefined;
  eachNode(spec, (_node, encoding) => {
    const enc = encoding[channel];
    if (isObject(enc) && typeof enc.field === 'string' && DISCRETE.has(String(enc.type))) field ??= enc.field;
  });
  return field;
}

function textOf(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

const linesOf = (text: string) => (text === '' ? 0 : text.split('\n').length);

/**
 * Each row's text, numbered where rows of different keys share it: a band per text would
 * otherwise draw two records (two sectors of one name) as one.
 */
function distinctTexts(rows: readonly Row[], rule: WrapRule): string[] {
  const texts = rows.map((row) => textOf(row[rule.field] as Json));
  const key = rule.key;
  if (key === undefined) return texts;
  const keysOf = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const keys = keysOf.get(texts[i] ?? '') ?? [];
    const k = textOf(row[key] as Json);
    if (!keys.includes(k)) keys.push(k);
    keysOf.set(texts[i] ?? '', keys);
  });
  return rows.map((row, i) => {
    const text = texts[i] ?? '';
    const keys = keysOf.get(text) ?? [];
    return keys.length > 1 ? `${text} (${keys.indexOf(textOf(row[key] as Json)) + 1})` : text;
  });
}

/** Rewraps a rule's field at `width` in every row; returns the most lines and the widest line. */
function rewrap(
  rows: Row[],
  rule: WrapRule,
  width: number,
  context: LayoutContext,
): { lines: number; widest: number } {
  const size = rule.size ?? context.theme.sizes.chartLabel;
  const measure = (s: string) => context.measurer.width(s, size, rule.bold === true);
  const texts = distinctTexts(rows, rule);
  let lines = 0;
  let widest = 0;
  for (const [i, row] of rows.entries()) {
    const wrapped = wrapText(texts[i] ?? '', width, measure);
    row[rule.as] = wrapped;
    lines = Math.max(lines, linesOf(wrapped));
    for (const line of wrapped.split('\n')) widest = Math.max(widest, measure(line));
  }
  return { lines, widest };
}

function stepOf(height: Json | undefined): number | undefined {
  return isObject(height) && typeof height.step === 'number' ? height.step : undefined;
}

/**
 * A row of nested offset bands (grouped bars) is this much taller than its offsets' steps: vega-lite
 * pads the outer band around them. Measured: three 20 px offsets (the sector summary) draw a 76.5 px row.
 */
const OFFSET_ROW = 1.3;

/** Number of offset bands in a row (grouped bars): the yOffset's sort or colour domain. */
function offsets(spec: JsonObject): number {
  const enc = isObject(spec.encoding) ? spec.encoding.yOffset : undefined;
  if (!isObject(enc)) return 1;
  if (Array.isArray(enc.sort)) return Math.max(1, enc.sort.length);
  return 1;
}

function flushValueAxis(spec: JsonObject): void {
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.x;
    if (!isObject(enc) || enc.type !== 'quantitative' || enc.axis === null) return;
    encoding.x = { ...enc, axis: { ...(isObject(enc.axis) ? enc.axis : {}), labelFlush: FLUSH } };
  });
}

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

/**
 * Height of one row's band (the step times its offset bands), px, for a chart with labelled rows
 * down the side (a wrapped discrete `y`); undefined for any other (a grid of cards, columns).
 */
export function rowBand(spec: JsonObject, rules: readonly WrapRule[]): number | undefined {
  const field = discreteField(spec, 'y');
  if (!rules.some((r) => r.as === field)) return undefined;
  const step = stepOf(spec.height);
  const bands = offsets(spec);
  return step === undefined ? undefined : step * bands * (bands > 1 ? OFFSET_ROW : 1);
}

/**
 * The band `rowBand` gives once the layout has grown the spec's step for labels of `lines`
 * lines at `size` (as layoutRows grows it); undefined for a spec without a step.
 */
export function grownBand(spec: JsonObject, lines: number, size: number): number | undefined {
  const step = stepOf(spec.height);
  if (step === undefined) return undefined;
  const bands = offsets(spec);
  const grown = Math.max(step, Math.ceil((lines * lineHeight(size) + LINE_GAP) / bands));
  return grown * bands * (bands > 1 ? OFFSET_ROW : 1);
}

/** Labels down the side: wrapped to the label column, each row's band tall enough for them. */
function layoutRows(spec: JsonObject, rows: Row[], context: LayoutContext): number {
  const field = discreteField(spec, 'y');
  const rule = context.rules.find((r) => r.as === field);
  if (!rule) return 0;
  const share = Math.floor(context.chartWidth * LABEL_SHARE);
  const width = typeof rule.width === 'number' ? Math.min(rule.width, share) : share;
  const { lines, widest } = rewrap(rows, rule, width, context);
  const size = rule.size ?? context.theme.sizes.chartLabel;
  const needed = lines * lineHeight(size) + LINE_GAP;
  // vega centres a label's first line on its band and sets the rest below: centre the block.
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.y;
    if (!isObject(enc) || enc.field !== field || enc.axis === null) return;
    const labelOffset = { expr: `-(length(split(datum.value, '\\n')) - 1) * ${lineHeight(size) / 2}` };
    encoding.y = { ...enc, axis: { ...(isObject(enc.axis) ? enc.axis : {}), labelOffset } };
  });
  const step = stepOf(spec.height);
  if (step !== undefined) {
    const bands = offsets(spec);
    spec.height = { step: Math.max(step, Math.ceil(needed / bands)) };
  }
  return widest;
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
function layoutColumns(spec: JsonObject, rows: Row[], labelColumn: number, context: LayoutContext): void {
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
  if (!upright) rewrap(rows, rule, Math.max(20, Math.floor(band - 6)), context);
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
  layoutValueLabels(spec, rows, slots > 1 ? (band * GROUP_SHARE) / slots : band, context);
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

/** The bound spec laid out for its rows (a copy; the bound rows are rewritten in place). */
export function layoutSpec(bound: JsonObject, context: LayoutContext): JsonObject {
  const spec = structuredClone(bound);
  const datasets = isObject(spec.datasets) ? spec.datasets : {};
  const main = datasets[context.table];
  if (!Array.isArray(main)) return spec;
  const rows = main as unknown as Row[];
  // The value axis' end labels stay within the plot: the first would run under the label column.
  flushValueAxis(spec);
  layoutLegend(spec, rows, context);
  const labelColumn = layoutRows(spec, rows, context);
  layoutColumns(spec, rows, labelColumn, context);
  return spec;
}
