/**
 * Amounts as the source states them: money and quantities with their qualifier ("about",
 * "up to"), scale word and currency, and the bounds a figure must lie within.
 */
import { z } from 'zod';
import { didYouMean } from '../diagnostics.js';
import { text } from './values.js';

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

/** How a figure no source states was derived; on money and quantities alike. */
const computed = text
  .optional()
  .describe(
    'How the figure was derived, when no source states it (a conversion, a sum): "the sum of the three budgets". A computed figure needs no quote of its own.',
  );

export const Money = z
  .strictObject({
    amount: positiveAmount.describe('The number the source writes; for a range, its lower end.'),
    amountMax: positiveAmount
      .optional()
      .describe('For a range ("between 3 and 5 billion"): the upper end, in the same scale; above `amount`.'),
    currency: currencyCode,
    scale: Scale.default('one'),
    qualifier: Qualifier.default('exact'),
    computed,
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
    computed,
  })
  .superRefine(rangeRunsUpwards)
  .describe('A counted or measured value with its unit.');

export type Money = z.output<typeof Money>;
export type Quantity = z.output<typeof Quantity>;
export type Qualifier = z.output<typeof Qualifier>;
export type Scale = z.output<typeof Scale>;
