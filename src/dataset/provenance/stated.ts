/**
 * What a dataset states and on whose word: each record's figures (amounts, quantities, years)
 * with the citations behind them, and each entry of a record's `alternatives` (the figure as
 * another source states it) as a group of its own, with its own citations. The quote check
 * (check.ts), the figure check (figures.ts), the disagreement check (disagree.ts) and the
 * provenance list of a build (trace.ts) all read the dataset through this one list.
 */
import type { Citation, Money, Quantity, ShapedDataset } from '../schema.js';
import { type CitingCollection, citingRecords } from './records.js';

export type Path = (string | number)[];

export interface StatedFigure {
  path: Path;
  money?: Money;
  quantity?: Quantity;
  year?: number;
}

/** A record, or one of its alternatives: citations and the figures they must state. */
export interface CitedGroup {
  collection: CitingCollection;
  index: number;
  id: string;
  /** Path of the record, or of the alternative (`[…, 'alternatives', k]`). */
  path: Path;
  cite: readonly Citation[];
  figures: StatedFigure[];
  /** Set for an entry of the record's `alternatives`: its index there. */
  alternative?: number;
  record: Readonly<Record<string, unknown>>;
}

type Loose = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMoney = (value: unknown): value is Money =>
  isObject(value) && typeof value.amount === 'number' && typeof value.currency === 'string';
const isQuantity = (value: unknown): value is Quantity =>
  isObject(value) && typeof value.amount === 'number' && typeof value.unit === 'string';

function recordFigures(collection: CitingCollection, r: Loose, base: Path): StatedFigure[] {
  const figures: StatedFigure[] = [];
  const money = (value: unknown, path: Path) => {
    if (isMoney(value)) figures.push({ path, money: value });
  };
  const year = (value: unknown, path: Path) => {
    if (typeof value === 'number') figures.push({ path, year: value });
  };
  if (collection === 'programs') {
    money(r.budget, [...base, 'budget']);
    (Array.isArray(r.budgetStated) ? r.budgetStated : []).forEach((m, k) => {
      money(m, [...base, 'budgetStated', k]);
    });
  }
  if (collection === 'investments') {
    money(r.amount, [...base, 'amount']);
    const period = isObject(r.period) ? r.period : undefined;
    year(r.year, [...base, 'year']);
    year(period?.from, [...base, 'period', 'from']);
    year(period?.to, [...base, 'period', 'to']);
  }
  if (collection === 'targets' || collection === 'indicators') {
    if (isQuantity(r.value)) figures.push({ path: [...base, 'value'], quantity: r.value });
    year(r.year, [...base, 'year']);
  }
  return figures;
}

/**
 * An alternative's figures, read by shape rather than by name: any field that is an amount
 * of money or a quantity. Alternatives are being extended beyond investments (targets,
 * indicators); reading them by shape keeps every kind checked.
 */
function alternativeFigures(alternative: Loose, base: Path): StatedFigure[] {
  const figures: StatedFigure[] = [];
  for (const [key, value] of Object.entries(alternative)) {
    if (key === 'cite') continue;
    if (isMoney(value)) figures.push({ path: [...base, key], money: value });
    else if (isQuantity(value)) figures.push({ path: [...base, key], quantity: value });
  }
  return figures;
}

/** Every record that cites sources, then (right after it) each of its alternatives. */
export function citedGroups(data: ShapedDataset): CitedGroup[] {
  const groups: CitedGroup[] = [];
  for (const entry of citingRecords(data)) {
    const base: Path = [entry.collection, entry.index];
    const { collection, index, id, record } = entry;
    groups.push({
      collection,
      index,
      id,
      path: base,
      cite: entry.cite,
      figures: recordFigures(collection, record, base),
      record,
    });
    const alternatives = Array.isArray(record.alternatives) ? (record.alternatives as unknown[]) : [];
    alternatives.forEach((alternative, k) => {
      if (!isObject(alternative) || !Array.isArray(alternative.cite)) return;
      const path: Path = [...base, 'alternatives', k];
      groups.push({
        collection,
        index,
        id,
        path,
        cite: alternative.cite as Citation[],
        figures: alternativeFigures(alternative, path),
        alternative: k,
        record,
      });
    });
  }
  return groups;
}
