/**
 * Governments over time: each programme and figure is worded under the administration in office
 * at its date (or the one it names), and only the administration the data shows in office at
 * the as-of date is called current. Where the data gives no term, no government is derived and
 * none is called current.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { administrationAt, administrationInOffice, dayRange } from '../../src/derive/administrations.js';
import { printedTexts, shippedModels } from './shipped-texts.js';

const CITE = '[{ source: report, quote: The report says so. }]';
const ADMINS = `administrations:
  - { id: kishida, name: Kishida government, start: 2021-10-04, cite: ${CITE} }
  - { id: ishiba, name: Ishiba government, start: 2024-10-01, end: 2025-10-21, cite: ${CITE} }
  - { id: takaichi, name: Takaichi government, start: 2025-10-21, cite: ${CITE} }
`;
const REST = `sectors: [{ id: chips, name: Chips, summary: Chips., cite: ${CITE} }]
programs:
  - { id: strategy, name: Chip strategy, kind: strategy, date: 2023-06-06, sectors: [chips], cite: ${CITE} }
  - { id: frame, name: Support framework, kind: plan, date: 2024-11-22, sectors: [chips], cite: ${CITE} }
  - { id: old, name: Old plan, kind: plan, year: 2019, sectors: [chips], cite: ${CITE} }
investments:
  - { id: supplementary, label: Chip funds, year: 2023, date: 2023-11-10, status: proposed, amount: { amount: 2, currency: JPY, scale: trillion }, cite: ${CITE} }
  - { id: pledge, label: Pledge, period: { to: 2030 }, date: 2024-11, status: pledged, amount: { amount: 10, currency: JPY, scale: trillion }, cite: ${CITE} }
  - { id: linked, label: Equity, year: 2025, administration: ishiba, status: allocated, amount: { amount: 100, currency: JPY, scale: billion }, cite: ${CITE} }
  - { id: undated-aid, label: Aid, year: 2022, status: allocated, amount: { amount: 476, currency: JPY, scale: billion }, cite: ${CITE} }
`;
const INDICATOR = `indicators: [{ id: share, label: Share, value: { amount: 20, unit: percent }, year: 2023, cite: ${CITE} }]
targets: [{ id: sales, sectors: [chips], description: Chip sales, year: 2030, cite: ${CITE} }]\n`;
const meta = (
  asOf: string,
) => `meta: { id: x, title: X, country: Japan, language: en, asOf: ${asOf}, author: A, currency: JPY }
sources: [{ id: report, title: Report, publisher: Ministry }]
`;

function load(text: string): Dataset {
  const result = validateDatasetText(text, 'x.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

const terms = [
  { id: 'a', start: '2021-10-04' },
  { id: 'b', start: '2024-10', end: '2025-10-21' },
  { id: 'c', start: '2025-10-21' },
];

describe('the administration in office at a date', () => {
  it('reads a date of any precision as every day it may mean', () => {
    expect(dayRange('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(dayRange('2025')).toEqual(['2025-01-01', '2025-12-31']);
    expect(dayRange('2025-06-10')).toEqual(['2025-06-10', '2025-06-10']);
  });

  it('is the one whose term holds the whole date, up to the next start, an end or the as-of date', () => {
    const at = (date: string) => administrationAt(terms, date, '2025-12-22')?.id;
    expect(at('2023-11-10')).toBe('a');
    expect(at('2023')).toBe('a');
    // In the month b took office, but b's day is not known: neither is certain.
    expect(at('2024-10-15')).toBeUndefined();
    expect(at('2024-11-22')).toBe('b');
    // The day one left and the next took office is the next one's.
    expect(at('2025-10-21')).toBe('c');
    expect(at('2025-10')).toBeUndefined();
    expect(at('2025-11')).toBe('c');
    // Before any start, or after the as-of date: the data does not say.
    expect(at('2020')).toBeUndefined();
    expect(at('2026-01')).toBeUndefined();
    expect(administrationInOffice(terms, '2025-12-22')?.id).toBe('c');
    // An administration with no start, or one that has ended, is not in office.
    expect(
      administrationInOffice([{ id: 'x' }, { id: 'y', start: '2020', end: '2024' }], '2025'),
    ).toBeUndefined();
  });
});

describe('the shipped templates word each record under its government', () => {
  // One build per dataset: the three tests share the first.
  const built = new Map<string, string[]>();
  const texts = (asOf: string, admins = ADMINS) => {
    const text = meta(asOf) + admins + REST + INDICATOR;
    const found = built.get(text) ?? printedTexts(shippedModels(load(text))).map((t) => t.text);
    built.set(text, found);
    return found;
  };

  it('name the government in office at a figure’s date, or the one the figure names', () => {
    const all = texts('2025-12-22');
    expect(all).toContain('The Kishida government proposed JP¥2 trillion in 2023[1].');
    expect(
      // Out of office at the as-of date (its successor took office): what it did is past.
      all.some((t) => t.startsWith('The Ishiba government pledged to mobilise JP¥10 trillion by 2030')),
    ).toBe(true);
    expect(all).toContain('The Ishiba government allocated JP¥100 billion for 2025[1].');
    // A figure with no date and no link is the government's, unnamed.
    expect(all).toContain('The government allocated JP¥476 billion in 2022[1].');
  });

  it('group programmes under the government in office at their date', () => {
    const all = texts('2025-12-22');
    expect(all).toContain('Under the Kishida government');
    expect(all).toContain('Under the Ishiba government');
    expect(all.some((t) => t.startsWith('Old plan (2019)'))).toBe(true);
    expect(all).toContain('Other strategies and programmes');
  });

  it('call current only the government the data shows in office at the as-of date', () => {
    const now = texts('2025-12-22').filter((t) => t.includes('in office at the as-of date'));
    expect(now.map((t) => t.slice(0, 60))).toEqual([
      'The Takaichi government, in office at the as-of date, took o',
    ]);
    // Without the Takaichi record the Ishiba government has ended: none is called current.
    const withoutTakaichi = ADMINS.split('\n')
      .filter((l) => !l.includes('takaichi'))
      .join('\n');
    expect(texts('2025-12-22', withoutTakaichi).filter((t) => t.includes('in office'))).toEqual([]);
    // Without any start, nothing is derived and nothing is current.
    const undated = ADMINS.replace(/, start: [\d-]+/g, '').replace(/, end: [\d-]+/g, '');
    const plain = texts('2025-12-22', undated);
    expect(plain.filter((t) => t.includes('in office'))).toEqual([]);
    expect(plain).toContain('The government proposed JP¥2 trillion in 2023[1].');
  });
});
