/**
 * Wording of figures as the source states them: qualifier, currency symbol, scale.
 * Shared by the derived tables and their summaries so a chart label and its alt text agree.
 */
import type { Citation, Money, Qualifier, Quantity, Scale } from '../dataset/schema.js';

const SCALE_IN_BILLIONS: Record<Scale, number> = {
  one: 1e-9,
  thousand: 1e-6,
  'ten-thousand': 1e-5,
  lakh: 1e-4,
  million: 1e-3,
  crore: 1e-2,
  'hundred-million': 0.1,
  billion: 1,
  trillion: 1e3,
};

/**
 * The amount in billions of its currency: the common unit that puts all money on one scale.
 * For a range ("€3–5 billion") this is its lower end, the figure the source commits to.
 */
export function inBillions(money: Pick<Money, 'amount' | 'scale'>): number {
  // toPrecision removes binary noise such as 6.8 × 1000 = 6800.000000000001.
  return Number((money.amount * SCALE_IN_BILLIONS[money.scale]).toPrecision(12));
}

/** The upper end of a range in billions, or null for a single figure. */
export function maxInBillions(money: Money): number | null {
  return money.amountMax === undefined ? null : inBillions({ amount: money.amountMax, scale: money.scale });
}

/** True when the source gives a range ("between 3 and 5 billion"). */
export function isRange(money: Money): boolean {
  return money.amountMax !== undefined;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  over: 'more than ',
  'at-least': 'at least ',
  'up-to': 'up to ',
  under: 'under ',
};

export function qualifierPrefix(qualifier: Qualifier): string {
  return QUALIFIER_WORDS[qualifier];
}

/** True when the source gives a floor ("more than", "at least"), not the figure itself. */
export function isFloor(qualifier: Qualifier): boolean {
  return qualifier === 'over' || qualifier === 'at-least';
}

const SYMBOLS: Record<string, string> = { KRW: '₩', USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** Scale words an English reader of the source's country knows; the others are restated. */
const KEPT_SCALES: ReadonlySet<Scale> = new Set([
  'thousand',
  'million',
  'billion',
  'trillion',
  'lakh',
  'crore',
]);
const ENGLISH_WORDS: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/**
 * The numbers and the scale word as a reader expects them: "58 trillion", "1,000 crore",
 * and a myriad scale (만, 억) restated in English words: 3 hundred-million → "300 million".
 */
function figures(money: Money): { numbers: number[]; word: string } {
  const stated = [money.amount, ...(money.amountMax === undefined ? [] : [money.amountMax])];
  if (money.scale === 'one' || KEPT_SCALES.has(money.scale)) {
    return { numbers: stated, word: money.scale === 'one' ? '' : money.scale };
  }
  const units = stated.map((n) => inBillions({ amount: n, scale: money.scale }) * 1e9);
  // The lower end picks the word, so both ends of a range share it ("50–200 million").
  const [factor, word] = ENGLISH_WORDS.find(([f]) => (units[0] ?? 0) / f >= 1) ?? [1, ''];
  return { numbers: units.map((u) => Number((u / factor).toPrecision(12))), word };
}

/** "more than ₩58 trillion", "about $47 billion", "₹1,000 crore", a range "about €3–5 billion". */
export function formatMoney(money: Money): string {
  const { numbers, word } = figures(money);
  const amount = numbers.map(formatNumber).join('–');
  return `${qualifierPrefix(money.qualifier)}${currencySymbol(money.currency)}${amount}${word ? ` ${word}` : ''}`;
}

/** "more than 20%", "1,012 robots per 10,000 manufacturing workers". */
export function formatQuantity(quantity: Quantity): string {
  const unit = quantity.unit === 'percent' ? '%' : ` ${quantity.unit}`;
  return `${qualifierPrefix(quantity.qualifier)}${formatNumber(quantity.amount)}${unit}`;
}

/** Distinct source ids of the records, in first-seen order. */
export function sourcesOf(records: readonly { cite: readonly Citation[] }[]): string[] {
  const ids = new Set<string>();
  for (const record of records) for (const c of record.cite) ids.add(c.source);
  return [...ids];
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c"; items that hold commas or colons are separated by semicolons. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.some((item) => /[,:]/.test(item))) return items.join('; ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
