/**
 * programBudgets: every budget the source states in the home currency (programmes and
 * non-target investments, each amount once: a programme budget that is the same money as an
 * investment, `budgetSameAs`, is that investment's row), on one numeric scale (billions) for a log axis, with the
 * stated wording kept beside it. USD equivalents are only those the source states.
 */

import { figureYear } from '../dataset/figure-time.js';
import type { Dataset, Money } from '../dataset/schema.js';
import { formatMoney } from '../dataset/wording.js';
import { compareText } from './compare-text.js';
import { distinctLabels } from './distinct.js';
import { homeSymbol, inBillions, listing, maxInBillions, plural, sourcesOf } from './format.js';
import { figureNotes } from './notes.js';
import { partColumn, partNotes, summaryItems, wholeLabels } from './parts.js';
import type { DerivedTable, Row } from './types.js';

interface Budget {
  id: string;
  name: string;
  kind: string;
  year: number | null;
  status: string | null;
  money: Money;
  stated: Money[];
}

/** Investments drawn as budgets: targets are aims, not budgets (they belong to the investment chart). */
function budgetInvestments(dataset: Dataset) {
  return dataset.investments.filter((v) => v.status !== 'target');
}

function collect(dataset: Dataset): Budget[] {
  // A budget that is the same money as a figure drawn here (`budgetSameAs`) is that figure's row.
  const drawn = new Set(budgetInvestments(dataset).map((v) => v.id));
  const fromPrograms = dataset.programs.flatMap((p): Budget[] =>
    p.budget && !(p.budgetSameAs && drawn.has(p.budgetSameAs))
      ? [
          {
            id: p.id,
            name: p.name,
            kind: p.kind,
            year: p.budgetYear ?? p.year ?? null,
            status: p.budgetStatus ?? null,
            money: p.budget,
            stated: p.budgetStated,
          },
        ]
      : [],
  );
  const fromInvestments = budgetInvestments(dataset).map(
    (v): Budget => ({
      id: v.id,
      name: v.label,
      kind: 'investment',
      year: figureYear(v) ?? null,
      status: v.status ?? null,
      money: v.amount,
      stated: [],
    }),
  );
  return [...fromPrograms, ...fromInvestments];
}

export function programBudgets(dataset: Dataset): DerivedTable {
  const home = dataset.meta.currency;
  const all = collect(dataset);
  const budgets = all
    .filter((b) => b.money.currency === home)
    .sort((a, b) => inBillions(b.money) - inBillions(a.money) || compareText(a.name, b.name));
  const chartNames = distinctLabels(
    budgets.map((b) => b.name),
    (i) => (budgets[i]?.year == null ? undefined : String(budgets[i]?.year)),
  );
  const wholeOf = wholeLabels(dataset);
  const shownInvestments = new Set(budgets.filter((b) => b.kind === 'investment').map((b) => b.id));
  // Only investments are parts; a programme that shares an id with one is not.
  const partOfById = new Map(
    dataset.investments.filter((v) => shownInvestments.has(v.id)).map((v) => [v.id, v.partOf]),
  );
  const rows: Row[] = budgets.map((b, i) => {
    const stated = b.stated.map((m) => formatMoney(m)).join('; ');
    const amount = formatMoney(b.money);
    return {
      id: b.id,
      name: b.name,
      chartName: chartNames[i] ?? b.name,
      kind: b.kind,
      // The investment this one is part of: drawn beside it, never added to it (parts.ts).
      partOf: b.kind === 'investment' ? wholeOf(b.id) : null,
      year: b.year,
      status: b.status,
      amount: b.money.amount,
      amountMax: b.money.amountMax ?? null,
      currency: b.money.currency,
      scale: b.money.scale,
      qualifier: b.money.qualifier,
      valueBn: inBillions(b.money),
      valueMaxBn: maxInBillions(b.money),
      amountText: amount,
      statedText: stated,
      label: stated ? `${amount} (${stated} stated)` : amount,
    };
  });
  const shown = new Set(budgets.map((b) => b.id));
  const records = [
    ...dataset.programs.filter((p) => shown.has(p.id)),
    ...dataset.investments.filter((v) => shown.has(v.id)),
  ];
  const notes = [
    `Amounts as stated by the source; to place them on one scale we write each in ${home} billions (our arithmetic; no currency is converted).`,
  ];
  if (rows.some((r) => r.statedText)) {
    notes.push('Amounts in other currencies are those the source states; none is converted.');
  }
  notes.push(...figureNotes(budgets));
  notes.push(
    // Programme ids too: a programme budget that includes figures drawn here says so.
    ...partNotes(
      dataset,
      budgets.map((b) => b.id),
    ),
  );
  const skipped = all.length - budgets.length;
  if (skipped > 0) notes.push(`${plural(skipped, 'budget', 'budgets')} in other currencies not shown.`);
  return {
    name: 'programBudgets',
    columns: [
      { name: 'name', label: 'Programme or investment', type: 'string' },
      { name: 'year', label: 'Year', type: 'number' },
      ...partColumn(rows),
      { name: 'amountText', label: 'Budget as stated', type: 'string' },
      { name: 'statedText', label: 'Equivalent stated by the source', type: 'string' },
      { name: 'valueBn', label: 'Value (computed)', type: 'number', unit: `${homeSymbol(home)} billion` },
    ],
    rows,
    sources: sourcesOf(records),
    notes,
    summary:
      rows.length === 0
        ? 'No budgets in the dataset.'
        : `Budgets as the source states them, compared on a logarithmic scale: ${listing(
            summaryItems(
              budgets,
              (i) => `${rows[i]?.name}, ${rows[i]?.label}`,
              (i) => `${rows[i]?.amountText} (${rows[i]?.name})`,
              (id) => partOfById.get(id),
            ),
          )}.`,
  };
}
