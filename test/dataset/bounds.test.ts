/**
 * Figures, dates and currency codes are bounded to what the outputs handle: no figure the
 * formatters print as "Infinity" or with an exponent, no year they cannot print or the PDF
 * date misreads, no currency code outside ISO 4217.
 */
import { describe, expect, it } from 'vitest';
import { currencySuggestion, MAX_FIGURE, MIN_FIGURE } from '../../src/dataset/amounts.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { Scale } from '../../src/dataset/schema.js';
import { MAX_YEAR, MIN_YEAR } from '../../src/dataset/values.js';
import { formatDate, formatMoney, formatQuantity } from '../../src/dataset/wording.js';
import { buildDate } from '../../src/pipeline/dates.js';

/** The minimal dataset with one programme whose budget and one target's value are given. */
function dataset(opts: { budget?: string; value?: string; asOf?: string; date?: string } = {}): string {
  return `meta:
  id: example
  title: Example
  country: Exampleland
  language: en
  asOf: ${opts.asOf ?? '2025-07-15'}
  author: Analyst
  currency: KRW
sources:
  - id: report
    title: A report
    date: ${opts.date ?? '2025'}
sectors:
  - id: ai
    name: AI
    summary: AI sector.
    cite: [{ source: report, quote: AI matters. }]
programs:
  - id: fund
    name: Fund
    kind: fund
    budget: ${opts.budget ?? '{ amount: 6.8, currency: KRW, scale: trillion }'}
    cite: [{ source: report, quote: A fund. }]
targets:
  - id: experts
    description: Experts
    value: ${opts.value ?? '{ amount: 1000, unit: experts }'}
    year: 2030
    cite: [{ source: report, quote: Experts. }]
`;
}

const problems = (text: string) =>
  validateDatasetText(text, 'x.yaml').diagnostics.map((d) => [d.code, d.path, d.message]);

describe('figures', () => {
  it('accepts the bounds themselves, and zero for a quantity', () => {
    expect(
      problems(dataset({ budget: `{ amount: ${MAX_FIGURE}, currency: KRW, scale: trillion }` })),
    ).toEqual([]);
    expect(problems(dataset({ budget: `{ amount: ${MIN_FIGURE}, currency: KRW }` }))).toEqual([]);
    expect(problems(dataset({ value: '{ amount: 0, unit: experts }' }))).toEqual([]);
  });

  it('refuses an amount, an upper end or a quantity past 10^15, with the bound in the message', () => {
    const tooBig = 'expected a figure of at most 1,000,000,000,000,000 (10^15)';
    expect(problems(dataset({ budget: '{ amount: 2e15, currency: KRW }' }))).toEqual([
      ['DATA_TOO_BIG', 'programs[0].budget.amount', `${tooBig}, got 2000000000000000`],
    ]);
    expect(problems(dataset({ budget: '{ amount: 1, amountMax: 1e300, currency: KRW }' }))).toEqual([
      ['DATA_TOO_BIG', 'programs[0].budget.amountMax', `${tooBig}, got 1e+300`],
    ]);
    expect(problems(dataset({ value: '{ amount: 1e16, unit: experts }' }))).toEqual([
      ['DATA_TOO_BIG', 'targets[0].value.amount', `${tooBig}, got 10000000000000000`],
    ]);
  });

  it('refuses a figure so small it would print as 0, and keeps one message for a negative one', () => {
    expect(problems(dataset({ budget: '{ amount: 1e-300, currency: KRW }' }))).toEqual([
      [
        'DATA_TOO_SMALL',
        'programs[0].budget.amount',
        'expected a figure of at least 0.001 (a smaller one is a unit slip: write it in a smaller unit), got 1e-300',
      ],
    ]);
    expect(problems(dataset({ value: '{ amount: -1, unit: experts }' }))).toEqual([
      ['DATA_TOO_SMALL', 'targets[0].value.amount', 'expected a number of zero or more, got -1'],
    ]);
  });

  it.each(Scale.options)('prints the largest and smallest figures in %s as plain digits', (scale) => {
    for (const amount of [MAX_FIGURE, MIN_FIGURE]) {
      const text = formatMoney({ amount, currency: 'KRW', scale, qualifier: 'exact' });
      expect(text).toMatch(/^₩[\d,.]+( [a-z]+)?$/);
      expect(text).not.toMatch(/^₩0( |$)/);
    }
    expect(formatQuantity({ amount: MAX_FIGURE, unit: 'experts', qualifier: 'exact' })).toBe(
      '1,000,000,000,000,000 experts',
    );
  });
});

describe('dates', () => {
  it('accepts dates and years from 1900 to 2200 and the PDF date keeps their year', () => {
    for (const date of [`${MIN_YEAR}-01-01`, `${MAX_YEAR}-12-31`, `${MIN_YEAR}`, `${MAX_YEAR}-06`]) {
      expect(problems(dataset({ asOf: date, date }))).toEqual([]);
      expect(formatDate(date)).toContain(date.slice(0, 4));
      expect(buildDate({}, date).getUTCFullYear()).toBe(Number(date.slice(0, 4)));
    }
  });

  it('refuses a date before 1900 or after 2200, written as text or as a year', () => {
    expect(problems(dataset({ asOf: '0000-01-01', date: '2201-01' }))).toEqual([
      ['DATA_TOO_SMALL', 'meta.asOf', 'expected a date in 1900 or later, got "0000-01-01"'],
      ['DATA_TOO_BIG', 'sources[0].date', 'expected a date in 2200 or earlier, got "2201-01"'],
    ]);
    expect(problems(dataset({ asOf: '1899', date: '9999' }))).toEqual([
      ['DATA_TOO_SMALL', 'meta.asOf', 'expected a year from 1900 to 2200, got 1899'],
      ['DATA_TOO_BIG', 'sources[0].date', 'expected a year from 1900 to 2200, got 9999'],
    ]);
  });
});

describe('currency codes', () => {
  it('accepts every code the runtime lists for ISO 4217', () => {
    for (const code of Intl.supportedValuesOf('currency')) {
      expect(problems(dataset({ budget: `{ amount: 1, currency: ${code} }` }))).toEqual([]);
    }
  });

  it('refuses a well-formed code that is not in ISO 4217, with a did-you-mean', () => {
    expect(
      validateDatasetText(dataset({ budget: '{ amount: 1, currency: UDS }' }), 'x.yaml').diagnostics,
    ).toMatchObject([
      {
        code: 'DATA_INVALID_VALUE',
        path: 'programs[0].budget.currency',
        message: 'expected a currency code of ISO 4217, got "UDS"',
        hint: 'did you mean "USD"?',
      },
    ]);
  });

  it.each([
    ['usd', 'USD'],
    ['Eur', 'EUR'],
    ['jyp', 'JPY'],
  ])('refuses %s (not in capitals) as a malformed code, suggesting %s', (code, suggestion) => {
    expect(
      validateDatasetText(dataset({ budget: `{ amount: 1, currency: ${code} }` }), 'x.yaml').diagnostics,
    ).toMatchObject([
      {
        code: 'DATA_FORMAT',
        path: 'programs[0].budget.currency',
        message: `expected an ISO 4217 currency code such as USD or EUR, got "${code}"`,
        hint: `did you mean "${suggestion}"? (codes are written in capitals)`,
      },
    ]);
  });

  it('gives the general hint for a text that is no three-letter code', () => {
    const [problem] = validateDatasetText(
      dataset({ budget: '{ amount: 1, currency: "Korean won" }' }),
      'x.yaml',
    ).diagnostics;
    expect(problem).toMatchObject({ code: 'DATA_FORMAT', path: 'programs[0].budget.currency' });
    expect(problem?.hint).toBe('use the three-letter code of ISO 4217, in capitals, such as USD, EUR or INR');
  });

  it('suggests a swap of two letters before anything else, and the capitals of a lower-case code', () => {
    expect(currencySuggestion('JYP')).toBe('JPY');
    expect(currencySuggestion('EUE')).toBe('EUR');
    expect(currencySuggestion('krw')).toBe('KRW');
  });
});
