/**
 * How many rows of a chart fit a page (issue 11): a chart with categories down the side grows
 * a band per row (layout.ts), and a figure taller than the page would be shrunk until its text
 * is unreadable. So the rows drawn are capped at what ROWS_ROOM holds at the chart's own band
 * height (the spec's step, grown for wrapped labels); the rest are left to the figure's data
 * table, and the note the spec's `limit` gives says so (limit.ts). A spec's own `limit.count`
 * stays the upper bound. The drawing, the native chart and the checks all use this one rule.
 *
 * Why 600 px: a US Letter page (the smaller of the two page sizes) leaves 627 pt inside its
 * margins and running bands (render/pdf/style.ts); a figure's caption, credit and gaps take
 * about 75 pt, the chart's key line, value axis and legend about 95 px. 600 px of rows is what
 * remains at the PDF's 0.75 pt per px, drawn at full size: 13 programme bars of 46 px (34.5 pt each).
 * Columns across are capped at what the chart's width holds with upright labels (22 at 520 px).
 */
import type { Dataset } from '../dataset/schema.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { bindSpec } from './bind.js';
import type { ChartInstance } from './catalogue.js';
import { wrapRules } from './label-wrap.js';
import { columnsThatFit, rowBand } from './layout.js';
import { applyLimit, type LimitRule, limitRule } from './limit.js';
import { briefkitMeta } from './spec-file.js';

/** Height of the rows of a chart that fit a page at full size, px. */
export const ROWS_ROOM = 600;

const DEFAULT_NOTE = 'The chart shows {count} of {total} rows; the table of its data lists them all.';

/** Groups the limit counts (rows, or rows of one `field` value). */
function groupCount(instance: ChartInstance, rule: LimitRule | undefined): number {
  const rows = instance.table.rows;
  const field = rule?.field;
  return field === undefined ? rows.length : new Set(rows.map((r) => String(r[field] ?? ''))).size;
}

/**
 * The spec's limit, lowered to the rows that fit a page; undefined when every row fits. The band
 * is as tall as the kept rows' longest label needs, so the count is searched downwards from the
 * spec's: fewer rows may keep shorter labels and so a shorter band.
 */
export function pageLimit(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): LimitRule | undefined {
  const meta = briefkitMeta(instance.spec.spec);
  const rule = limitRule(meta.limit);
  const rules = wrapRules(meta.wrap);
  const base: LimitRule = rule ?? { count: instance.table.rows.length, rankBy: [], note: DEFAULT_NOTE };
  // Columns across: as many as the chart's width holds upright (layout.ts), never a wider chart.
  const width = typeof instance.spec.spec.width === 'number' ? instance.spec.spec.width : theme.chart.width;
  const columns = columnsThatFit(instance.spec.spec, rules, width, theme.sizes.chartLabel);
  if (columns !== undefined)
    return columns < Math.min(base.count, groupCount(instance, rule)) ? { ...base, count: columns } : rule;
  // At most what the spec's own band holds; then one row fewer until the grown band fits.
  const least = rowBand(instance.spec.spec, rules);
  if (least === undefined) return rule;
  let count = Math.min(base.count, groupCount(instance, rule), Math.max(1, Math.floor(ROWS_ROOM / least)));
  while (count > 1) {
    const kept = applyLimit(instance.table, { ...base, count }).table;
    const bound = bindSpec({ ...instance, table: kept }, {}, dataset, theme, measurer);
    const band = bound.spec ? rowBand(bound.spec, rules) : undefined;
    if (band === undefined) return rule;
    if (count * band <= ROWS_ROOM) break;
    count -= 1;
  }
  if (count >= groupCount(instance, rule)) return rule;
  return { ...base, count };
}
