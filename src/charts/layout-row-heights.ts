/**
 * Rows as tall as their own labels (layout-rows.ts): vega's band scale gives every row the band of
 * the longest label, so one name of 118 characters (four lines at the label column) made each of
 * the Japan budgets' 23 rows 60 px tall and the chart ran over three pages. Here the discrete `y`
 * becomes a quantitative position in px from the top: each row takes its own lines' height (never
 * less than the spec's step), its centre is written into the row (ROW_Y), and the axis labels the
 * centres with the row's wrapped text, styled as the band axis was.
 *
 * Only for a spec this can redraw as it was meant: rows in data order (`sort: null`), no offset
 * bands (`yOffset`), marks that sit on a row's centre (bars, points, text, rules, ticks), and
 * rows that would differ in height (else the band scale gives the same rows, and the same bytes).
 */
import type { Row } from '../derive/types.js';
import { eachNode, LINE_GAP, lineHeight, linesOf, textOf } from './layout-common.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** The field a row's centre is written to, px from the top of the plot. */
export const ROW_Y = 'briefkitRowY';

/** Marks drawn on a row's centre: what a row position can place. */
const CENTRED = new Set(['bar', 'point', 'circle', 'square', 'text', 'rule', 'tick']);

function markType(node: JsonObject): string | undefined {
  const mark = node.mark;
  return typeof mark === 'string'
    ? mark
    : isObject(mark) && typeof mark.type === 'string'
      ? mark.type
      : undefined;
}

/** Whether the spec's rows, banded by `field`, can take heights of their own. */
function canVary(spec: JsonObject, field: string): boolean {
  let ok = true;
  eachNode(spec, (node, encoding) => {
    const type = markType(node);
    if (type !== undefined && !CENTRED.has(type)) ok = false;
    if (encoding.yOffset !== undefined || encoding.y2 !== undefined) ok = false;
    const y = encoding.y;
    if (y === undefined) return;
    if (!isObject(y) || y.field !== field || y.sort !== null) ok = false;
  });
  return ok;
}

/** The heights of the rows' bands, one per label in data order, and each row's centre. */
interface RowHeights {
  labels: string[];
  lines: number[];
  bands: number[];
  centres: number[];
  total: number;
}

function heightsOf(rows: readonly Row[], field: string, step: number, size: number): RowHeights {
  const labels: string[] = [];
  for (const row of rows) {
    const text = textOf(row[field] as Json);
    if (!labels.includes(text)) labels.push(text);
  }
  const lines = labels.map((label) => Math.max(1, linesOf(label)));
  const bands = lines.map((n) => Math.max(step, Math.ceil(n * lineHeight(size) + LINE_GAP)));
  const centres: number[] = [];
  let total = 0;
  for (const band of bands) {
    centres.push(total + band / 2);
    total += band;
  }
  return { labels, lines, bands, centres, total };
}

/** A mark's `{band: k}` thickness as px of the spec's step; bars lie along x. */
function fixMark(node: JsonObject, step: number): void {
  const type = markType(node);
  if (type === undefined) return;
  const mark: JsonObject = typeof node.mark === 'string' ? { type } : { ...(node.mark as JsonObject) };
  const height = mark.height;
  if (isObject(height) && typeof height.band === 'number')
    mark.height = Math.round(height.band * step * 10) / 10;
  if (type === 'bar') {
    mark.orient = 'horizontal';
    // vega-lite's band scale pads a bar 0.1 of its band: the same thickness on a row position.
    if (mark.height === undefined) mark.height = Math.round(step * 0.9 * 10) / 10;
  }
  node.mark = mark;
}

/**
 * Rewrites `spec` (laid out by layoutRows) so each row is as tall as its own label; returns the
 * plot's height, or undefined when the spec keeps its band scale.
 */
export function ownRowHeights(
  spec: JsonObject,
  rows: Row[],
  field: string,
  size: number,
): number | undefined {
  const step = isObject(spec.height) && typeof spec.height.step === 'number' ? spec.height.step : undefined;
  if (step === undefined || !canVary(spec, field)) return undefined;
  const heights = heightsOf(rows, field, step, size);
  if (new Set(heights.bands).size < 2) return undefined;
  const centreOf = new Map(heights.labels.map((label, i) => [label, heights.centres[i] ?? 0]));
  for (const row of rows) row[ROW_Y] = centreOf.get(textOf(row[field] as Json)) ?? 0;
  const centres = JSON.stringify(heights.centres);
  const at = `indexof(${centres}, datum.value)`;
  // JSON is a JavaScript literal but for U+2028/U+2029, which end a line in vega's expression parser.
  const literal = JSON.stringify(heights.labels)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const labelExpr = `split(${literal}[${at}], '\\n')`;
  // vega centres a label's first line on its tick and sets the rest below: centre the block.
  const labelOffset = { expr: `-(${JSON.stringify(heights.lines)}[${at}] - 1) * ${lineHeight(size) / 2}` };
  eachNode(spec, (node, encoding) => {
    fixMark(node, step);
    const enc = encoding.y;
    if (!isObject(enc)) return;
    const axis = isObject(enc.axis) ? enc.axis : {};
    const { labelExpr: _expr, labelOffset: _offset, ...kept } = axis;
    encoding.y = {
      field: ROW_Y,
      type: 'quantitative',
      title: enc.title ?? null,
      scale: { domain: [0, heights.total], reverse: true, nice: false, zero: false },
      axis:
        enc.axis === null
          ? null
          : {
              // A band axis' defaults, which a quantitative one does not share.
              grid: false,
              labelOverlap: false,
              labelFlush: false,
              ...kept,
              values: heights.centres,
              labelExpr,
              labelOffset,
            },
    };
  });
  spec.height = heights.total;
  return heights.total;
}
