/**
 * The schema's additive extensions for other countries' datasets: what they accept, what they
 * still refuse (with positions), and that the shapes they produce are what the later stages read.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';

const HEAD = (meta = '') => `meta:
  id: x
  title: X
  country: Y
  language: en
  asOf: 2025-07-15
  author: A
  currency: EUR
${meta}sources: [{ id: r, title: R }]
sectors:
  - { id: s, name: S, summary: S, cite: [{ source: r, quote: Q }] }
`;

function check(text: string) {
  return validateDatasetText(text, 'x.yaml');
}

describe('schema extensions', () => {
  it('accepts every new feature together', () => {
    const result = check(`${HEAD()}administrations:
  - { id: g, name: Gov, localName: Vlada, leader: L, start: 2024, end: "2025", cite: [{ source: r, quote: Q }] }
fields:
  - { id: f, name: F, cite: [{ source: r, quote: Q }] }
programs:
  - id: p
    name: P
    localName: Zakon
    kind: law
    date: 2024
    budget: { amount: 3, amountMax: 5, currency: EUR, scale: billion, qualifier: about }
    budgetStatus: pledged
    cite: [{ source: r, quote: "Zitat", locator: "p. 4", translation: Quote }]
  - { id: q, name: Q, kind: regulation, budget: { amount: 1000, currency: INR, scale: crore }, budgetStatus: proposed, cite: [{ source: r, quote: Q }] }
  - { id: t, name: T, kind: plan, budget: { amount: 3, currency: KRW, scale: hundred-million }, cite: [{ source: r, quote: Q }] }
  - { id: u, name: U, kind: programme, budget: { amount: 5, currency: JPY, scale: ten-thousand }, cite: [{ source: r, quote: Q }] }
  - { id: v, name: V, kind: programme, budget: { amount: 2, currency: INR, scale: lakh }, cite: [{ source: r, quote: Q }] }
indicators:
  - { id: i, label: I, value: { amount: 1, unit: percent }, year: 2023, cite: [{ source: r, quote: Q }] }
  - { id: j, label: J, sectors: [s], value: { amount: 1, unit: jobs }, year: 2023, cite: [{ source: r, quote: Q }] }
`);
    expect(result.diagnostics).toEqual([]);
    const ds = result.dataset;
    // A bare year is text afterwards, like any other date.
    expect(ds?.administrations[0]).toMatchObject({ start: '2024', end: '2025', localName: 'Vlada' });
    expect(ds?.programs[0]).toMatchObject({ date: '2024', kind: 'law', budgetStatus: 'pledged' });
    expect(ds?.programs[0]?.budget).toEqual({
      amount: 3,
      amountMax: 5,
      currency: 'EUR',
      scale: 'billion',
      qualifier: 'about',
    });
    expect(ds?.programs[0]?.cite[0]).toEqual({
      source: 'r',
      quote: 'Zitat',
      locator: 'p. 4',
      translation: 'Quote',
    });
    expect(ds?.fields[0]?.number).toBeUndefined();
    expect(ds?.indicators.map((i) => [i.sector, i.sectors])).toEqual([
      [undefined, []],
      [undefined, ['s']],
    ]);
  });

  it.each(['en', 'en-GB', 'fil', 'zh-Hant', 'pt-BR', 'zh-Hant-TW', 'es-419', 'ko'])(
    'accepts the language tag %s',
    (tag) => {
      expect(check(HEAD().replace('language: en', `language: ${tag}`)).diagnostics).toEqual([]);
    },
  );

  it.each(['English', 'pt_BR', 'e', 'engl', 'zh-hant', 'en-gb', 'en-'])(
    'refuses the language tag %s, at its position',
    (tag) => {
      expect(check(HEAD().replace('language: en', `language: ${tag}`)).diagnostics).toMatchObject([
        { code: 'DATA_FORMAT', path: 'meta.language', line: 5, column: 13 },
      ]);
    },
  );

  it('refuses a range that does not run upwards, an equal one included', () => {
    const body = (max: number) => `programs:
  - { id: p, name: P, kind: fund, budget: { amount: 5, amountMax: ${max}, currency: EUR }, cite: [{ source: r, quote: Q }] }
`;
    expect(check(HEAD() + body(5)).diagnostics).toMatchObject([
      { code: 'DATA_INVALID_VALUE', path: 'programs[0].budget.amountMax', line: 13, column: 67 },
    ]);
    expect(check(HEAD() + body(-1)).diagnostics).toMatchObject([
      { code: 'DATA_TOO_SMALL', path: 'programs[0].budget.amountMax' },
    ]);
    expect(check(HEAD() + body(6)).diagnostics).toEqual([]);
  });

  it('refuses years that are not four digits and dates that do not exist', () => {
    const at = (asOf: string) => check(HEAD().replace('asOf: 2025-07-15', `asOf: ${asOf}`)).diagnostics;
    expect(at('25')).toMatchObject([{ code: 'DATA_TOO_SMALL', path: 'meta.asOf', line: 6 }]);
    expect(at('2025.5')).toMatchObject([
      { code: 'DATA_TYPE', message: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got 2025.5' },
    ]);
    expect(at('"2025-00"')).toMatchObject([{ code: 'DATA_INVALID_VALUE', path: 'meta.asOf' }]);
    expect(at('"20251"')).toMatchObject([{ code: 'DATA_FORMAT', path: 'meta.asOf' }]);
  });

  it('still refuses an unknown sector in an indicator’s sector', () => {
    expect(
      check(`${HEAD()}indicators:
  - { id: i, label: I, sector: t, value: { amount: 1, unit: jobs }, year: 2023, cite: [{ source: r, quote: Q }] }
`).diagnostics,
    ).toMatchObject([{ code: 'REF_UNKNOWN', path: 'indicators[0].sector', hint: 'did you mean "s"?' }]);
  });
});
