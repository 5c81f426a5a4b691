/**
 * `usermeta.briefkit.limit`: a chart of a table that grows with the dataset (one bar per
 * sector) draws at most `count` groups of rows, so that 500 sectors give a chart that fits
 * its canvas budget (limits.ts) instead of a build that fails. The drawing and the native
 * chart show the kept rows; the chart's data table keeps every row, and a note under the
 * chart says what was left out.
 *
 * `{field, count, rankBy, note}`: rows are grouped by `field` (each row alone without one);
 * the groups with the highest score are kept, in table order. A group's score adds up each
 * `rankBy` entry over its rows: a field name adds the field's number, `{field, equals}`
 * counts the rows whose field has that value. Ties keep the earlier group. `note` may use
 * `{count}` and `{total}`.
 */
import type { DerivedTable, Row } from '../derive/types.js';
import { isObject, type Json } from './spec-file.js';

interface RankTerm {
  field: string;
  equals?: Json;
}

export interface LimitRule {
  field?: string;
  count: number;
  rankBy: RankTerm[];
  note?: string;
}

/** The `limit` instruction of a spec, or undefined when it has none (or a malformed one). */
export function limitRule(meta: Json | undefined): LimitRule | undefined {
  if (!isObject(meta)) return undefined;
  const count = meta.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return undefined;
  const terms = Array.isArray(meta.rankBy) ? meta.rankBy : [];
  const rankBy = terms.flatMap((term): RankTerm[] => {
    if (typeof term === 'string') return [{ field: term }];
    if (isObject(term) && typeof term.field === 'string')
      return [{ field: term.field, ...(term.equals === undefined ? {} : { equals: term.equals }) }];
    return [];
  });
  return {
    ...(typeof meta.field === 'string' ? { field: meta.field } : {}),
    count,
    rankBy,
    ...(typeof meta.note === 'string' ? { note: meta.note } : {}),
  };
}

function score(rows: readonly Row[], rankBy: readonly RankTerm[]): number {
  let total = 0;
  for (const row of rows)
    for (const term of rankBy) {
      const value = row[term.field];
      if (term.equals !== undefined) total += value === term.equals ? 1 : 0;
      else if (typeof value === 'number' && Number.isFinite(value)) total += value;
    }
  return total;
}

/** The table with only the kept groups' rows, and the note to print when rows were left out. */
export function applyLimit(
  table: DerivedTable,
  rule: LimitRule | undefined,
): { table: DerivedTable; note?: string } {
  if (!rule) return { table };
  const groups = new Map<unknown, Row[]>();
  table.rows.forEach((row, i) => {
    const key = rule.field === undefined ? i : String(row[rule.field] ?? '');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  });
  if (groups.size <= rule.count) return { table };
  const ranked = [...groups.values()]
    .map((rows, order) => ({ rows, order, score: score(rows, rule.rankBy) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, rule.count);
  const kept = new Set(ranked.flatMap((g) => g.rows));
  const note = (rule.note ?? 'The chart shows {count} of {total}; the table of its data lists them all.')
    .replaceAll('{count}', rule.count.toLocaleString('en-US'))
    .replaceAll('{total}', groups.size.toLocaleString('en-US'));
  return { table: { ...table, rows: table.rows.filter((row) => kept.has(row)) }, note };
}
