/**
 * A figure that is part of another (`partOf`) is drawn beside its whole, never added to it:
 * the chart tables mark each part with its whole, say "of which" in their summary (the alt
 * text) and note under the chart that the two are not to be added; no table adds figures.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { investmentTrend, programBudgets } from '../../src/derive/index.js';

const CITE = '[{ source: r, quote: Q }]';
const TEXT = `meta: { id: x, title: X, country: Japan, language: en, asOf: "2025", author: A, currency: JPY }
sources: [{ id: r, title: R }]
sectors: [{ id: chips, name: Chips, summary: S, cite: ${CITE} }]
investments:
  - { id: whole, label: Chip funds, year: 2023, status: proposed, amount: { amount: 1.86, currency: JPY, scale: trillion }, cite: ${CITE} }
  - { id: part, label: Rapidus fund, partOf: whole, year: 2023, status: proposed, amount: { amount: 650, currency: JPY, scale: billion, qualifier: about }, cite: ${CITE} }
  - { id: other, label: TSMC aid, year: 2024, status: allocated, amount: { amount: 732, currency: JPY, scale: billion }, cite: ${CITE} }
`;

function data(): Dataset {
  const result = validateDatasetText(TEXT, 'inline.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

describe.each([
  ['investmentTrend', investmentTrend],
  ['programBudgets', programBudgets],
] as const)('%s with a part and its whole', (_name, derive) => {
  it('marks the part with its whole and draws each figure once, at its own value', () => {
    const table = derive(data());
    const part = table.rows.find((r) => r.id === 'part');
    const whole = table.rows.find((r) => r.id === 'whole');
    expect(part?.partOf).toBe('Chip funds');
    expect(whole?.partOf).toBeNull();
    // Drawn at its stated value, not at the whole minus it, and the whole not at their sum.
    expect(part?.valueBn).toBe(650);
    expect(whole?.valueBn).toBe(1860);
    expect(table.rows).toHaveLength(3);
    // The data table (appendix, accessibility) says it too.
    expect(table.columns.map((c) => c.name)).toContain('partOf');
  });

  it('says "of which" in its summary and notes that parts are not added to their whole', () => {
    const table = derive(data());
    expect(table.summary).toMatch(/JP¥1\.86 trillion[^;]*, of which about JP¥650 billion \(Rapidus fund\)/);
    // Said once, with its whole: never listed as a figure beside it.
    expect(table.summary.split('650 billion')).toHaveLength(2);
    expect(table.notes).toContain(
      'Of which: Rapidus fund is part of Chip funds, drawn beside it; the two are not to be added.',
    );
  });
});

describe('investmentTrend data table', () => {
  it('gives a multi-year total its years, not the first of them', () => {
    const text = TEXT.replace(
      'label: Chip funds, year: 2023,',
      'label: Chip funds, period: { from: 2022, to: 2025 },',
    );
    expect(text).not.toBe(TEXT);
    const result = validateDatasetText(text, 'inline.yaml');
    expect(result.diagnostics).toEqual([]);
    const table = investmentTrend(result.dataset as Dataset);
    const column = table.columns[0];
    expect(column?.label).toBe('Year');
    expect(table.rows.find((r) => r.id === 'whole')?.[column?.name ?? '']).toBe('2022–2025');
  });
});
