/**
 * Words around figures: dates as a reader writes them ("15 July 2025", "June 2025"), English
 * plurals and number words ("four channels"), and a name's first letter lowered only where it
 * is not a name. No locale or clock is read.
 */
import { formatNumber } from './numbers.js';

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
