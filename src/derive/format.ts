/**
 * Wording of figures as the source states them: qualifier, currency symbol, scale.
 * Shared by the derived tables and their summaries so a chart label and its alt text agree.
 */
import type { Citation, Money, Qualifier, Quantity, Scale } from '../dataset/schema.js';

const SCALE_IN_BILLIONS: Record<Scale, number> = {
  one: 1e-9,
  thousand: 1e-6,
  million: 1e-3,
  billion: 1,
  trillion: 1e3,
};

/** The amount in billions of its currency: the common unit that puts all money on one scale. */
export function inBillions(money: Money): number {
  // toPrecision removes binary noise such as 6.8 × 1000 = 6800.000000000001.
  return Number((money.amount * SCALE_IN_BILLIONS[money.scale]).toPrecision(12));
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

const SYMBOLS: Record<string, string> = { KRW: '₩', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "more than ₩58 trillion", "about $47 billion", "₩100 trillion". */
export function formatMoney(money: Money): string {
  const scale = money.scale === 'one' ? '' : ` ${money.scale}`;
  return `${qualifierPrefix(money.qualifier)}${currencySymbol(money.currency)}${formatNumber(money.amount)}${scale}`;
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
