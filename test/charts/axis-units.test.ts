/**
 * Units in chart axes read as the text does (issue 11): "₩ trillion", "JP¥ billion", never
 * "KRW billion", chosen from the dataset's currency and the figures' scale, the same in the
 * Vega-Lite drawing and in the deck's native chart (src/charts/axis-unit.ts, native-scale.ts).
 */
import { describe, expect, it } from 'vitest';
import { valueScale } from '../../src/charts/native-scale.js';
import { specTokens } from '../../src/charts/tokens.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildCharts } from '../support/charts.js';
import { dataset, svgTexts, theme } from './support.js';

const JAPAN = 'test/fixtures/datasets/japan-semiconductors-ai.yaml';

async function axes(data: Dataset) {
  const built = await buildCharts(data, await theme());
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const texts = (id: string) => svgTexts(built.drawn.get(id)?.svg ?? '').map((t) => t.text);
  const plot = (id: string) => built.catalogue.find((c) => c.id === id)?.figure.plot;
  return { texts, plot };
}

describe('chart axes in the unit the text says', () => {
  it('Korea: ₩6,800 and ₩30,000 billion are drawn as 6.8 and 30 "₩ trillion", in both outputs', async () => {
    const { texts, plot } = await axes(await dataset());
    const drawn = texts('investment-trend');
    expect(drawn).toContain('₩ trillion');
    expect(drawn).toContain('30');
    expect(drawn.some((t) => /KRW/.test(t))).toBe(false);
    expect(plot('investment-trend')?.axisTitles.value).toBe('₩ trillion');
    expect(plot('investment-trend')?.series.flatMap((s) => s.points.map((p) => p.value))).toEqual(
      expect.arrayContaining([6.8, 30]),
    );
    // ₩44 billion to ₩100 trillion: a log axis, in billions so that no figure is below one.
    expect(texts('program-budgets')).toContain('₩ billion (log scale)');
    expect(plot('program-budgets')?.axisTitles.value).toBe('₩ billion (log scale)');
  });

  it('Japan: the budgets a page holds read in "JP¥ …", the same in both, never "JPY"', async () => {
    const { texts, plot } = await axes(await dataset(JAPAN));
    // The page fit keeps the largest budgets (page-fit.ts); the scale rule reads the kept rows.
    const drawn = texts('program-budgets');
    const title = drawn.find((t) => /^JP¥ (thousand|million|billion|trillion)( \(log scale\))?$/.test(t));
    expect(title, drawn.join(' | ')).toBeDefined();
    expect(plot('program-budgets')?.axisTitles.value).toBe(title);
    expect(drawn.some((t) => /JPY/.test(t))).toBe(false);
  });

  it('writes any currency by its symbol, and the code for one without', async () => {
    const data = await dataset();
    const symbol = (currency: string) =>
      specTokens({ ...data, meta: { ...data.meta, currency } }).get('currencySymbol');
    expect([symbol('KRW'), symbol('JPY'), symbol('EUR'), symbol('CHF'), symbol('XTS')]).toEqual([
      '₩',
      'JP¥',
      '€',
      'CHF',
      'XTS',
    ]);
  });

  it('picks the unit by the largest figure on a linear axis and by the smallest on a log axis', () => {
    expect(valueScale([6800, 30000], 'billion', false)).toEqual({ factor: 0.001, unit: 'trillion' });
    expect(valueScale([44, 100000], 'billion', true)).toEqual({ factor: 1, unit: 'billion' });
    expect(valueScale([0.12, 3.9], 'billion', false)).toEqual({ factor: 1, unit: 'billion' });
    expect(valueScale([0.12, 3.9], 'billion', true)).toEqual({ factor: 1000, unit: 'million' });
    expect(valueScale([2e6, 9e6], 'one', false)).toEqual({ factor: 1e-6, unit: 'million' });
    expect(valueScale([5e18], 'one', false)).toEqual({ factor: 1e-12, unit: 'trillion' });
  });
});
