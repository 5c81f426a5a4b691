/**
 * How a chart's rows are spread over pages (issue 11): a chart with categories down the side
 * grows a band per row (layout.ts), and a figure taller than the page would be shrunk until its
 * text is unreadable or run off the page. So the rows are cut into parts, each what ROWS_ROOM
 * holds at the part's own band height (the spec's step, grown for its wrapped labels), in table
 * order: the first part is the figure the template places, the others its "(continued, k/n)"
 * figures (document/assemble.ts), each drawn and, in the deck, given a slide of its own. Columns
 * across are cut at what the chart's width holds with upright labels (22 at 520 px).
 * A spec's own `limit` still chooses the rows drawn at all (limit.ts); the data table keeps every
 * row. A spec with `continue: false` (a one-page sector profile) keeps only the first part and
 * a note that says so. The drawing, the native chart and the checks all use this one rule.
 *
 * Why 600 px: a US Letter page (the smaller of the two page sizes) leaves 627 pt inside its
 * margins and running bands (render/pdf/style.ts); a figure's caption, credit and gaps take
 * about 75 pt, the chart's key line, value axis and legend about 95 px. 600 px of rows is what
 * remains at the PDF's 0.75 pt per px, drawn at full size: 13 programme bars of 46 px (34.5 pt each).
 * An A4 page is 49.9 pt (66 px) taller than US Letter, so its parts hold 666 px (rowsRoomOf):
 * the Japan timeline's 11 rows of 60 px (one name of 124 characters wraps to four lines) are
 * one figure on A4, where 600 px had put its last row alone on a page.
 */
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { bindSpec } from './bind.js';
import type { ChartInstance } from './catalogue.js';
import { gridRule } from './grid.js';
import { type WrapRule, wrapRules } from './label-wrap.js';
import { columnsThatFit, grownBand, rowBand, rowsHeight } from './layout.js';
import { applyLimit, limitRule } from './limit.js';
import { cardParts } from './page-fit-cards.js';
import { briefkitMeta, isObject, type JsonObject } from './spec-file.js';

/** Height of the rows of a chart that fit a page at full size, px. */
export const ROWS_ROOM = 600;

/** Pt an A4 page is taller than a US Letter one (841.89 − 792). */
const A4_EXTRA_PT = 49.89;

/** Height of the rows that fit the theme's page at full size, px: ROWS_ROOM on US Letter, 666 on A4. */
export function rowsRoomOf(theme: Theme): number {
  return theme.page.size === 'A4' ? ROWS_ROOM + Math.floor(A4_EXTRA_PT / 0.75) : ROWS_ROOM;
}

const CUT_NOTE = 'The chart shows {count} of {total} rows; the table of its data lists them all.';

/** A chart's rows as drawn: the parts in order (at least one), and the note when rows were left out. */
export interface PageSplit {
  parts: DerivedTable[];
  /** The rows the spec's limit kept: every part's scale is chosen from them, so the parts agree. */
  kept: DerivedTable;
  note?: string;
}

/**
 * The kept rows in groups, in table order: rows of one value of the limit's `field`, else of the
 * field that makes a band or a column (the wrapped label's `key`, or the text it wraps), else
 * each row alone. A part never cuts a band in two.
 */
function groupsOf(rows: readonly Row[], field: string | undefined): Row[][] {
  if (field === undefined) return rows.map((row) => [row]);
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[field] ?? '');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

const withRowsOf = (table: DerivedTable, groups: readonly Row[][]): DerivedTable => ({
  ...table,
  rows: groups.flat(),
});

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Bars a figure of columns across holds when several stand side by side in a column (an
 * `xOffset`): 24 on the 520 px chart, about 17 px of plot each with vega's padding. The 60-row
 * dataset drew 60 figures in seven year columns, about 7 px a bar, its outlines and markers on
 * top of each other.
 */
export const MAX_BARS = 24;

/** Columns in parts of at most `columns` columns and, side by side in a column, MAX_BARS bars. */
function barChunks(spec: JsonObject, groups: Row[][], columns: number): Row[][][] {
  if (!isObject(spec.encoding) || !isObject(spec.encoding.xOffset)) return chunks(groups, columns);
  const parts: Row[][][] = [];
  let part: Row[][] = [];
  let bars = 0;
  for (const group of groups) {
    if (part.length > 0 && (part.length >= columns || bars + group.length > MAX_BARS)) {
      parts.push(part);
      part = [];
      bars = 0;
    }
    part.push(group);
    bars += group.length;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Lines of each row's wrapped label, as `bound` (all the rows, bound once) wraps them. */
function labelLines(
  instance: ChartInstance,
  table: DerivedTable,
  bound: JsonObject | undefined,
  rules: readonly WrapRule[],
): Map<Row, number> | undefined {
  const datasets = bound && isObject(bound.datasets) ? bound.datasets : {};
  const rows = datasets[instance.spec.table];
  const field = rowField(instance, rules);
  if (!Array.isArray(rows) || rows.length !== table.rows.length || field === undefined) return undefined;
  const lines = new Map<Row, number>();
  table.rows.forEach((row, i) => {
    const wrapped = rows[i];
    const text = isObject(wrapped) && typeof wrapped[field] === 'string' ? (wrapped[field] as string) : '';
    lines.set(row, text === '' ? 0 : text.split('\n').length);
  });
  return lines;
}

/** The wrapped field the rows are banded by (`as` of the wrap on the discrete `y`). */
function rowField(instance: ChartInstance, rules: readonly WrapRule[]): string | undefined {
  const spec = instance.spec.spec;
  return rules.find((r) => rowBand(spec, [r]) !== undefined)?.as;
}

/** Whether a part's rows, bound and laid out, fit ROWS_ROOM (the layout's own band, not an estimate). */
function fits(
  instance: ChartInstance,
  part: DerivedTable,
  groups: number,
  room: number,
  rules: readonly WrapRule[],
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): boolean {
  const bound = bindSpec({ ...instance, table: part }, {}, dataset, theme, measurer);
  const height = bound.spec ? rowsHeight(bound.spec, rules, groups) : undefined;
  return height === undefined || height <= room;
}

/** Upright labels across under the rows' labels (a matrix) take this much height within ROWS_ROOM. */
const AXIS_ALLOWANCE = 30;

/**
 * ROWS_ROOM less what upright labels across (a matrix's columns, layout.ts) take beyond an axis'
 * allowance, measured on the bound rows; never below four bands (the figure then shrinks to its page).
 */
function rowsRoom(
  instance: ChartInstance,
  bound: JsonObject | undefined,
  rules: readonly WrapRule[],
  least: number,
  theme: Theme,
  measurer: TextMeasurer,
): number {
  const spec = instance.spec.spec;
  const across = rules.find((r) => columnsThatFit(spec, [r], 1, 1) !== undefined);
  const full = rowsRoomOf(theme);
  if (!across || !bound) return full;
  const x = isObject(bound.encoding) ? bound.encoding.x : undefined;
  const axis = isObject(x) && isObject(x.axis) ? x.axis : {};
  if (axis.labelAngle !== 270) return full;
  const datasets = isObject(bound.datasets) ? bound.datasets : {};
  const rows = datasets[instance.spec.table];
  const size = across.size ?? theme.sizes.chartLabel;
  let widest = 0;
  for (const row of Array.isArray(rows) ? rows : [])
    for (const line of String(isObject(row) ? (row[across.as] ?? '') : '').split('\n'))
      widest = Math.max(widest, measurer.width(line, size, across.bold === true));
  return Math.max(4 * least, full - Math.max(0, widest - AXIS_ALLOWANCE));
}

/**
 * Parts of labelled rows down the side: as many groups as ROWS_ROOM holds at the band their
 * longest label needs. The band is worked out from each row's wrapped lines (one bind of all
 * the rows), then checked by laying the part out; a part that does not fit gives up a group.
 */
function rowParts(
  instance: ChartInstance,
  kept: DerivedTable,
  groups: Row[][],
  rules: readonly WrapRule[],
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): DerivedTable[] | undefined {
  const spec = instance.spec.spec;
  const least = rowBand(spec, rules);
  if (least === undefined || groups.length < 2) return undefined;
  // All the rows bound once: their wrapped lines, the room upright labels leave, and whether
  // they fit one figure as they are (the layout's own band, no estimate).
  const whole = bindSpec({ ...instance, table: kept }, {}, dataset, theme, measurer).spec;
  const room = rowsRoom(instance, whole, rules, least, theme, measurer);
  const wholeHeight = whole ? rowsHeight(whole, rules, groups.length) : undefined;
  if (wholeHeight === undefined || wholeHeight <= room) return [kept];
  // Rows of their own heights (layout-row-heights.ts) add up; banded rows all take the tallest's band.
  const own = whole !== undefined && rowBand(whole, rules) === undefined;
  const lines = labelLines(instance, kept, whole, rules);
  const rule = rules.find((r) => r.as === rowField(instance, rules));
  const size = rule?.size ?? theme.sizes.chartLabel;
  const bandOf = (n: number) => grownBand(spec, n, size) ?? least;
  const parts: DerivedTable[] = [];
  let start = 0;
  while (start < groups.length) {
    let most = 0;
    let sum = 0;
    let count = 0;
    for (let i = start; i < groups.length; i++) {
      const lineCount = Math.max(0, ...(groups[i] ?? []).map((row) => lines?.get(row) ?? 0));
      const next = Math.max(most, lineCount);
      const height = own ? sum + bandOf(lineCount) : (count + 1) * bandOf(next);
      if (count > 0 && height > room) break;
      most = next;
      sum += bandOf(lineCount);
      count += 1;
    }
    let part = withRowsOf(kept, groups.slice(start, start + count));
    while (count > 1 && !fits(instance, part, count, room, rules, dataset, theme, measurer)) {
      count -= 1;
      part = withRowsOf(kept, groups.slice(start, start + count));
    }
    parts.push(part);
    start += count;
  }
  return (
    balanced(parts, groups, (part, n) => fits(instance, part, n, room, rules, dataset, theme, measurer)) ??
    parts
  );
}

/**
 * The same number of parts with the groups spread evenly (23 rows in three parts of 8, 8 and 7,
 * not 11, 11 and 1: a lone row on a page of its own), when every such part still fits; else undefined.
 */
function balanced(
  parts: readonly DerivedTable[],
  groups: readonly Row[][],
  fitsPart: (part: DerivedTable, groups: number) => boolean,
): DerivedTable[] | undefined {
  const first = parts[0];
  if (parts.length < 2 || !first) return undefined;
  const out: DerivedTable[] = [];
  let start = 0;
  for (let i = 0; i < parts.length; i++) {
    const count = Math.ceil((groups.length - start) / (parts.length - i));
    const part = withRowsOf(first, groups.slice(start, start + count));
    if (!fitsPart(part, count)) return undefined;
    out.push(part);
    start += count;
  }
  return out;
}

/** The parts the rows are drawn in; one part when they fit, or when the spec is not banded. */
export function pageSplit(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): PageSplit {
  const meta = briefkitMeta(instance.spec.spec);
  const rule = limitRule(meta.limit);
  const rules = wrapRules(meta.wrap);
  const limited = applyLimit(instance.table, rule);
  const kept = limited.table;
  const spec = instance.spec.spec;
  const banded =
    rules.find((r) => rowBand(spec, [r]) !== undefined) ?? rules.find((r) => columnsThatFit(spec, [r], 1, 1));
  const field = rule?.field ?? banded?.key ?? banded?.field;
  const groups = groupsOf(kept.rows, field);
  const note = limited.note;
  // Columns across: as many as the chart's width holds upright (layout.ts), never a wider chart.
  const width = typeof instance.spec.spec.width === 'number' ? instance.spec.spec.width : theme.chart.width;
  const columns = columnsThatFit(instance.spec.spec, rules, width, theme.sizes.chartLabel);
  // Bands down the side first: a matrix has columns across too, but grows by its rows.
  const parts = gridRule(meta.grid)
    ? cardParts(instance, kept, rowsRoomOf(theme), dataset, theme, measurer)
    : rowBand(spec, rules) !== undefined
      ? rowParts(instance, kept, groups, rules, dataset, theme, measurer)
      : columns !== undefined
        ? barChunks(spec, groups, columns).map((part) => withRowsOf(kept, part))
        : undefined;
  if (!parts || parts.length < 2) return { parts: [kept], kept, ...(note ? { note } : {}) };
  if (meta.continue !== false) return { parts, kept, ...(note ? { note } : {}) };
  // One figure only: the first part, and a note counting what the data table adds.
  const first = parts[0] as DerivedTable;
  const shown = groupsOf(first.rows, field).length;
  const cut = (rule?.note ?? CUT_NOTE)
    .replaceAll('{count}', shown.toLocaleString('en-US'))
    .replaceAll('{total}', groupsOf(instance.table.rows, field).length.toLocaleString('en-US'));
  return { parts: [first], kept: first, note: cut };
}

/** The id of part `index` (from 1) of chart `id`: the first part is the chart itself. */
export const partId = (id: string, index: number): string => (index === 1 ? id : `${id}-continued-${index}`);

/**
 * A chart instance as the figures it is drawn in: itself (drawing the first part) and one
 * instance per further part, each with the rows it draws; `note` is the figure's note on rows
 * left out. An instance already split is returned as it is.
 */
export function chartParts(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): { instances: ChartInstance[]; note?: string } {
  if (instance.drawn) return { instances: [instance] };
  const split = pageSplit(instance, dataset, theme, measurer);
  const count = split.parts.length;
  const instances = split.parts.map(
    (drawn, i): ChartInstance => ({
      ...instance,
      id: partId(instance.id, i + 1),
      drawn,
      whole: split.kept,
      ...(count > 1 ? { part: { index: i + 1, count } } : {}),
    }),
  );
  return { instances, ...(split.note ? { note: split.note } : {}) };
}
