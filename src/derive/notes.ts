/**
 * Notes printed under a chart when its figures need a word of caution: figures that are not
 * budgets (pledges, proposals) and ranges drawn at one end. Shared by the money tables.
 */
import type { Money } from '../dataset/schema.js';
import { isRange } from './format.js';

interface Figure {
  status: string | null;
  money: Money;
}

const STATUS_NOTES: Record<string, string> = {
  pledged: 'Pledged figures are announced commitments to mobilise money, not budgets allocated.',
  decided: 'Decided figures are decisions to invest, not yet budgets allocated.',
  proposed: 'Proposed figures have been put forward but not adopted.',
};

export function figureNotes(figures: readonly Figure[]): string[] {
  const statuses = new Set(figures.map((f) => f.status));
  const notes = Object.entries(STATUS_NOTES).flatMap(([status, note]) =>
    statuses.has(status) ? [note] : [],
  );
  if (figures.some((f) => isRange(f.money))) {
    notes.push('A range is drawn at its lower end; its label gives both ends.');
  }
  return notes;
}
