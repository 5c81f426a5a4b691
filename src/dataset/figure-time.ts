/**
 * When a figure happens, in words: a year ("in 2025"), a fiscal year ("in fiscal 2025"), a
 * period ("over fiscal 2021–2023", "from 2024", "by 2030"), an amount a year ("a year from
 * 2022 to 2029"); and whether that time is past, current or still to come as of the dataset's
 * as-of date, so that a sentence never says "plans to invest" of a year that is over.
 */
import type { Basis, Period } from './schema.js';

/** The fields of a record that say when (investments have all of them, targets only `year`). */
export interface FigureTime {
  year?: number | null;
  period?: Period | null;
  fiscal?: boolean | null;
  basis?: Basis | null;
}

export interface FiscalYear {
  startMonth: number;
  namedBy: 'start' | 'end';
}

export type Tense = 'past' | 'current' | 'future';

/** The years as a from–to pair; a single year is both ends. */
export function yearSpan(time: FigureTime): { from?: number; to?: number } {
  if (typeof time.year === 'number') return { from: time.year, to: time.year };
  const from = time.period?.from ?? undefined;
  const to = time.period?.to ?? undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** The year a figure is drawn and sorted at: its year, else the first year of its period, else the last. */
export function figureYear(time: FigureTime): number | undefined {
  const { from, to } = yearSpan(time);
  return from ?? to;
}

const fiscalWord = (time: FigureTime) => (time.fiscal ? 'fiscal ' : '');

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "over five years", "over 12 years": a period the source gives as a length, no year named. */
function lengthText(time: FigureTime): string {
  const years = time.period?.years ?? undefined;
  if (years === undefined) return '';
  return `over ${COUNT_WORDS[years] ?? String(years)} year${years === 1 ? '' : 's'}`;
}

/** "2025", "fiscal 2025", "2022–2029", "fiscal 2021–2023", "from 2024", "by 2030", "over five years": for labels and tables. */
export function yearsText(time: FigureTime): string {
  const { from, to } = yearSpan(time);
  const f = fiscalWord(time);
  if (from !== undefined && to !== undefined) return from === to ? `${f}${from}` : `${f}${from}–${to}`;
  const length = lengthText(time);
  if (from !== undefined) return `from ${f}${from}${length ? `, ${length}` : ''}`;
  if (to !== undefined) return `by ${f}${to}${length ? `, ${length}` : ''}`;
  return length;
}

/**
 * The time phrase after an amount: "in 2025", "for 2026" (money assigned ahead of its year),
 * "over fiscal 2021–2023", "a year from 2022 to 2029", "from 2024", "by 2030".
 * `ahead` asks for "for": a sentence such as "has allocated ₩2 billion for 2026".
 */
export function timePhrase(time: FigureTime, options: { target?: boolean; ahead?: boolean } = {}): string {
  const { from, to } = yearSpan(time);
  const f = fiscalWord(time);
  const annual = time.basis === 'annual';
  if (from !== undefined && to !== undefined && from === to) {
    if (options.target) return `${annual ? 'a year ' : ''}by ${f}${to}`;
    return `${annual ? 'a year ' : ''}${options.ahead ? 'for' : 'in'} ${f}${from}`;
  }
  if (from !== undefined && to !== undefined)
    return annual ? `a year from ${f}${from} to ${to}` : `over ${f}${from}–${to}`;
  const length = lengthText(time);
  const over = length ? ` ${length}` : '';
  if (from !== undefined) return `${annual ? 'a year ' : ''}from ${f}${from}${over}`;
  if (to !== undefined) return annual ? `a year until ${f}${to}` : `by ${f}${to}${over}`;
  // Only a length ("over five years"); no years at all: none is said, but an amount a year says so.
  if (length) return annual ? `a year ${length.replace(/^over/, 'for')}` : length;
  return annual ? 'a year' : '';
}

/** First day (YYYY-MM-DD) of the calendar or fiscal year `year`, and the first day after it. */
function yearBounds(year: number, fiscal: FiscalYear | undefined): [string, string] {
  if (!fiscal || fiscal.startMonth === 1) return [`${year}-01-01`, `${year + 1}-01-01`];
  const startYear = fiscal.namedBy === 'start' ? year : year - 1;
  const month = String(fiscal.startMonth).padStart(2, '0');
  return [`${startYear}-${month}-01`, `${startYear + 1}-${month}-01`];
}

/** An as-of date of any precision as a day: "2025" is 1 January, "2025-07" the 1st of July. */
function asDay(asOf: string): string {
  return asOf.length === 4 ? `${asOf}-01-01` : asOf.length === 7 ? `${asOf}-01` : asOf;
}

/**
 * Past when the figure's last year ended before the as-of date, future when its first year
 * starts after it, current otherwise (an open "from 2024" is current once 2024 has begun).
 */
export function tenseOf(time: FigureTime, asOf: string, fiscal?: FiscalYear): Tense {
  const { from, to } = yearSpan(time);
  const day = asDay(asOf);
  const useFiscal = time.fiscal ? fiscal : undefined;
  if (to !== undefined && day >= yearBounds(to, useFiscal)[1]) return 'past';
  if (from !== undefined && day < yearBounds(from, useFiscal)[0]) return 'future';
  if (from === undefined && to !== undefined && day < yearBounds(to, useFiscal)[0]) return 'future';
  return 'current';
}
