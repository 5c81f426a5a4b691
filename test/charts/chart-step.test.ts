/**
 * The build's chart stage (src/pipeline/chart-step.ts) answers every chart it is asked for with a
 * drawing or a positioned diagnostic: it never throws for a spec's fault and never hands back
 * a missing chart without saying why (issue 10, item 13).
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_LIMITS } from '../../src/charts/limits.js';
import { chartJobs, renderChartsById } from '../../src/pipeline/chart-step.js';
import { BuildSession } from '../../src/pipeline/sessions.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, positionOf, theme } from './support.js';

/** A chart folder holding copies of the given fixtures of test/fixtures/charts/drawn. */
function chartsDirWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-chart-step-'));
  for (const name of names) copyFileSync(join(FIXTURES, 'drawn', name), join(dir, name));
  return dir;
}

describe('the chart stage returns positioned diagnostics instead of throwing', () => {
  it('reports a spec vega fails on at its file, line and column, and draws the good chart beside it', async () => {
    const dir = chartsDirWith('vega-error.vl.json', 'plain.vl.json');
    const text = readFileSync(join(dir, 'vega-error.vl.json'), 'utf8');
    const ds = await dataset();
    const plan = await chartJobs(ds, await theme(), dir, testFonts);
    expect(plan.diagnostics).toEqual([]);
    const result = await renderChartsById(
      ds,
      await theme(),
      dir,
      ['vega-error', 'plain'],
      new BuildSession(),
    );
    expect(result.charts.map((c) => c.id)).toEqual(['plain']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        severity: 'error',
        file: join(dir, 'vega-error.vl.json'),
        ...positionOf(text, '"datum.missing.field"'),
        message: expect.stringContaining('"datum.missing.field" failed on the chart\'s data'),
      }),
    ]);
  });

  it('reports a budget broken while drawing at the line of the spec that caused it', async () => {
    const dir = chartsDirWith('expression-sequence.vl.json');
    const text = readFileSync(join(dir, 'expression-sequence.vl.json'), 'utf8');
    const result = await renderChartsById(
      await dataset(),
      await theme(),
      dir,
      ['expression-sequence'],
      new BuildSession(),
    );
    expect(result.charts).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file: join(dir, 'expression-sequence.vl.json'),
        ...positionOf(text, '"sequence('),
      }),
    ]);
  });

  it('answers a chart id the folder no longer has with a diagnostic, not an exception', async () => {
    const dir = chartsDirWith('plain.vl.json');
    const result = await renderChartsById(await dataset(), await theme(), dir, ['gone'], new BuildSession());
    expect(result.charts).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_SPEC_INVALID',
        file: dir,
        message: expect.stringContaining('"gone"'),
      }),
    ]);
  });

  it('refuses a table over the row budget when planning, before anything is drawn', async () => {
    const dir = chartsDirWith('plain.vl.json');
    const text = readFileSync(join(dir, 'plain.vl.json'), 'utf8');
    const plan = await chartJobs(await dataset(), await theme(), dir, testFonts, {
      ...CHART_LIMITS,
      rows: 2,
    });
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file: join(dir, 'plain.vl.json'),
        path: 'data.name',
        ...positionOf(text, '"programBudgets"'),
      }),
    ]);
  });
});
