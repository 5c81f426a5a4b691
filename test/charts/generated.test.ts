/**
 * Issue 11's generator (test/fuzz/chart-cases.ts) through the shipped charts: one mark per row,
 * no "undefined"/"NaN"/"Infinity", the native plot with the drawing's rows, no diagnostics, and
 * the text placement (every text box inside the canvas, no two overlapping). `npm run fuzz:charts`
 * runs the same checks on thousands of cases (docs/charts.md); a case here costs about 0.4 s of
 * CPU, so 15 stay here, with the cases of the 2,000-case run (seed 11) that failed before their fix.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitrary } from '../fuzz/chart-cases.js';
import { checkCase } from '../fuzz/chart-checks.js';
import { CHARTS_DIR, ROOT, theme } from './support.js';

const CASES = 15;

describe('charts of generated datasets', () => {
  it(`draw every datum once in the picture and the native plot (${CASES} seeded cases)`, async () => {
    const th = await theme();
    const samples = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
      numRuns: CASES,
      seed: 20251111,
    });
    const problems: string[] = [];
    for (const [i, yaml] of samples.entries()) {
      const found = await checkCase(yaml, {
        theme: th,
        chartsDir: CHARTS_DIR,
        layout: true,
        perSector: i === 0,
      });
      problems.push(...found.map((p) => `case ${i}: ${p}`));
    }
    expect(problems).toEqual([]);
  }, 300_000);

  // Cases of the 2,000-case run (seed 11) that failed before their fix: a log axis of figures
  // 10^18 apart overprinted its labels (11, 20); log labels spaced for a 220 px axis overprinted on
  // a plot that long value labels beside it had narrowed to about 165 px (121, 182); grouped
  // value labels touched, one cut inside a number (212, 851).
  it.each([11, 20, 121, 182, 212, 851])(
    'keep the labels of fuzz seed 11, case %i, apart and whole',
    async (index) => {
      const yaml = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
        numRuns: index + 1,
        seed: 11,
      })[index] as string;
      const found = await checkCase(yaml, { theme: await theme(), chartsDir: CHARTS_DIR, layout: true });
      expect(found).toEqual([]);
    },
    120_000,
  );

  // Case 20 again, with its sector profiles: an indicator's figure and unit of 60 characters
  // beside its mark ran off the canvas, or, set to the left of a late mark, over the row labels.
  it('keeps long figures beside their marks in the sector profiles (seed 11, case 20)', async () => {
    const yaml = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
      numRuns: 21,
      seed: 11,
    })[20] as string;
    const found = await checkCase(yaml, {
      theme: await theme(),
      chartsDir: CHARTS_DIR,
      layout: true,
      perSector: true,
    });
    expect(found.filter((p) => p.startsWith('sector-'))).toEqual([]);
  }, 120_000);
});
