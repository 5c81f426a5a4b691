/**
 * The words of a figure's stage and time: its status, the period and basis of its years, who
 * spends, how sure the source is, and the source's verb.
 */
import { z } from 'zod';
import { year } from './values.js';

export const FigureStatus = z
  .enum(['planned', 'actual', 'target', 'allocated', 'decided', 'pledged', 'proposed'])
  .describe(
    'planned: a budget announced for a year; allocated: money assigned; actual: spent; target: an aim; ' +
      'decided: a decision to invest or fund ("decided to invest"), not yet money assigned in a budget; ' +
      'pledged: a commitment announced to mobilise money; proposed: put forward, not yet adopted.',
  );

/**
 * The years a figure covers: "over fiscal 2021–2023" is {from: 2021, to: 2023}; "from 2024"
 * has no `to`, "by 2030" no `from`; "over five years", with no year named, is {years: 5}. One
 * of them is enough; from and to are years of the same kind (fiscal when the record says
 * `fiscal: true`).
 */
export const Period = z
  .strictObject({
    from: year.optional().describe('The first year covered.'),
    to: year.optional().describe('The last year covered; not before `from`.'),
    years: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'How many years it covers, when the source says so without naming them: "over five years" is 5.',
      ),
  })
  .superRefine((period, ctx) => {
    const { from, to, years } = period;
    if (years !== undefined && from !== undefined && to !== undefined && to - from + 1 !== years) {
      ctx.addIssue({
        code: 'custom',
        path: ['years'],
        input: years,
        message: `${years} years, but ${from}–${to} is ${to - from + 1}`,
        params: { hint: 'leave `years` out when `from` and `to` are given, or make them agree' },
      });
    }
    if (from !== undefined || to !== undefined || years !== undefined) return;
    ctx.addIssue({
      code: 'custom',
      input: period,
      message: 'a period with `from`, `to`, `years` or both ends',
      params: {
        hint: '"over 2022–2029" is {from: 2022, to: 2029}; "from 2024" is {from: 2024}; "by 2030" is {to: 2030}; "over five years" is {years: 5}',
      },
    });
  })
  .describe(
    'The years a figure covers: {from: 2021, to: 2023}; one end for "from 2024" or "by 2030"; {years: 5} for "over five years".',
  );

export const Basis = z
  .enum(['total', 'annual', 'cumulative'])
  .describe(
    'total: the amount covers the whole period; annual: it is the amount for each year of it; ' +
      'cumulative: a running total of this and earlier money that the latest addition brings it to ("will bring the total to").',
  );

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
export type FigureStatus = z.output<typeof FigureStatus>;
