/**
 * Pure formatting of figures for policy readers: money with its qualifier, numbers with
 * thousands separators, percentages, dates, plurals. No locale or clock is read, so the
 * same figure always prints the same way on every machine.
 */
import type { Money, Qualifier, Quantity, Scale } from '../dataset/schema.js';

const SCALE_FACTOR: Record<Scale, number> = {
  one: 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

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

export function currencySymbol(code: string): string {
  return CURRENCY_SYMBOLS[code] ?? `${code} `;
}

export function qualifierWord(qualifier: Qualifier): string {
  return QUALIFIER_WORDS[qualifier];
}

/** Rounds away floating-point noise (0.95 × 1000 = 950.0000000000001) to at most `decimals`. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `1234567.5` → `1,234,567.5`; at most `decimals` decimals, trailing zeros dropped unless `fixed`. */
export function formatNumber(value: number, decimals = 2, fixed = false): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = round(value, decimals);
  const negative = rounded < 0;
  const [whole = '0', fraction = ''] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const kept = fixed ? fraction : fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${kept ? `.${kept}` : ''}`;
}

/**
 * The amount in words of its natural scale: 1,200 billion → "1.2 trillion", 0.95 trillion →
 * "950 billion", 44 billion → "44 billion", 950,000 → "950,000".
 */
export function scaledAmount(value: number): string {
  for (const [factor, word] of SCALE_WORDS) {
    if (Math.abs(round(value / factor, 6)) >= 1) return `${formatNumber(value / factor, 3)} ${word}`;
  }
  return formatNumber(value, 2);
}

export function moneyValue(money: Pick<Money, 'amount' | 'scale'>): number {
  return money.amount * SCALE_FACTOR[money.scale];
}

export interface Conversion {
  /** ISO code of the currency to convert to. */
  to: string;
  /** Units of the amount's currency per ONE unit of `to` (e.g. 0.92 for €0.92 = US$1). */
  rate: number;
}

/** "over €58 billion"; with a conversion: "over €58 billion (≈ US$63 billion, converted at €0.92 = US$1)". */
export function formatMoney(money: Money, conversion?: Conversion, withQualifier = true): string {
  const value = moneyValue(money);
  const stated = `${withQualifier ? qualifierWord(money.qualifier) : ''}${currencySymbol(money.currency)}${scaledAmount(value)}`;
  if (!conversion || conversion.to === money.currency) return stated;
  return `${stated} (${formatConversion(value, money.currency, conversion)})`;
}

/** The computed part alone, labelled as ours: "≈ US$1.09 billion, converted at €0.92 = US$1". */
export function formatConversion(value: number, from: string, conversion: Conversion): string {
  const converted = value / conversion.rate;
  const rate = `${currencySymbol(from)}${formatNumber(conversion.rate, 4)} = ${currencySymbol(conversion.to)}1`;
  return `≈ ${currencySymbol(conversion.to)}${scaledAmount(roundSignificant(converted, 3))}, converted at ${rate}`;
}

/** A converted figure has no more precision than the rate: keep three significant digits. */
function roundSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (magnitude - digits + 1);
  return Math.round(value / factor) * factor;
}

/** `20` → "20%"; `ratio` when the value is a fraction (0.2 → "20%"). */
export function formatPercent(value: number, decimals = 1, ratio = false): string {
  return `${formatNumber(ratio ? value * 100 : value, decimals)}%`;
}

const PERCENT_UNITS = new Set(['percent', '%', 'per cent']);

export type QuantityPart = 'all' | 'figure' | 'unit';

/**
 * "over 20%", "1,200 robots per 10,000 workers", "500 megawatts".
 * `figure` gives the number alone ("1,200", "over 20%"), `unit` the rest ("" for a percentage).
 */
export function formatQuantity(quantity: Quantity, withQualifier = true, part: QuantityPart = 'all'): string {
  const qualifier = withQualifier ? qualifierWord(quantity.qualifier) : '';
  const percent = PERCENT_UNITS.has(quantity.unit.toLowerCase());
  if (part === 'unit') return percent ? '' : quantity.unit;
  const figure = `${qualifier}${percent ? formatPercent(quantity.amount) : formatNumber(quantity.amount)}`;
  return part === 'figure' || percent ? figure : `${figure} ${quantity.unit}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-07-15" → "15 July 2025"; "2025-06" → "June 2025"; "2025" or 2025 → "2025"; else undefined. */
export function formatDate(value: string | number): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (!month) return year;
  const name = MONTHS[Number(month) - 1];
  if (!name) return undefined;
  if (!day) return `${name} ${year}`;
  const dayNumber = Number(day);
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (dayNumber < 1 || dayNumber > days) return undefined;
  return `${dayNumber} ${name} ${year}`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** English plural of a noun: explicit when given, else the regular rules. */
export function pluralNoun(singular: string, plural?: string): string {
  if (plural) return plural;
  if (/[^aeiou]y$/i.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

/** "1 programme", "3 programmes", "0 programmes"; with `words`: "four channels", "no risks". */
export function formatPlural(count: number, singular: string, plural?: string, words = false): string {
  const noun = count === 1 ? singular : pluralNoun(singular, plural);
  const figure =
    words && Number.isInteger(count) && count >= 0 && count <= 10 ? NUMBER_WORDS[count] : undefined;
  return `${figure ?? formatNumber(count)} ${noun}`;
}

/** "Economic diplomacy" → "economic diplomacy" mid-sentence; "AI for All" and "R&D aim" stay as they are. */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/)[0] ?? '';
  // An acronym or a name with inner capitals keeps its case.
  if (/\p{Lu}/u.test(firstWord.slice(1))) return text;
  const [first = ''] = [...text];
  return first.toLowerCase() + text.slice(first.length);
}
