/**
 * The cheap tier of issue 11's generated charts: many seeded cases, one shipped chart each (in
 * turn), checked at the SVG: every text box inside the canvas, no two labels overlapping, one
 * mark per row, no "undefined"/"NaN"/"Infinity", the native plot with the drawing's rows.
 * generated.test.ts draws every chart of fewer cases; `npm run fuzz:charts` runs thousands.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listChartSpecs } from '../../src/charts/catalogue.js';
import { caseArbitrary } from '../fuzz/chart-cases.js';
import { checkCase } from '../fuzz/chart-checks.js';
import { CHARTS_DIR, ROOT, theme } from './support.js';

const CASES = Number(process.env.CHEAP_CASES ?? 200);
const CHARTS = [
  'program-budgets',
  'investment-trend',
  'targets-timeline',
  'sector-summary',
  'influence-matrix',
  'indicator-highlights',
];

describe('charts of generated datasets, one chart a case', () => {
  it(`stay inside their canvas with one mark per row (${CASES} seeded cases)`, async () => {
    const th = await theme();
    const { specs } = await listChartSpecs(CHARTS_DIR);
    const samples = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
      numRuns: CASES,
      seed: 20251201,
    });
    const problems: string[] = [];
    for (const [i, yaml] of samples.entries()) {
      const only = CHARTS[i % CHARTS.length];
      const found = await checkCase(yaml, {
        theme: th,
        chartsDir: CHARTS_DIR,
        layout: true,
        specs,
        ...(only ? { only } : {}),
      });
      problems.push(...found.map((p) => `case ${i}: ${p}`));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
