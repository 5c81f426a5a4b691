/**
 * Layout from the data (issue 11): a bound spec's label space, band heights, axis labels and
 * legend follow from the rows it draws, measured with the real font, so that any dataset gives
 * a chart whose text stays on the canvas and never overprints. Applied by bind.ts after the
 * wraps; the rules and the figures that decided them are in docs/charts.md. Each step has its
 * own file:
 *
 * - Rows (layout-rows.ts): the label column of a chart with categories down the side (a wrapped `y` field) takes at
 *   most LABEL_SHARE of the chart's width; its labels wrap to that and the row's band grows
 *   to hold every line (LINE_GAP px of air between neighbours). A row never shrinks below the
 *   spec's own step.
 * - Columns (layout-columns.ts): categories across (a wrapped discrete `x` field) wrap to their column's width; columns
 *   narrower than MIN_COLUMN turn their labels upright, wrapped to as many lines as the column holds.
 * - Text marks that label each column (a value above a bar) wrap to the column; when they need
 *   more than MAX_VALUE_LINES lines they are left out: the axis and the data table give the figures.
 * - Colours (layout-legend.ts): a legend only when every category has its own palette colour
 *   and its label fits; else the category is written in the row's label (direct labels).
 * - Cards (layout-cards.ts): a card grid's figure is set smaller when wider than its card, its
 *   text layers move down when their lines would run into each other, the card grows to hold them.
 */
import type { Row } from '../derive/types.js';
import { layoutCards } from './layout-cards.js';
import { layoutColumns } from './layout-columns.js';
import { eachNode, FLUSH, type LayoutContext } from './layout-common.js';
import { layoutLegend } from './layout-legend.js';
import { layoutRows } from './layout-rows.js';
import { isObject, type JsonObject } from './spec-file.js';

export { columnsThatFit, MAX_VALUE_LINES, MIN_COLUMN } from './layout-columns.js';
export { FLUSH, LINE_GAP, lineHeight } from './layout-common.js';
export { grownBand, rowBand, rowsHeight } from './layout-rows.js';

function flushValueAxis(spec: JsonObject): void {
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.x;
    if (!isObject(enc) || enc.type !== 'quantitative' || enc.axis === null) return;
    encoding.x = { ...enc, axis: { ...(isObject(enc.axis) ? enc.axis : {}), labelFlush: FLUSH } };
  });
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
  layoutCards(spec, rows, context);
  return spec;
}
