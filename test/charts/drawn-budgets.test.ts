/**
 * Budgets only the data decides, checked while vega runs (src/charts/guards.ts), and vega's
 * own failures: each is a diagnostic at the spec file with line and column, never a throw,
 * and never a chart drawn anyway.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartInstances } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { CHART_LIMITS } from '../../src/charts/limits.js';
import { parseSpecText } from '../../src/charts/spec-file.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { deriveTableSet, SECTOR_TABLE, TABLE_NAMES } from '../../src/derive/index.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, positionOf, theme } from './support.js';

const DRAWN = join(FIXTURES, 'drawn');

async function draw(name: string, limits = CHART_LIMITS, data?: Dataset) {
  const file = join(DRAWN, name);
  const text = readFileSync(file, 'utf8');
  const parsed = parseSpecText(text, file, name, new Set(TABLE_NAMES), SECTOR_TABLE);
  expect(parsed.diagnostics).toEqual([]);
  if (!parsed.spec) throw new Error(`${name} did not parse`);
  const ds = data ?? (await dataset());
  const tables = deriveTableSet(ds);
  const [instance] = chartInstances([parsed.spec], tables, ds);
  if (!instance) throw new Error(`${name} has no instance`);
  const render = await renderChart(instance, tables, ds, await theme(), testFonts, limits);
  return { file, text, ...render };
}

describe('charts over a budget that only drawing reveals are stopped before the expensive step', () => {
  it('refuses sequence(0, 30000000) in an expression before making the array, at the expression', async () => {
    const { file, text, chart, diagnostics } = await draw('expression-sequence.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'transform[0].calculate',
        message: 'sequence() would make 30,000,000 items; the budget is 10,000',
        ...positionOf(text, '"sequence('),
      }),
    ]);
  });

  it('counts what expressions make across rows: 20 rows of sequence(0, 9000) are over the total', async () => {
    const { file, text, chart, diagnostics } = await draw('expression-total.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'layer[0].transform[0].calculate',
        message: "the chart's expressions make over 100,000 items in all (sequence() on every row adds up)",
        ...positionOf(text, '"sequence('),
      }),
    ]);
  });

  it('refuses a join() that would make a string over the budget, before making it', async () => {
    const { file, text, chart, diagnostics } = await draw('expression-join.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'transform[0].calculate',
        message: 'join() would make a string of 198,854 characters; the budget is 10,000',
        ...positionOf(text, '"join('),
      }),
    ]);
  });

  it('stops a flatten that multiplies the rows past the budget, pointing at the transform', async () => {
    const { file, text, chart, diagnostics } = await draw('flatten-rows.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'transform',
        message: expect.stringMatching(/^a step of the chart makes [\d,]+ rows; the budget is 10,000$/),
        ...positionOf(text, '"transform"'),
      }),
    ]);
  });

  it('refuses a canvas that a step makes too tall, before the PNG', async () => {
    const { file, text, chart, diagnostics } = await draw('canvas-step.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'height',
        message: expect.stringMatching(
          /^the chart is 520 px × [\d,]+ px; the budget is 4,000 px either way$/,
        ),
        ...positionOf(text, '"height"'),
      }),
    ]);
  });

  it('refuses a PNG over the pixel budget at the theme scale', async () => {
    const { file, text, chart, diagnostics } = await draw('png-pixels.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'width',
        message: 'the PNG would have 36,000,000 pixels (3,000 px × 3,000 px at 2×); the budget is 32,000,000',
        ...positionOf(text, '"width"'),
      }),
    ]);
  });

  it('refuses a drawing of more items than the budget before writing the SVG', async () => {
    const { file, text, chart, diagnostics } = await draw('marks.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'layer',
        message: expect.stringMatching(/^the chart draws [\d,]+ items; the budget is 25,000$/),
        ...positionOf(text, '"layer"'),
      }),
    ]);
  });

  it('refuses a bound table over the row budget at the data name', async () => {
    const { file, text, chart, diagnostics } = await draw('plain.vl.json', { ...CHART_LIMITS, rows: 2 });
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'data.name',
        message: expect.stringMatching(/^table "programBudgets" has [\d,]+ rows; a chart draws at most 2$/),
        ...positionOf(text, '"programBudgets"'),
      }),
    ]);
  });

  it('stops a chart that runs past the time backstop (a clock that jumps, not a real wait)', async () => {
    let clock = 0;
    const jumping = { ...CHART_LIMITS, renderMs: 5_000, now: () => (clock += 1_000) };
    const { file, chart, diagnostics } = await draw('plain.vl.json', jumping);
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        line: 1,
        column: 1,
        message: 'the chart took over 5 s to draw and was stopped',
      }),
    ]);
  });

  it('draws the plain chart within every budget', async () => {
    const { chart, diagnostics } = await draw('plain.vl.json');
    expect(diagnostics).toEqual([]);
    expect(chart?.png.byteLength).toBeGreaterThan(0);
  });
});

describe("vega's own failures are diagnostics at the spec file", () => {
  it('reports an expression that fails while vega runs at its line, in plain words, and draws no chart', async () => {
    const { file, text, chart, diagnostics } = await draw('vega-error.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        severity: 'error',
        file,
        path: 'transform[0].calculate',
        ...positionOf(text, '"datum.missing.field"'),
        message:
          'the expression "datum.missing.field" failed on the chart\'s data: it reads "field" of a value that is missing (undefined)',
        hint: expect.stringContaining('table "programBudgets"'),
      }),
    ]);
  });
});
