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

/**
 * The label of the whole each investment is part of, by the part's id (null: not a part): an
 * investment's `partOf`, else a programme whose budget includes it (`budgetIncludes`), else one
 * whose budget may include it (`budgetOverlaps`, "possibly").
 */
export function wholeLabels(dataset: Dataset): (id: string) => string | null {
  const labels = new Map(dataset.investments.map((v) => [v.id, v.label]));
  const wholes = new Map(dataset.investments.map((v) => [v.id, v.partOf]));
  const programmeWholes = new Map<string, string>();
  for (const p of dataset.programs) {
    for (const id of p.budgetOverlaps ?? []) programmeWholes.set(id, `${p.name} (possibly)`);
    for (const id of p.budgetIncludes ?? []) programmeWholes.set(id, p.name);
  }
  return (id) => {
    const whole = wholes.get(id);
    if (whole !== undefined) return labels.get(whole) ?? null;
    return programmeWholes.get(id) ?? null;
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
  const notes = [...byWhole].map(([whole, parts]) => {
    const many = parts.length > 1;
    return `Of which: ${listing(parts)} ${many ? 'are parts' : 'is part'} of ${labels.get(whole) ?? whole}, drawn beside it; ${many ? 'they are not to be added to it' : 'the two are not to be added'}.`;
  });
  // A programme budget that is the total of figures drawn beside it (or may hold them).
  for (const p of dataset.programs) {
    if (!shown.has(p.id) && !(p.budgetSameAs && shown.has(p.budgetSameAs))) continue;
    const named = (ids: readonly string[]) =>
      ids.filter((id) => shown.has(id)).map((id) => labels.get(id) ?? id);
    const included = named(p.budgetIncludes ?? []);
    const possible = named(p.budgetOverlaps ?? []);
    if (included.length > 0)
      notes.push(
        `${p.name} includes ${listing(included)}, drawn beside it; ${included.length > 1 ? 'they are' : 'it is'} not to be added to it.`,
      );
    if (possible.length > 0)
      notes.push(
        `${p.name} may also include ${listing(possible)} (the source does not say); not to be added to it.`,
      );
  }
  return notes;
}

/** The data table's "Part of" column, only when some figure of the table is a part. */
export function partColumn(rows: readonly Row[]): DataColumn[] {
  return rows.some((r) => typeof r.partOf === 'string')
    ? [{ name: 'partOf', label: 'Part of', type: 'string' }]
    : [];
}
