/**
 * The basic value types of the dataset schema: ids, texts, years and dates, citations and web
 * addresses. Amounts are in amounts.ts, the words of a figure's stage and time in
 * figure-terms.ts; src/dataset/schema.ts re-exports all three, the one place other code imports
 * them from.
 */
import { z } from 'zod';
import { CONTROL_CHARACTER_HINT, firstControlCharacter } from './control-characters.js';
import { isSafeLink } from './links.js';

export const id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'a lower-case id of letters, digits and single hyphens (e.g. "ai-fund")',
  )
  .describe('Stable identifier used by references, chart data and file names.');

export const text = z
  .string()
  .trim()
  .min(1, 'a non-empty text')
  .superRefine((value, ctx) => {
    // One check for every renderer: see control-characters.ts.
    const control = firstControlCharacter(value);
    if (!control) return;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `a text without control characters (character ${control.index} is ${control.described})`,
      params: { hint: CONTROL_CHARACTER_HINT },
    });
  });
/**
 * Years and dates run from 1900 to 2200: the outputs print four-digit years, and the PDF's
 * embedded date (src/pipeline/dates.ts, `Date.UTC`) reads a year below 100 as 1900 + year.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR).describe('A calendar year, e.g. 2025.');
const DATE_WORDS = 'a date as YYYY-MM-DD, YYYY-MM or YYYY';
const DATE_RANGE_HINT = `briefkit handles dates from ${MIN_YEAR} to ${MAX_YEAR}; check the year`;

/** A date's year outside MIN_YEAR..MAX_YEAR, as a too_small/too_big issue like a year's. */
function dateInRange(value: string, ctx: z.RefinementCtx): void {
  const y = Number(value.slice(0, 4));
  if (y >= MIN_YEAR && y <= MAX_YEAR) return;
  const low = y < MIN_YEAR;
  ctx.addIssue({
    ...(low ? { code: 'too_small', minimum: MIN_YEAR } : { code: 'too_big', maximum: MAX_YEAR }),
    origin: 'date',
    inclusive: true,
    input: value,
    message: low ? `a date in ${MIN_YEAR} or later` : `a date in ${MAX_YEAR} or earlier`,
    params: { hint: DATE_RANGE_HINT },
  });
}

/** ISO calendar date (YYYY-MM-DD), month (YYYY-MM) or year (YYYY); checked for real calendar days. */
const isoDateText = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, DATE_WORDS)
  .refine(isRealDate, {
    message: 'a real calendar date',
    params: { hint: 'that date does not exist: check the month (01-12) and the day of the month' },
  })
  .superRefine((value, ctx) => {
    // A text that is not a date at all is reported by the pattern above.
    if (/^\d{4}/.test(value)) dateInRange(value, ctx);
  });

/**
 * A date as text, or a bare year: YAML reads `date: 2025` as a number, and an analyst should
 * not have to quote it. Either way the value is text afterwards ("2025").
 */
export const isoDate = z.union(
  [
    isoDateText,
    z
      .number()
      .int()
      .min(MIN_YEAR, `a year from ${MIN_YEAR} to ${MAX_YEAR}`)
      .max(MAX_YEAR, `a year from ${MIN_YEAR} to ${MAX_YEAR}`)
      .transform((y) => String(y)),
  ],
  { error: DATE_WORDS },
);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined) return false;
  // A year alone (the source gives no month) is as precise as the source.
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

export const Citation = z
  .strictObject({
    source: id.describe('Id of an entry in `sources`.'),
    quote: text.describe('The sentence of the source the fact was taken from, quoted exactly.'),
    locator: text
      .optional()
      .describe('Where in the source the quote is: a page, section or paragraph, e.g. "p. 12" or "§ 3.2".'),
    translation: text
      .optional()
      .describe('An English translation of a quote in another language; the quote stays as written.'),
  })
  .describe('Where a fact comes from.');

export const cite = z.array(Citation).min(1, 'at least one citation').describe('The sources of this record.');

/**
 * A web address for a link: `https:` or `http:` only (src/dataset/links.ts), so a `file:` or
 * `javascript:` address is refused here and never reaches a renderer.
 */
export const webAddress = z
  .url()
  .superRefine((value, ctx) => {
    // A text that is not an address at all is reported by z.url() above.
    if (!URL.canParse(value) || isSafeLink(value)) return;
    const scheme = new URL(value).protocol;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: 'a web address starting with https:// or http://',
      params: {
        hint:
          scheme === 'https:' || scheme === 'http:'
            ? 'write the address as a browser shows it, e.g. https://example.org/report, without spaces'
            : `only https: and http: addresses become links; a ${scheme} address would open something other than a web page`,
      },
    });
  })
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

export type Citation = z.output<typeof Citation>;
