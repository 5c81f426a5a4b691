/**
 * The value types of the dataset schema: ids, texts, years and dates, citations, money and
 * quantities, qualifiers, scales and statuses. Each section of src/dataset/schema.ts is built
 * from these; they are re-exported there, the one place other code imports them from.
 */
import { z } from 'zod';
import { didYouMean } from '../diagnostics.js';
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

/**
 * The largest figure: 10^15, a thousand trillion of its scale word. Past it a figure has more
 * digits than a double keeps exactly (2^53 ≈ 9 × 10^15), and the formatters print "Infinity"
 * or exponents (src/dataset/wording.ts). A figure this large is a unit slip, not a fact.
 */
export const MAX_FIGURE = 1e15;
/**
 * The smallest figure other than zero (10^-3, "under 0.003%"): the formatters print a figure with
 * the decimals it has (dataset/wording.ts), so this bounds slips, not printing; smaller is a
 * figure in the wrong unit (write 0.0004 percent as 4 per million).
 */
export const MIN_FIGURE = 0.001;
const FIGURE_HINT =
  'write the number the source prints with its scale word: "58 trillion" is amount: 58, scale: trillion';

function figureInRange(value: number, ctx: z.RefinementCtx): void {
  if (value > MAX_FIGURE) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'number',
      maximum: MAX_FIGURE,
      inclusive: true,
      input: value,
      message: 'a figure of at most 1,000,000,000,000,000 (10^15)',
      params: { hint: FIGURE_HINT },
    });
  } else if (value > 0 && value < MIN_FIGURE) {
    ctx.addIssue({
      code: 'too_small',
      origin: 'number',
      minimum: MIN_FIGURE,
      inclusive: true,
      input: value,
      message: `a figure of at least ${MIN_FIGURE} (a smaller one is a unit slip: write it in a smaller unit)`,
      params: { hint: FIGURE_HINT },
    });
  }
}

/** A figure within MIN_FIGURE..MAX_FIGURE; the bounds are in the JSON Schema too. */
const bounded = <T extends z.ZodNumber>(schema: T) =>
  schema.superRefine(figureInRange).meta({ maximum: MAX_FIGURE });

const positiveAmount = bounded(z.number().positive('a positive number').finite());

/** ISO 4217 codes as the runtime's ICU knows them: current currencies, no test or fund codes. */
const ISO_4217: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * A likely code for a mistyped one: two letters swapped first (JYP → JPY: the commonest slip,
 * which plain edit distance ranks no better than JMD), then the nearest by edit distance.
 */
export function currencySuggestion(code: string): string | undefined {
  return capitalsOrSwap(code.toUpperCase()) ?? didYouMean(code.toUpperCase(), ISO_4217);
}

/** The code itself, or with two neighbouring letters swapped, when that is in ISO 4217. */
function capitalsOrSwap(upper: string): string | undefined {
  if (ISO_4217.has(upper)) return upper;
  for (let i = 0; i + 1 < upper.length; i++) {
    const swapped = upper.slice(0, i) + (upper[i + 1] ?? '') + (upper[i] ?? '') + upper.slice(i + 2);
    if (ISO_4217.has(swapped)) return swapped;
  }
  return undefined;
}

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * For a text that is not three capitals: the code it is once in capitals (`usd`, `jyp`), else
 * how codes are written. No nearest-spelling guess: "won" is closer to MOP than to KRW.
 */
function malformedCurrencyHint(text: string): string {
  const upper = text.trim().toUpperCase();
  const likely = /^[A-Z]{3}$/.test(upper) ? capitalsOrSwap(upper) : undefined;
  return likely
    ? `did you mean "${likely}"? (codes are written in capitals)`
    : 'use the three-letter code of ISO 4217, in capitals, such as USD, EUR or INR';
}

export const currencyCode = z
  .string()
  .superRefine((code, ctx) => {
    if (ISO_4217.has(code)) return;
    if (!CURRENCY_PATTERN.test(code)) {
      ctx.addIssue({
        code: 'invalid_format',
        format: 'regex',
        pattern: CURRENCY_PATTERN.source,
        input: code,
        message: 'an ISO 4217 currency code such as USD or EUR',
        params: { hint: malformedCurrencyHint(code) },
      });
      return;
    }
    const suggestion = currencySuggestion(code);
    ctx.addIssue({
      code: 'custom',
      input: code,
      message: 'a currency code of ISO 4217',
      params: {
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : 'use the three-letter code of ISO 4217, such as USD, EUR or INR',
      },
    });
  })
  .meta({ pattern: CURRENCY_PATTERN.source })
  .describe('An ISO 4217 currency code such as USD or EUR.');

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

/** A range's upper end must lie above its lower end: one check for money and quantities. */
function rangeRunsUpwards(
  value: { amount: number; amountMax?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  // A non-positive upper end is reported by its own check already.
  if (value.amountMax === undefined || !(value.amountMax > 0) || value.amountMax > value.amount) return;
  ctx.addIssue({
    code: 'custom',
    path: ['amountMax'],
    input: value.amountMax,
    message: `an upper end greater than amount (${value.amount})`,
    params: {
      hint: 'a range runs from `amount` (the lower end) to `amountMax`; swap them or drop amountMax',
    },
  });
}

export const Money = z
  .strictObject({
    amount: positiveAmount.describe('The number the source writes; for a range, its lower end.'),
    amountMax: positiveAmount
      .optional()
      .describe('For a range ("between 3 and 5 billion"): the upper end, in the same scale; above `amount`.'),
    currency: currencyCode,
    scale: Scale.default('one'),
    qualifier: Qualifier.default('exact'),
    computed: text
      .optional()
      .describe(
        'How the figure was derived, when no source states it (a conversion, a sum): "the sum of the three budgets". A computed figure needs no quote of its own.',
      ),
  })
  .superRefine(rangeRunsUpwards)
  .describe(
    'An amount of money as the source states it: 4.5 billion EUR is {amount: 4.5, scale: billion, currency: EUR}.',
  );

export const Quantity = z
  .strictObject({
    amount: bounded(z.number().nonnegative('a number of zero or more').finite()).describe(
      'The number; for a range, its lower end.',
    ),
    amountMax: bounded(z.number().positive('a positive number').finite())
      .optional()
      .describe('For a range ("40,000 to 50,000 wafers a month"): the upper end; above `amount`.'),
    unit: text.describe('What is counted, e.g. "factories", "percent", "robots per 10,000 workers".'),
    qualifier: Qualifier.default('exact'),
    computed: text
      .optional()
      .describe(
        'How the figure was derived, when no source states it (a conversion, a sum): "the sum of the three budgets". A computed figure needs no quote of its own.',
      ),
  })
  .superRefine(rangeRunsUpwards)
  .describe('A counted or measured value with its unit.');

export const FigureStatus = z
  .enum(['planned', 'actual', 'target', 'allocated', 'pledged', 'proposed'])
  .describe(
    'planned: a budget announced for a year; allocated: money assigned; actual: spent; target: an aim; ' +
      'pledged: a commitment announced to mobilise money; proposed: put forward, not yet adopted.',
  );

/**
 * The years a figure covers: "over fiscal 2021–2023" is {from: 2021, to: 2023}; "from 2024"
 * has no `to`, "by 2030" no `from`. One end is enough; both are years of the same kind
 * (fiscal when the record says `fiscal: true`).
 */
export const Period = z
  .strictObject({
    from: year.optional().describe('The first year covered.'),
    to: year.optional().describe('The last year covered; not before `from`.'),
  })
  .superRefine((period, ctx) => {
    if (period.from !== undefined || period.to !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      input: period,
      message: 'a period with `from`, `to` or both',
      params: {
        hint: '"over 2022–2029" is {from: 2022, to: 2029}; "from 2024" is {from: 2024}; "by 2030" is {to: 2030}',
      },
    });
  })
  .describe('The years a figure covers: {from: 2021, to: 2023}; one end for "from 2024" or "by 2030".');

export const Basis = z
  .enum(['total', 'annual'])
  .describe('total: the amount covers the whole period; annual: it is the amount for each year of it.');

export const Actor = z
  .enum(['government', 'agency', 'company', 'partner', 'public-private'])
  .describe(
    'Who spends: the government, a government agency, a company, a partner (another country, the EU), or public and private investors together.',
  );

export const Modality = z
  .enum(['expected', 'anticipated', 'planned', 'proposed'])
  .describe('How sure the source is: "is expected to", "is anticipated to", "plans to", "proposes to".');

/**
 * The source's verb for what is done with the money, when it is not the status's usual one
 * ("pledge to provide", not "pledge to mobilise"). A closed list, so that every form of the
 * verb (provided, has provided) can be written without guessing.
 */
export const FigureVerb = z
  .enum(['invest', 'provide', 'mobilise', 'allocate', 'spend', 'earmark', 'commit'])
  .describe(
    'The verb of the source sentence: "pledge to provide … of public support" is `provide`; left out, the status\'s own verb (plans to invest, pledged to mobilise, allocated).',
  );

export type FigureVerb = z.output<typeof FigureVerb>;
export type Period = z.output<typeof Period>;
export type Basis = z.output<typeof Basis>;
export type Actor = z.output<typeof Actor>;
export type Modality = z.output<typeof Modality>;
export type Money = z.output<typeof Money>;
export type Quantity = z.output<typeof Quantity>;
export type Qualifier = z.output<typeof Qualifier>;
export type FigureStatus = z.output<typeof FigureStatus>;
export type Scale = z.output<typeof Scale>;
export type Citation = z.output<typeof Citation>;
