/**
 * Figures that are part of another (`partOf`, src/dataset/schema.ts) in the chart tables: each
 * part is drawn at its own stated value beside its whole, named with it (`partOf` column), and
 * said with it in the summary ("…, of which about ¥650 billion (Rapidus fund)") and in a note,
 * so that no reader, and no chart, adds a part to the total that already holds it.
 */
import type { Dataset } from '../dataset/schema.js';
import { listing } from './format.js';
import type { DataColumn, Row } from './types.js';

interface Part {
  id: string;
  partOf?: string | undefined;
}

/** The label of the whole each investment is part of, by the part's id (null: not a part). */
export function wholeLabels(dataset: Dataset): (id: string) => string | null {
  const labels = new Map(dataset.investments.map((v) => [v.id, v.label]));
  const wholes = new Map(dataset.investments.map((v) => [v.id, v.partOf]));
  return (id) => {
    const whole = wholes.get(id);
    return whole === undefined ? null : (labels.get(whole) ?? null);
  };
}

/**
 * Summary items with each part folded into its whole's item: `text(i)` is row i's words,
 * `partText(i)` the words of row i as a part ("about ¥650 billion (Rapidus fund)"). A part whose
 * whole is not in the table keeps its own item.
 */
export function summaryItems(
  rows: readonly Part[],
  text: (i: number) => string,
  partText: (i: number) => string,
  wholeOf: (id: string) => string | undefined,
): string[] {
  const shown = new Set(rows.map((r) => r.id));
  const parts = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const whole = wholeOf(r.id);
    if (whole !== undefined && shown.has(whole)) parts.set(whole, [...(parts.get(whole) ?? []), i]);
  });
  return rows.flatMap((r, i) => {
    const whole = wholeOf(r.id);
    if (whole !== undefined && shown.has(whole)) return [];
    const own = parts.get(r.id) ?? [];
    return [own.length > 0 ? `${text(i)}, of which ${own.map(partText).join(' and ')}` : text(i)];
  });
}

/** "Of which: Rapidus fund is part of Chip funds, drawn beside it; the two are not to be added." */
export function partNotes(dataset: Dataset, shownIds: readonly string[]): string[] {
  const shown = new Set(shownIds);
  const byWhole = new Map<string, string[]>();
  for (const v of dataset.investments) {
    if (v.partOf === undefined || !shown.has(v.id) || !shown.has(v.partOf)) continue;
    byWhole.set(v.partOf, [...(byWhole.get(v.partOf) ?? []), v.label]);
  }
  const labels = new Map(dataset.investments.map((v) => [v.id, v.label]));
  return [...byWhole].map(([whole, parts]) => {
    const many = parts.length > 1;
    return `Of which: ${listing(parts)} ${many ? 'are parts' : 'is part'} of ${labels.get(whole) ?? whole}, drawn beside it; ${many ? 'they are not to be added to it' : 'the two are not to be added'}.`;
  });
}

/** The data table's "Part of" column, only when some figure of the table is a part. */
export function partColumn(rows: readonly Row[]): DataColumn[] {
  return rows.some((r) => typeof r.partOf === 'string')
    ? [{ name: 'partOf', label: 'Part of', type: 'string' }]
    : [];
}
