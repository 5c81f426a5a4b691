/**
 * The value types of the dataset schema: ids, texts, years and dates, citations, money and
 * quantities, qualifiers, scales and statuses. Each section of src/dataset/schema.ts is built
 * from these; they are re-exported there, the one place other code imports them from.
 */
import { z } from 'zod';

export const id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'a lower-case id of letters, digits and single hyphens (e.g. "ai-fund")',
  )
  .describe('Stable identifier used by references, chart data and file names.');

export const text = z.string().trim().min(1, 'a non-empty text');
export const year = z.number().int().min(1900).max(2200).describe('A calendar year, e.g. 2025.');
const DATE_WORDS = 'a date as YYYY-MM-DD, YYYY-MM or YYYY';

/** ISO calendar date (YYYY-MM-DD), month (YYYY-MM) or year (YYYY); checked for real calendar days. */
const isoDateText = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, DATE_WORDS)
  .refine(isRealDate, {
    message: 'a real calendar date',
    params: { hint: 'that date does not exist: check the month (01-12) and the day of the month' },
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
      .min(1000, 'a year of four digits')
      .max(9999, 'a year of four digits')
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

export const Qualifier = z
  .enum(['exact', 'about', 'over', 'at-least', 'up-to', 'under'])
  .describe('How the source qualifies a figure: "over 58 trillion" is `over`, "approximately" is `about`.');

/**
 * The word after the number, in order of size. Besides the English words: `ten-thousand`
 * (만, 万) and `hundred-million` (억, 亿) for East Asian sources, `lakh` (10^5) and `crore`
 * (10^7) for South Asian ones.
 */
export const Scale = z
  .enum([
    'one',
    'thousand',
    'ten-thousand',
    'lakh',
    'million',
    'crore',
    'hundred-million',
    'billion',
    'trillion',
  ])
  .describe('The scale word of the amount: "58 trillion" is `trillion`, "1,000 crore" is `crore`.');

const positiveAmount = z.number().positive('a positive number').finite();

export const Money = z
  .strictObject({
    amount: positiveAmount.describe('The number the source writes; for a range, its lower end.'),
    amountMax: positiveAmount
      .optional()
      .describe('For a range ("between 3 and 5 billion"): the upper end, in the same scale; above `amount`.'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as KRW or USD'),
    scale: Scale.default('one'),
    qualifier: Qualifier.default('exact'),
  })
  .superRefine((money, ctx) => {
    // A non-positive upper end is reported by its own check already.
    if (money.amountMax === undefined || !(money.amountMax > 0) || money.amountMax > money.amount) return;
    ctx.addIssue({
      code: 'custom',
      path: ['amountMax'],
      input: money.amountMax,
      message: `an upper end greater than amount (${money.amount})`,
      params: {
        hint: 'a range runs from `amount` (the lower end) to `amountMax`; swap them or drop amountMax',
      },
    });
  })
  .describe('An amount of money as the source states it: 58 trillion KRW is {amount: 58, scale: trillion}.');

export const Quantity = z
  .strictObject({
    amount: z.number().nonnegative('a number of zero or more').finite(),
    unit: text.describe('What is counted, e.g. "factories", "percent", "robots per 10,000 workers".'),
    qualifier: Qualifier.default('exact'),
  })
  .describe('A counted or measured value with its unit.');

export const FigureStatus = z
  .enum(['planned', 'actual', 'target', 'allocated', 'pledged', 'proposed'])
  .describe(
    'planned: a budget announced for a year; allocated: money assigned; actual: spent; target: an aim; ' +
      'pledged: a commitment announced to mobilise money; proposed: put forward, not yet adopted.',
  );

export type Money = z.output<typeof Money>;
export type Quantity = z.output<typeof Quantity>;
export type Qualifier = z.output<typeof Qualifier>;
export type FigureStatus = z.output<typeof FigureStatus>;
export type Scale = z.output<typeof Scale>;
export type Citation = z.output<typeof Citation>;
