/**
 * The figures a sector's one-pager leads with (templates/sector.md.hbs, its KPI tiles), by one
 * rule for any dataset:
 *
 *  1. the figures the sector's summary (the page's "In brief") states, in the order it states
 *     them: a programme budget, an investment or an indicator whose figure is written in the
 *     summary ("€4.2 billion", "35%") and that is cited to one of the summary's own sources;
 *  2. then the sector's indicators, those naming it as `sector` before those naming it only in
 *     `sectors` (a figure about several sectors says least about this one);
 *  3. then the budgets of the sector's programmes, largest first.
 *
 * A budget for more than the programme's sectors (`budgetScope.beyondSectors`: a strategy whose
 * money also goes to infrastructure and to government services) is never a sector's figure: the
 * sector's share of it is unknown, so it leads no sector's page.
 *
 * A figure counts once: a programme's budget and the investment it names in `budgetSameAs` are
 * the same money. So the headline tile is the figure the page's own first paragraph leads with,
 * never a smaller programme's budget beside it (an investment has no sector of its own; the
 * summary that states it is what ties it to the sector).
 */
import { formatMoney, formatQuantity, moneyValue } from '../dataset/wording.js';
import { asNumber, describe, fail, type HelperTable, isMoney, isQuantity, isRecord } from './helper-args.js';

type Row = Record<string, unknown>;

function rows(value: unknown, what: string): Row[] {
  if (!Array.isArray(value)) return fail(`leadFigures needs the ${what} list, got ${describe(value)}`);
  return value.filter(isRecord);
}

function text(row: Row, key: string): string | undefined {
  const value = Object.hasOwn(row, key) ? row[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function list(row: Row, key: string): unknown[] {
  const value = Object.hasOwn(row, key) ? row[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** The source ids a record is cited to. */
function sourcesOf(row: Row): Set<string> {
  return new Set(
    list(row, 'cite').flatMap((c) => (isRecord(c) && text(c, 'source') ? [text(c, 'source') as string] : [])),
  );
}

interface Figure {
  row: Row;
  /** Programme budget and investment of the same money share one key. */
  key: string;
  /** As a summary writes it, without qualifier or currency: "4.2 billion", "35%". */
  written: string;
  /** For sorting budgets: the amount in units. */
  size: number;
}

/** "US$1,250.5 billion" → "1,250.5 billion": the number and scale a sentence writes after "$". */
function fromFirstDigit(formatted: string): string {
  const at = formatted.search(/\d/u);
  return at < 0 ? formatted : formatted.slice(at);
}

/** A programme budget or an investment amount as a figure; none when the field holds no money. */
function moneyFigure(row: Row, money: unknown, key: string): Figure[] {
  if (!isMoney(money)) return [];
  return [
    { row, key, written: fromFirstDigit(formatMoney(money, undefined, false)), size: moneyValue(money) },
  ];
}

/** A budget the source gives for more than the programme's sectors (`budgetScope.beyondSectors`). */
function beyondSectors(row: Row): boolean {
  const scope = row.budgetScope;
  return isRecord(scope) && scope.beyondSectors === true;
}

function figures(programs: Row[], investments: Row[], indicators: Row[]): Figure[] {
  const found: Figure[] = [
    ...programs
      .filter((row) => !beyondSectors(row))
      .flatMap((row) =>
        moneyFigure(row, row.budget, text(row, 'budgetSameAs') ?? `programs/${text(row, 'id') ?? ''}`),
      ),
    ...investments.flatMap((row) => moneyFigure(row, row.amount, text(row, 'id') ?? '')),
  ];
  for (const row of indicators) {
    const value = row.value;
    if (!isQuantity(value)) continue;
    found.push({
      row,
      key: `indicators/${text(row, 'id') ?? ''}`,
      written: formatQuantity(value, false),
      size: 0,
    });
  }
  return found;
}

/** Where the summary writes the figure, as a number of its own (not the "4.2 billion" of "14.2 billion"). */
function positionIn(summary: string, written: string): number {
  for (let at = summary.indexOf(written); at >= 0; at = summary.indexOf(written, at + 1)) {
    const before = summary.charAt(at - 1);
    const after = summary.charAt(at + written.length);
    if (!/[\d.,]/u.test(before) && !/\d/u.test(after)) return at;
  }
  return -1;
}

function names(row: Row, sectorId: string): 'own' | 'shared' | undefined {
  if (text(row, 'sector') === sectorId) return 'own';
  return list(row, 'sectors').includes(sectorId) ? 'shared' : undefined;
}

export function leadFigures(
  sector: Row,
  programs: Row[],
  investments: Row[],
  indicators: Row[],
  count: number,
): Row[] {
  const sectorId = text(sector, 'id') ?? '';
  const summary = text(sector, 'summary') ?? '';
  const summarySources = sourcesOf(sector);
  const all = figures(programs, investments, indicators);

  const stated = all
    .map((figure) => ({ figure, at: positionIn(summary, figure.written) }))
    .filter(({ figure, at }) => at >= 0 && [...sourcesOf(figure.row)].some((s) => summarySources.has(s)))
    .sort((a, b) => a.at - b.at)
    .map(({ figure }) => figure);
  const indicatorFigures = all.filter((f) => indicators.includes(f.row));
  const own = indicatorFigures.filter((f) => names(f.row, sectorId) === 'own');
  const shared = indicatorFigures.filter((f) => names(f.row, sectorId) === 'shared');
  const budgets = all
    .filter((f) => programs.includes(f.row) && list(f.row, 'sectors').includes(sectorId))
    .sort((a, b) => b.size - a.size);

  const chosen: Figure[] = [];
  for (const figure of [...stated, ...own, ...shared, ...budgets]) {
    if (chosen.length >= count) break;
    if (!chosen.some((c) => c.key === figure.key)) chosen.push(figure);
  }
  return chosen.map((f) => f.row);
}

export function registerLeadFigureHelpers(): HelperTable {
  return {
    /**
     * `{{#each (leadFigures sector programs investments indicators count=3)}}`: the sector's
     * leading figures, mixed records (test them with `has this "budget"`, `has this "amount"`).
     */
    leadFigures([sector, programs, investments, indicators], { hash }) {
      if (!isRecord(sector) || typeof sector.id !== 'string')
        return fail(`leadFigures needs a sector record, got ${describe(sector)}`);
      const count = hash.count === undefined ? 3 : asNumber(hash.count, 'count=');
      return leadFigures(
        sector,
        rows(programs, 'programs'),
        rows(investments, 'investments'),
        rows(indicators, 'indicators'),
        count,
      );
    },
  };
}
