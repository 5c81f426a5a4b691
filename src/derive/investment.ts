/**
 * investmentTrend: investment figures by year in the home currency. A target stays a
 * target (kind "Target") and a floor ("over") keeps its qualifier, so the chart can
 * draw it apart from a planned or actual figure.
 */

import { figureYear, yearsText } from '../dataset/figure-time.js';
import type { Dataset } from '../dataset/schema.js';
import { formatMoney } from '../dataset/wording.js';
import { compareText } from './compare-text.js';
import { homeSymbol, inBillions, isFloor, listing, maxInBillions, sourcesOf } from './format.js';
import { figureNotes } from './notes.js';
import { partColumn, partNotes, summaryItems, wholeLabels } from './parts.js';
import type { DerivedTable, Row } from './types.js';

/**
 * The chart's column of each figure: its year, or, when a year has several figures, the year
 * and the figure's status ("2025 allocated", "2025 proposed"; a number when those repeat too).
 * Several figures of one year are drawn side by side, each once: never stacked into a sum they
 * are not, never one hiding the other.
 */
export function yearColumns(
  figures: readonly { year: number | string; status: string | undefined }[],
): string[] {
  const perYear = new Map<number | string, number>();
  for (const f of figures) perYear.set(f.year, (perYear.get(f.year) ?? 0) + 1);
  const named = figures.map((f) =>
    (perYear.get(f.year) ?? 0) > 1 && f.status ? `${f.year} ${f.status}` : String(f.year),
  );
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const name of named) total.set(name, (total.get(name) ?? 0) + 1);
  return named.map((name) => {
    if ((total.get(name) ?? 0) < 2) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} ${n}`;
  });
}

/** The column of a figure whose source gives no year: drawn apart, never at a year it lacks. */
const NO_YEAR = 'year not stated';

export function investmentTrend(dataset: Dataset): DerivedTable {
  const home = dataset.meta.currency;
  const investments = dataset.investments
    .filter((v) => v.amount.currency === home)
    .sort((a, b) => (figureYear(a) ?? 0) - (figureYear(b) ?? 0) || compareText(a.id, b.id));
  // A chart column per figure: its years as the text says them ("2025", "fiscal 2021–2023").
  const columns = yearColumns(investments.map((v) => ({ year: yearsText(v) || NO_YEAR, status: v.status })));
  const wholeOf = wholeLabels(dataset);
  const partOfById = new Map(investments.map((v) => [v.id, v.partOf]));
  const rows: Row[] = investments.map((v, i) => {
    const target = v.status === 'target';
    return {
      id: v.id,
      column: columns[i] ?? (yearsText(v) || NO_YEAR),
      // The column's place in time order: a chart's layers (stated figures, then targets) would
      // otherwise list their columns layer by layer, a 2023 target after 2024's figure.
      order: i,
      label: v.label,
      // A period is drawn at its first year; `years` says what it covers.
      year: figureYear(v) ?? null,
      years: yearsText(v) || NO_YEAR,
      status: v.status ?? null,
      kind: target ? 'Target' : 'Stated figure',
      scope: v.scope ?? null,
      // The whole this figure is part of: drawn beside it, never added to it (parts.ts).
      partOf: wholeOf(v.id),
      amount: v.amount.amount,
      amountMax: v.amount.amountMax ?? null,
      currency: v.amount.currency,
      scale: v.amount.scale,
      qualifier: v.amount.qualifier,
      floor: isFloor(v.amount.qualifier) ? 'yes' : 'no',
      valueBn: inBillions(v.amount),
      valueMaxBn: maxInBillions(v.amount),
      amountText: formatMoney(v.amount),
      valueLabel: v.status ? `${formatMoney(v.amount)} (${v.status})` : formatMoney(v.amount),
    };
  });
  return {
    name: 'investmentTrend',
    columns: [
      // The years as the text says them: a period's first year alone would misdate its total.
      { name: 'years', label: 'Year', type: 'string' },
      { name: 'label', label: 'Figure', type: 'string' },
      { name: 'status', label: 'Status', type: 'string' },
      { name: 'scope', label: 'Scope', type: 'string' },
      ...partColumn(rows),
      { name: 'amountText', label: 'Amount as stated', type: 'string' },
      { name: 'valueBn', label: 'Value (computed)', type: 'number', unit: `${homeSymbol(home)} billion` },
    ],
    rows,
    sources: sourcesOf(investments),
    notes: [
      'Amounts as stated by the source; to draw them on one axis we write each in one unit (our arithmetic; no currency is converted).',
      ...(rows.some((r) => r.kind === 'Target')
        ? ['Targets are aims, drawn as outlines, not as spending.']
        : []),
      ...figureNotes(investments.map((v) => ({ status: v.status ?? null, money: v.amount }))),
      ...partNotes(
        dataset,
        investments.map((v) => v.id),
      ),
    ],
    summary:
      rows.length === 0
        ? 'No investment figures in the dataset.'
        : `Investment figures by year: ${listing(
            summaryItems(
              investments,
              (i) => {
                const r = rows[i] as Row;
                return `${r.years}: ${r.valueLabel}${r.scope ? `, ${r.scope}` : ''}`;
              },
              (i) => `${rows[i]?.amountText} (${rows[i]?.label})`,
              (id) => partOfById.get(id),
            ),
          )}.`,
  };
}
