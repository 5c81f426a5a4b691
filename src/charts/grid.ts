/**
 * Card grids, asked for in a spec by `usermeta.briefkit.grid: {maxColumns}`: each row of the
 * spec's table gets `gridColumn` and `gridRow` (from 0) for its card, in rows of at most
 * `maxColumns` cards, the cards spread evenly over the rows (five cards: 3 + 2, not 4 + 1).
 * A wrap rule with `width: "cell"` wraps at the card's width, so a label fits its card
 * whatever the number of cards.
 */
import type { Row } from '../derive/types.js';
import { isObject, type Json } from './spec-file.js';

export interface GridLayout {
  columns: number;
  rows: number;
}

/** The `grid` instruction of a spec, or undefined when it has none (or a malformed one). */
export function gridRule(meta: Json | undefined): { maxColumns: number } | undefined {
  if (!isObject(meta)) return undefined;
  const max = meta.maxColumns;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? { maxColumns: max } : undefined;
}

/** The fewest rows of at most `maxColumns`, then the fewest columns that hold `count` cards. */
export function gridLayout(count: number, maxColumns: number): GridLayout {
  if (count <= 0) return { columns: 1, rows: 0 };
  const rows = Math.ceil(count / maxColumns);
  return { columns: Math.ceil(count / rows), rows };
}

/** The rows with their card's place, left to right, then top to bottom. */
export function placeInGrid(rows: readonly Row[], layout: GridLayout): Row[] {
  return rows.map((row, i) => ({
    ...row,
    gridColumn: i % layout.columns,
    gridRow: Math.floor(i / layout.columns),
  }));
}
