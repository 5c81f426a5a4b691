/**
 * The policy dataset schema: the single source of the dataset's TypeScript types
 * and of the generated JSON Schema (data/policy-dataset.schema.json).
 *
 * Every record that states a fact carries `cite`: the source id and the sentence it
 * was taken from, so an output can always point back to the source.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'a lower-case id of letters, digits and single hyphens (e.g. "ai-fund")',
  )
  .describe('Stable identifier used by references, chart data and file names.');

const text = z.string().trim().min(1, 'a non-empty text');
const year = z.number().int().min(1900).max(2200).describe('A calendar year, e.g. 2025.');
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
const isoDate = z.union(
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

const cite = z.array(Citation).min(1, 'at least one citation').describe('The sources of this record.');

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

export const Source = z.strictObject({
  id,
  title: text,
  author: text.optional(),
  affiliation: text.optional(),
  publisher: text.optional(),
  date: isoDate.optional(),
  url: z.url().optional(),
  file: text.optional().describe('File name of the stored copy of the source.'),
  note: text.optional(),
});

export const Meta = z.strictObject({
  id,
  title: text,
  subtitle: text.optional(),
  shortTitle: text.optional().describe('Used in running headers.'),
  country: text,
  // BCP 47: language (2-3 letters), optional script (Hant) and region (BR, 419), as usually cased.
  language: z
    .string()
    .regex(
      /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/,
      'a BCP 47 language tag such as "en", "en-GB", "fil", "zh-Hant" or "pt-BR"',
    ),
  asOf: isoDate.describe('The date the data describes; outputs say "as of" this date.'),
  author: text,
  organisation: text.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code')
    .describe('The home currency.'),
  keywords: z.array(text).default([]),
});

const localName = text.optional().describe('The name in the country language, e.g. 인공지능.');

export const Administration = z.strictObject({
  id,
  name: text,
  localName,
  leader: text,
  start: isoDate.optional(),
  end: isoDate.optional(),
  cite,
});

export const StrategicField = z.strictObject({
  id,
  number: z.number().int().positive().optional().describe('Its number in the official list, if it has one.'),
  name: text,
  localName,
  cite,
});

export const Sector = z.strictObject({
  id,
  name: text,
  localName,
  shortName: text.optional(),
  fields: z.array(id).default([]).describe('Ids of the strategic fields this focus sector belongs to.'),
  summary: text,
  cite,
});

export const ProgramKind = z.enum([
  'strategy',
  'programme',
  'fund',
  'initiative',
  'body',
  'vision',
  'policy',
  'law',
  'regulation',
  'plan',
]);

export const Program = z.strictObject({
  id,
  name: text,
  localName,
  kind: ProgramKind,
  year: year.optional().describe('The year it was introduced, when the source says.'),
  date: isoDate.optional(),
  administration: id.optional(),
  sectors: z.array(id).default([]),
  budget: Money.optional().describe('The budget as the source states it, in its currency.'),
  budgetStated: z
    .array(Money)
    .default([])
    .describe('Equivalents the source itself states (e.g. "approximately $47 billion USD"); never computed.'),
  budgetYear: year.optional(),
  budgetStatus: FigureStatus.optional(),
  goals: z.array(text).default([]),
  cite,
});

export const Target = z.strictObject({
  id,
  program: id.optional(),
  sectors: z.array(id).default([]),
  description: text,
  value: Quantity.optional(),
  baselineYear: year.optional(),
  year,
  cite,
});

export const Investment = z.strictObject({
  id,
  label: text,
  year,
  baselineYear: year.optional(),
  status: FigureStatus,
  amount: Money,
  scope: text.describe('What the figure covers, e.g. "12 strategic technology fields".'),
  fields: z.array(id).default([]).describe('Strategic fields covered; the figure is a total, never split.'),
  cite,
});

export const Indicator = z.strictObject({
  id,
  label: text,
  sector: id.optional().describe('The sector it describes; leave out for a whole-economy indicator.'),
  sectors: z.array(id).default([]).describe('Further sectors it describes, besides `sector`.'),
  value: Quantity,
  year,
  subject: text.optional().describe('Who the indicator is about, e.g. the companies measured.'),
  cite,
});

export const Channel = z.strictObject({
  id,
  name: text,
  summary: text,
  sectors: z.array(id).default([]),
  cite,
});

export const Risk = z.strictObject({
  id,
  name: text,
  description: text,
  cite,
});

export const PolicyDataset = z
  .strictObject({
    meta: Meta,
    sources: z.array(Source).min(1),
    administrations: z.array(Administration).default([]),
    fields: z.array(StrategicField).default([]),
    sectors: z.array(Sector).min(1),
    programs: z.array(Program).default([]),
    targets: z.array(Target).default([]),
    investments: z.array(Investment).default([]),
    indicators: z.array(Indicator).default([]),
    channels: z.array(Channel).default([]),
    risks: z.array(Risk).default([]),
  })
  .describe('A briefkit policy dataset: sources, programmes, figures and their effects.');

/** Input type: what a YAML file may contain before defaults are applied. */
export type RawDataset = z.input<typeof PolicyDataset>;
/** Output type of shape validation; not yet cross-checked. */
type ShapedDataset = z.output<typeof PolicyDataset>;
declare const validated: unique symbol;
/** A dataset that passed shape validation AND the cross-reference checks. */
export type Dataset = ShapedDataset & { readonly [validated]: true };
export type { ShapedDataset };

export type Money = z.output<typeof Money>;
export type Quantity = z.output<typeof Quantity>;
export type Qualifier = z.output<typeof Qualifier>;
export type FigureStatus = z.output<typeof FigureStatus>;
export type Scale = z.output<typeof Scale>;
export type Citation = z.output<typeof Citation>;
export type Source = z.output<typeof Source>;
export type Sector = z.output<typeof Sector>;
export type Program = z.output<typeof Program>;
export type Target = z.output<typeof Target>;
export type Investment = z.output<typeof Investment>;
export type Indicator = z.output<typeof Indicator>;
export type Channel = z.output<typeof Channel>;
export type Risk = z.output<typeof Risk>;
export type StrategicField = z.output<typeof StrategicField>;
export type Administration = z.output<typeof Administration>;
