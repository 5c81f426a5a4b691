/**
 * The part of a citation's `locator` briefkit can check: a page ("p. 12", "pp. 12–13",
 * "page 12") or a paragraph ("para. 3", "¶ 3", "paragraph 3"). Other locators ("§ 3.2",
 * "Table 4") are kept for the reader and not checked.
 */
import type { Place } from './quotes.js';

export interface CheckableLocator {
  kind: 'page' | 'paragraph';
  from: number;
  to: number;
}

const PAGE = /^(?:pp?\.?|pages?)\s*(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?$/iu;
const PARAGRAPH = /^(?:para(?:graph)?s?\.?|¶)\s*(\d{1,5})(?:\s*[-–—]\s*(\d{1,5}))?$/iu;

export function parseLocator(locator: string): CheckableLocator | undefined {
  const text = locator.trim();
  for (const [kind, pattern] of [
    ['page', PAGE],
    ['paragraph', PARAGRAPH],
  ] as const) {
    const match = pattern.exec(text);
    if (match) {
      const from = Number(match[1]);
      return { kind, from, to: match[2] ? Number(match[2]) : from };
    }
  }
  return undefined;
}

export function locatorHolds(locator: CheckableLocator, place: Place): boolean {
  const at = locator.kind === 'page' ? place.page : place.paragraph;
  return at >= locator.from && at <= locator.to;
}

export function describePlace(locator: CheckableLocator, place: Place): string {
  return locator.kind === 'page' ? `p. ${place.page}` : `para. ${place.paragraph}`;
}
