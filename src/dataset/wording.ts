/**
 * Pure formatting of figures for policy readers: money with its qualifier, numbers with
 * thousands separators, percentages and quantities. No locale or clock is read, so the same
 * figure always prints the same way on every machine. Plain numbers are numbers.ts's, dates,
 * plurals and casing words.ts's, both exported here too for the modules that import all wording
 * from one place.
 */

import { formatNumber, round } from './numbers.js';
import type { FigureStatus, Money, Qualifier, Quantity, Scale } from './schema.js';

export { formatNumber, statedDecimals } from './numbers.js';
export { formatDate, formatPlural, lowerFirst, pluralNoun } from './words.js';

/** Units in one of each scale word (the figure checks read amounts by this too). */
export const SCALE_FACTOR: Readonly<Record<Scale, number>> = {
  one: 1,
  thousand: 1e3,
  'ten-thousand': 1e4,
  lakh: 1e5,
  million: 1e6,
  crore: 1e7,
  'hundred-million': 1e8,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Scales printed as the source states them: Indian English writes "₹1,000 crore", and a
 * reader of it expects that word. The others (including 만 and 억) print in English words.
 */
const KEPT_SCALES: ReadonlySet<Scale> = new Set(['lakh', 'crore']);

/** Words used for large amounts; "thousand" is not used: €950,000 reads better than €950 thousand. */
const SCALE_WORDS: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  over: 'over ',
  'at-least': 'at least ',
  'up-to': 'up to ',
  under: 'under ',
};

/**
 * Currency symbols by ISO 4217 code. Symbols shared by several currencies carry a prefix
 * (US$, A$, CN¥) so a reader never has to guess; an unknown code prints as the code itself.
 */
const CURRENCY_SYMBOLS: Record<string, string> = {
  AUD: 'A$',
  CAD: 'C$',
  CHF: 'CHF ',
  CNY: 'CN¥',
  EUR: '€',
  GBP: '£',
  HKD: 'HK$',
  INR: '₹',
  JPY: 'JP¥',
  KRW: '₩',
  NZD: 'NZ$',
  SGD: 'S$',
  TWD: 'NT$',
  USD: 'US$',
};

/**
 * What a figure of each status says the government did, as a verb phrase for a sentence
 * such as "In 2025, the government {{statusVerb status}} ₩6.8 trillion": a pledge or a
 * proposal must not read as money allocated.
 */
const STATUS_VERBS: Record<FigureStatus, string> = {
  planned: 'plans to invest',
  allocated: 'allocated',
  decided: 'decided to invest',
  actual: 'spent',
  target: 'aims for',
  pledged: 'pledged to mobilise',
  proposed: 'proposed',
};

export function isFigureStatus(value: unknown): value is FigureStatus {
  return typeof value === 'string' && Object.hasOwn(STATUS_VERBS, value);
}

export function statusVerb(status: FigureStatus): string {
  return STATUS_VERBS[status];
}

export function currencySymbol(code: string): string {
  return CURRENCY_SYMBOLS[code] ?? `${code} `;
}

export function qualifierWord(qualifier: Qualifier): string {
  return QUALIFIER_WORDS[qualifier];
}

/**
 * The amount in words of its natural scale: 1,200 billion → "1.2 trillion", 0.95 trillion →
 * "950 billion", 44 billion → "44 billion", 950,000 → "950,000".
 */
export function scaledAmount(value: number): string {
  return scaledRange([value]);
}

/**
 * Both ends of a range in the scale word of its lower end: [3e9, 5e9] → "3–5 billion",
 * [9.5e8, 1.2e9] → "950–1,200 million". One value gives `scaledAmount`.
 */
export function scaledRange(values: readonly number[]): string {
  const low = values[0] ?? 0;
  const fitting = SCALE_WORDS.filter(([factor]) => Math.abs(round(low / factor, 6)) >= 1);
  // The largest scale that shows every figure exactly in three decimals: a stated 1,722.5
  // billion stays "1,722.5 billion", never "1.723 trillion" (a changed figure).
  // More decimals only when no scale shows the figure exactly in three.
  for (let decimals = 3; decimals <= 6 && fitting.length > 0; decimals += 1) {
    const exact = fitting.find(([factor]) => values.every((v) => showsExactly(v / factor, decimals)));
    if (exact) return `${values.map((v) => formatNumber(v / exact[0], decimals)).join('–')} ${exact[1]}`;
  }
  const first = fitting[0];
  if (first) return `${values.map((v) => formatNumber(v / first[0], 3)).join('–')} ${first[1]}`;
  // Below a million the figure is written out, with the decimals it has (€0.003, never €0).
  return values.map((v) => formatNumber(v)).join('–');
}

/** Whether `value` printed with at most `decimals` decimals is the value itself. */
function showsExactly(value: number, decimals: number): boolean {
  return Math.abs(round(value, decimals) - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** The full value of an amount (for a range, its lower end). */
export function moneyValue(money: Pick<Money, 'amount' | 'scale'>): number {
  return money.amount * SCALE_FACTOR[money.scale];
}

/** The stated numbers: the amount, and the upper end of a range (templates see a missing one as null). */
function statedNumbers(money: Money): number[] {
  return typeof money.amountMax === 'number' ? [money.amount, money.amountMax] : [money.amount];
}

/** The full values of an amount: one, or the two ends of a range. */
function moneyValues(money: Money): number[] {
  return statedNumbers(money).map((n) => n * SCALE_FACTOR[money.scale]);
}

/** "58 trillion", "3–5 billion", "1,000 crore" (kept scales as stated). */
function statedFigure(money: Money): string {
  if (KEPT_SCALES.has(money.scale)) {
    return `${statedNumbers(money)
      .map((n) => formatNumber(n, 3))
      .join('–')} ${money.scale}`;
  }
  return scaledRange(moneyValues(money));
}

export interface Conversion {
  /** ISO code of the currency to convert to. */
  to: string;
  /** Units of the amount's currency per ONE unit of `to` (e.g. 0.92 for €0.92 = US$1). */
  rate: number;
}

/**
 * "over €58 billion", "₹1,000 crore", a range "about €3–5 billion", "€9 billion (computed)" for a
 * figure the dataset computed (`computed`); with a conversion:
 * "over €58 billion (≈ US$63 billion, converted at €0.92 = US$1)".
 */
export function formatMoney(money: Money, conversion?: Conversion, withQualifier = true): string {
  // A figure no source states (a sum, a conversion in the data) says it is ours wherever it is printed.
  const computed = money.computed ? ' (computed)' : '';
  const stated = `${withQualifier ? qualifierWord(money.qualifier) : ''}${currencySymbol(money.currency)}${statedFigure(money)}${computed}`;
  if (!conversion || conversion.to === money.currency) return stated;
  return `${stated} (${formatConversion(moneyValues(money), money.currency, conversion)})`;
}

/**
 * The computed part alone, labelled as ours: "≈ US$1.09 billion, converted at €0.92 = US$1";
 * given both ends of a range, both are converted ("≈ US$3.26–5.43 billion, …").
 */
export function formatConversion(
  value: number | readonly number[],
  from: string,
  conversion: Conversion,
): string {
  const values = typeof value === 'number' ? [value] : value;
  const converted = values.map((v) => roundSignificant(v / conversion.rate, 3));
  const rate = `${currencySymbol(from)}${formatNumber(conversion.rate, 4)} = ${currencySymbol(conversion.to)}1`;
  return `≈ ${currencySymbol(conversion.to)}${scaledRange(converted)}, converted at ${rate}`;
}

/** A converted figure has no more precision than the rate: keep three significant digits. */
function roundSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (magnitude - digits + 1);
  return Math.round(value / factor) * factor;
}

/**
 * `20` → "20%", `0.64` → "0.64%" (as stated; `decimals` rounds, never to "0%");
 * `ratio` when the value is a fraction (0.2 → "20%").
 */
export function formatPercent(value: number, decimals?: number, ratio = false): string {
  return `${formatNumber(ratio ? value * 100 : value, decimals)}%`;
}

const PERCENT_UNITS = new Set(['percent', '%', 'per cent']);

export type QuantityPart = 'all' | 'figure' | 'unit';

/**
 * "over 20%", "1,200 robots per 10,000 workers", "500 megawatts", a range "10–20 nanometres".
 * `figure` gives the number alone ("1,200", "over 20%"), `unit` the rest ("" for a percentage).
 */
export function formatQuantity(quantity: Quantity, withQualifier = true, part: QuantityPart = 'all'): string {
  const qualifier = withQualifier ? qualifierWord(quantity.qualifier) : '';
  const percent = PERCENT_UNITS.has(quantity.unit.toLowerCase());
  if (part === 'unit') return percent ? '' : quantity.unit;
  // A range prints both ends, the unit once: "40,000–50,000 wafers a month", "10–20%".
  const ends =
    typeof quantity.amountMax === 'number' ? [quantity.amount, quantity.amountMax] : [quantity.amount];
  const numbers = ends.map((n) => formatNumber(n, percent ? 1 : 2)).join('–');
  const figure = `${qualifier}${numbers}${percent ? '%' : ''}`;
  return part === 'figure' || percent ? figure : `${figure} ${quantity.unit}`;
}
