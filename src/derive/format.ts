/**
 * Numbers and words of the derived tables. Figures are worded by the document's formatters
 * (src/dataset/wording.ts: money, quantities, qualifiers), so a chart label, its alt text and
 * the briefing's sentence say "over ₩30 trillion" alike; this file adds what only charts need:
 * one numeric scale (billions) and list wording for summaries.
 */
import type { Citation, Money, Qualifier } from '../dataset/schema.js';
import { currencySymbol, moneyValue } from '../dataset/wording.js';

/**
 * The amount in billions of its currency: the common unit that puts all money on one scale.
 * For a range ("€3–5 billion") this is its lower end, the figure the source commits to.
 */
export function inBillions(money: Pick<Money, 'amount' | 'scale'>): number {
  // toPrecision removes binary noise such as 6.8 × 1000 = 6800.000000000001.
  return Number((moneyValue(money) / 1e9).toPrecision(12));
}

/** The currency as the text writes it in a unit ("€ billion", "JP¥ billion", "CHF billion"). */
export function homeSymbol(code: string): string {
  return currencySymbol(code).trim();
}

/** The upper end of a range in billions, or null for a single figure. */
export function maxInBillions(money: Money): number | null {
  return money.amountMax === undefined ? null : inBillions({ amount: money.amountMax, scale: money.scale });
}

/** True when the source gives a range ("between 3 and 5 billion"). */
export function isRange(money: Money): boolean {
  return money.amountMax !== undefined;
}

/** True when the source gives a floor ("over", "at least"), not the figure itself. */
export function isFloor(qualifier: Qualifier): boolean {
  return qualifier === 'over' || qualifier === 'at-least';
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
