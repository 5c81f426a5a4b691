/**
 * Derived tables on the schema's later additions: new money scales, ranges (drawn at their
 * lower end, and noted), pledged and proposed figures (noted), whole-economy and
 * multi-sector indicators, and a sector's own local name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile, validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset, Money } from '../../src/dataset/schema.js';
import { formatMoney } from '../../src/dataset/wording.js';
import { inBillions } from '../../src/derive/format.js';
import {
  deriveTableSet,
  indicatorHighlights,
  investmentTrend,
  programBudgets,
  sectorProfile,
  sectorSummary,
} from '../../src/derive/index.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'veloria-test-fixture.yaml');

const HEAD = `meta: { id: x, title: X, country: Indiland, language: en-IN, asOf: "2025", author: A, currency: INR }
sources: [{ id: r, title: R }]
sectors:
  - { id: chips, name: Chips, localName: चिप, summary: S, cite: [{ source: r, quote: Q }] }
  - { id: ai, name: AI, summary: S, cite: [{ source: r, quote: Q }] }
`;

function data(body: string): Dataset {
  const result = validateDatasetText(HEAD + body, 'inline.yaml');
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error('did not validate');
  return result.dataset;
}

const money = (m: Partial<Money> & Pick<Money, 'amount' | 'scale'>): Money => ({
  currency: 'INR',
  qualifier: 'exact',
  ...m,
});

describe('money on one scale of billions', () => {
  it('places every scale', () => {
    expect(inBillions(money({ amount: 1000, scale: 'crore' }))).toBe(10);
    expect(inBillions(money({ amount: 50, scale: 'lakh' }))).toBe(0.005);
    expect(inBillions(money({ amount: 3, scale: 'hundred-million' }))).toBe(0.3);
    expect(inBillions(money({ amount: 5000, scale: 'ten-thousand' }))).toBe(0.05);
  });

  it('words chart labels as stated for crore and lakh, in English words for 만 and 억', () => {
    expect(formatMoney(money({ amount: 1000, scale: 'crore', qualifier: 'over' }))).toBe('over ₹1,000 crore');
    expect(formatMoney(money({ amount: 3, scale: 'hundred-million', currency: 'KRW' }))).toBe('₩300 million');
    expect(formatMoney(money({ amount: 25, scale: 'hundred-million', currency: 'KRW' }))).toBe(
      '₩2.5 billion',
    );
    expect(
      formatMoney(money({ amount: 3, amountMax: 5, scale: 'billion', currency: 'EUR', qualifier: 'about' })),
    ).toBe('about €3–5 billion');
  });
});

describe('investment and budget tables', () => {
  const ds = () =>
    data(`investments:
  - { id: a, label: Pledge, year: 2025, status: pledged, amount: { amount: 500, amountMax: 700, currency: INR, scale: crore }, scope: chips, cite: [{ source: r, quote: Q }] }
  - { id: b, label: Bill, year: 2026, status: proposed, amount: { amount: 20, currency: INR, scale: billion }, scope: AI, cite: [{ source: r, quote: Q }] }
programs:
  - { id: p, name: Chip Act, kind: law, budget: { amount: 1000, currency: INR, scale: crore }, budgetStatus: allocated, cite: [{ source: r, quote: Q }] }
`);

  it('investmentTrend draws a range at its lower end and keeps both ends in the label', () => {
    const table = investmentTrend(ds());
    expect(table.rows[0]).toMatchObject({
      id: 'a',
      kind: 'Stated figure',
      valueBn: 5,
      valueMaxBn: 7,
      amountMax: 700,
      amountText: '₹500–700 crore',
      valueLabel: '₹500–700 crore (pledged)',
    });
    expect(table.rows[1]).toMatchObject({ id: 'b', valueMaxBn: null, valueLabel: '₹20 billion (proposed)' });
    expect(table.notes).toContain('A range is drawn at its lower end; its label gives both ends.');
    expect(table.notes).toContain(
      'Pledged figures are announced commitments to mobilise money, not budgets allocated.',
    );
    expect(table.notes).toContain('Proposed figures have been put forward but not adopted.');
  });

  it('programBudgets sorts a range by its lower end and notes pledges', () => {
    const table = programBudgets(ds());
    expect(table.rows.map((r) => [r.id, r.valueBn, r.status])).toEqual([
      ['b', 20, 'proposed'],
      ['p', 10, 'allocated'],
      ['a', 5, 'pledged'],
    ]);
    expect(table.notes.join(' ')).toMatch(/Pledged figures/);
    expect(table.notes.join(' ')).toMatch(/lower end/);
  });

  it('adds no status or range note when no figure needs one', () => {
    const plain = data(`investments:
  - { id: a, label: Plan, year: 2025, status: planned, amount: { amount: 5, currency: INR, scale: billion }, scope: chips, cite: [{ source: r, quote: Q }] }
`);
    expect(investmentTrend(plain).notes.join(' ')).not.toMatch(/Pledged|Proposed|range/);
  });
});

describe('indicators of the whole economy and of several sectors', () => {
  const ds = () =>
    data(`indicators:
  - { id: gdp, label: R&D share, value: { amount: 0.7, unit: percent }, year: 2023, cite: [{ source: r, quote: Q }] }
  - { id: both, label: Jobs, sector: chips, sectors: [ai, chips], value: { amount: 10, unit: jobs }, year: 2024, cite: [{ source: r, quote: Q }] }
`);

  it('indicatorHighlights names the whole economy or every sector', () => {
    const rows = indicatorHighlights(ds()).rows;
    expect(rows.find((r) => r.id === 'gdp')).toMatchObject({
      sector: 'Whole economy',
      context: 'Whole economy, 2023',
    });
    expect(rows.find((r) => r.id === 'both')).toMatchObject({
      sector: 'Chips and AI',
      context: 'Chips and AI, 2024',
    });
  });

  it('counts an indicator once in each of its sectors and never one of no sector', () => {
    const rows = sectorSummary(ds()).rows;
    expect(rows.map((r) => [r.sectorId, r.indicators])).toEqual([
      ['chips', 1],
      ['ai', 1],
    ]);
    // The sector's own local name labels it.
    expect(rows[0]?.sector).toBe('Chips · चिप');
  });

  it('puts the indicator on each of its sectors’ profiles, and the whole-economy one on none', () => {
    const data = ds();
    expect(sectorProfile(data, 'chips').rows.map((r) => r.id)).toEqual(['both']);
    expect(sectorProfile(data, 'ai').rows.map((r) => r.id)).toEqual(['both']);
  });
});

describe('the fictional fixture', () => {
  it('derives every table without a crash, ranges and pledges included', async () => {
    const result = await loadDatasetFile(FIXTURE);
    if (!result.dataset) throw new Error('fixture did not validate');
    const tables = deriveTableSet(result.dataset);
    const budgets = tables.programBudgets?.rows ?? [];
    expect(budgets.find((r) => r.id === 'offshore-partnership')).toMatchObject({
      valueBn: 3,
      valueMaxBn: 5,
      status: 'pledged',
      amountText: 'about €3–5 billion',
    });
    expect(tables['sectorProfile.grid-storage']?.rows.map((r) => r.id)).toContain('storage-jobs');
    expect(tables.indicatorHighlights?.rows.find((r) => r.id === 'rd-intensity')?.context).toBe(
      'Whole economy, 2022',
    );
  });
});

describe('a stated figure is never rounded by a change of scale', () => {
  it('keeps 1,722.5 billion as stated, and still promotes figures that stay exact', () => {
    const money = (amount: number, scale: 'billion' | 'million') =>
      ({ amount, currency: 'JPY', scale, qualifier: 'exact' }) as const;
    expect(formatMoney(money(1722.5, 'billion'))).toBe('JP¥1,722.5 billion');
    expect(formatMoney(money(1200, 'billion'))).toBe('JP¥1.2 trillion');
    expect(formatMoney(money(1234.5678, 'million'))).toBe('JP¥1,234.5678 million');
    expect(formatMoney(money(950, 'billion'))).toBe('JP¥950 billion');
  });
});
