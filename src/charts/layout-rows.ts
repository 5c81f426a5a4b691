/**
 * Layout of labelled rows down the side (a wrapped discrete `y`, layout.ts): the label column
 * takes at most LABEL_SHARE of the chart's width, its labels wrap to it, and each row's band grows
 * to hold every line (LINE_GAP px of air between neighbours), never below the spec's own step.
 * rowBand and grownBand tell page-fit.ts what a row takes, from the same rule.
 */
import type { Row } from '../derive/types.js';
import type { WrapRule } from './label-wrap.js';
import {
  discreteField,
  eachNode,
  LABEL_SHARE,
  type LayoutContext,
  LINE_GAP,
  lineHeight,
  linesOf,
  rewrap,
  textOf,
} from './layout-common.js';
import { ownRowHeights, ROW_Y } from './layout-row-heights.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

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
 * Height of the rows of a bound, laid out spec, px: its own rows' heights when they vary
 * (layout-row-heights.ts), else `groups` bands; undefined for a spec without labelled rows.
 */
export function rowsHeight(
  bound: JsonObject,
  rules: readonly WrapRule[],
  groups: number,
): number | undefined {
  const y = isObject(bound.encoding) ? bound.encoding.y : undefined;
  if (isObject(y) && y.field === ROW_Y && typeof bound.height === 'number') return bound.height;
  const band = rowBand(bound, rules);
  return band === undefined ? undefined : groups * band;
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
export function layoutRows(spec: JsonObject, rows: Row[], context: LayoutContext): number {
  const field = discreteField(spec, 'y');
  const rule = context.rules.find((r) => r.as === field);
  if (!rule) return 0;
  const share = Math.floor(context.chartWidth * LABEL_SHARE);
  const width = typeof rule.width === 'number' ? Math.min(rule.width, share) : share;
  const { lines, widest } = rewrap(rows, rule, width, context);
  const size = rule.size ?? context.theme.sizes.chartLabel;
  // Texts drawn in the row (a value beside its mark) need their lines too.
  const inRow = context.rules.filter((r) => r.inRow === true && r !== rule);
  const needed = Math.max(
    lines * lineHeight(size) + LINE_GAP,
    ...inRow.map((r) => {
      const most = Math.max(0, ...rows.map((row) => linesOf(textOf(row[r.as] as Json))));
      return most * lineHeight(r.size ?? context.theme.sizes.chartLabel) + LINE_GAP;
    }),
  );
  // vega centres a label's first line on its band and sets the rest below: centre the block.
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.y;
    if (!isObject(enc) || enc.field !== field || enc.axis === null) return;
    const labelOffset = { expr: `-(length(split(datum.value, '\\n')) - 1) * ${lineHeight(size) / 2}` };
    const axis = isObject(enc.axis) ? enc.axis : {};
    // The parts of a continued chart share one label column, the width labels wrap to, so
    // their plots start at the same x and a value sits at the same place in every part.
    const padding = typeof axis.labelPadding === 'number' ? axis.labelPadding : 2;
    const column: JsonObject = context.continued ? { minExtent: width + padding } : {};
    encoding.y = { ...enc, axis: { ...axis, labelOffset, ...column } };
  });
  // Rows as tall as their own labels where the spec allows it (layout-row-heights.ts).
  if (ownRowHeights(spec, rows, rule.as, size) !== undefined) return widest;
  const step = stepOf(spec.height);
  if (step !== undefined) {
    const bands = offsets(spec);
    spec.height = { step: Math.max(step, Math.ceil(needed / bands)) };
  }
  return widest;
}
