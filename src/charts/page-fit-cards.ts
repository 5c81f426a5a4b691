/**
 * How a card grid (grid.ts) is spread over pages (issue 11): its cards grow with their text
 * (layout-cards.ts), and twelve cards of long names in rows of 460 px made a 1,367 px figure,
 * shrunk on its page until its text could not be read. So the cards are cut into the fewest
 * parts, of as even a number of cards as can be, whose grids, bound and laid out, fit the room
 * a page holds (page-fit.ts rowsRoomOf): the first part is the figure, the others its
 * "(continued, k/n)" figures.
 */
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable } from '../derive/types.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { bindSpec } from './bind.js';
import type { ChartInstance } from './catalogue.js';
import { isObject } from './spec-file.js';

/** The height of a part's grid of cards as bound (card rows × the laid-out step), px. */
function gridHeight(
  instance: ChartInstance,
  part: DerivedTable,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): number | undefined {
  const bound = bindSpec({ ...instance, table: part }, {}, dataset, theme, measurer).spec;
  const height = bound && isObject(bound.height) ? bound.height.step : undefined;
  const datasets = bound && isObject(bound.datasets) ? bound.datasets : {};
  const rows = datasets[instance.spec.table];
  if (typeof height !== 'number' || !Array.isArray(rows)) return undefined;
  const gridRows = Math.max(0, ...rows.map((row) => (isObject(row) ? Number(row.gridRow) + 1 : 0)));
  return height * gridRows;
}

/** The kept cards in parts that each fit `room` px; one part when they fit, or when nothing smaller does. */
export function cardParts(
  instance: ChartInstance,
  kept: DerivedTable,
  room: number,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): DerivedTable[] {
  const count = kept.rows.length;
  for (let n = 1; n <= count; n++) {
    const size = Math.ceil(count / n);
    const parts: DerivedTable[] = [];
    for (let start = 0; start < count; start += size)
      parts.push({ ...kept, rows: kept.rows.slice(start, start + size) });
    const fit = parts.every((part) => (gridHeight(instance, part, dataset, theme, measurer) ?? 0) <= room);
    // A card taller than the room alone is as small as a part gets: the figure shrinks to its page.
    if (fit || size === 1) return parts;
  }
  return [kept];
}
