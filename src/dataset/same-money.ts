/**
 * A programme's budget and an investment record can state the same money ("up to ¥476 billion
 * for the TSMC plant" as the programme's budget and as the 2022 figure). `budgetSameAs` says so,
 * and the derived tables then count the money once (src/derive/budgets.ts). These checks keep
 * the link true: it names a figure of the same amount and status, and two records that look like the same
 * money without the link get a warning. Like references.ts, they read the data defensively.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { type At, isLoose, type Loose, records, textOf } from './loose-records.js';
import { moneyValue } from './wording.js';

const numberOf = (record: Loose, key: string) =>
  typeof record[key] === 'number' ? (record[key] as number) : undefined;

/** "JPY 4.76e11 up-to": the amount as one comparable key, or undefined when it is not money. */
function moneyKey(value: unknown): string | undefined {
  if (!isLoose(value) || typeof value.amount !== 'number' || typeof value.currency !== 'string')
    return undefined;
  const scale = typeof value.scale === 'string' ? value.scale : 'one';
  const full = moneyValue({
    amount: value.amount,
    scale: scale as Parameters<typeof moneyValue>[0]['scale'],
  });
  if (!Number.isFinite(full)) return undefined;
  const max = typeof value.amountMax === 'number' ? `-${value.amountMax}` : '';
  return `${value.currency} ${full}${max}`;
}

/** The sources a record cites. */
function citedSources(record: Loose): Set<string> {
  const cites = Array.isArray(record.cite) ? record.cite : [];
  return new Set(cites.flatMap((c) => (isLoose(c) && typeof c.source === 'string' ? [c.source] : [])));
}

/** The year a programme's money is for, when it states one. */
function programYear(p: Loose): number | undefined {
  return numberOf(p, 'budgetYear') ?? numberOf(p, 'year');
}

/**
 * Years agree unless both records state them and the programme's year lies outside the
 * figure's year or period ("by fiscal 2030" takes in a 2024 pledge).
 */
function yearsAgree(p: Loose, v: Loose): boolean {
  const year = programYear(p);
  if (year === undefined) return true;
  const single = numberOf(v, 'year');
  if (single !== undefined) return single === year;
  const period = isLoose(v.period) ? v.period : {};
  const from = numberOf(period, 'from') ?? Number.NEGATIVE_INFINITY;
  const to = numberOf(period, 'to') ?? Number.POSITIVE_INFINITY;
  return from <= year && year <= to;
}

export function checkSameMoney(data: unknown, at: At): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const investments = records(data, 'investments');
  const byId = new Map(
    investments.flatMap((v): [string, Loose][] => {
      const id = textOf(v, 'id');
      return id === undefined ? [] : [[id, v]];
    }),
  );
  records(data, 'programs').forEach((p, i) => {
    const budget = moneyKey(p.budget);
    if (budget === undefined) return;
    const linked = textOf(p, 'budgetSameAs');
    if (linked !== undefined) {
      // An unknown id is reported by references.ts.
      const figure = byId.get(linked);
      const amount = figure ? moneyKey(figure.amount) : undefined;
      if (amount !== undefined && amount !== budget) {
        problems.push(
          error('DATA_INVALID_VALUE', `budgetSameAs names "${linked}", a figure of another amount`, {
            ...at(['programs', i, 'budgetSameAs']),
            hint: 'budgetSameAs links a budget to the investment that states the same money; check both amounts, or remove the link',
          }),
        );
      }
      // One money, one stage: a budget "allocated" beside its figure "decided" printed both words
      // for the same ¥100 billion in one document.
      const status = textOf(p, 'budgetStatus');
      const figureStatus = figure ? textOf(figure, 'status') : undefined;
      // A budget without a status takes its figure's in the documents (derive/totals.ts).
      if (figure && status !== undefined && figureStatus !== undefined && status !== figureStatus) {
        problems.push(
          error(
            'DATA_INVALID_VALUE',
            `budgetStatus is ${status}, but "${linked}", the same money, is ${figureStatus}`,
            {
              ...at(['programs', i, 'budgetStatus']),
              hint: `give the budget and the investment one status, the stage the source states (budgetStatus: ${figureStatus}, or change the investment's), so that every document words the money the same way`,
            },
          ),
        );
      }
      return;
    }
    const sources = citedSources(p);
    const twin = investments.find(
      (v) =>
        moneyKey(v.amount) === budget && yearsAgree(p, v) && [...citedSources(v)].some((s) => sources.has(s)),
    );
    const twinId = twin ? textOf(twin, 'id') : undefined;
    if (twinId === undefined) return;
    problems.push({
      ...error(
        'DATA_SAME_MONEY',
        `the budget of "${textOf(p, 'id') ?? `programs[${i}]`}" and the investment "${twinId}" state the same amount, year and source`,
        {
          ...at(['programs', i, 'budget']),
          hint: `if they are the same money, write budgetSameAs: ${twinId} so that totals and tables count it once`,
        },
      ),
      severity: 'warning',
    });
  });
  return problems;
}
