/** A field a spec's encoding names that its data lacks is an error at that line (src/charts/field-check.ts). */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, positionOf, theme } from './support.js';

describe('fields a spec names', () => {
  it('refuses an encoded field the table does not have, at its line, and draws nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefkit-fields-'));
    const text = (await readFile(join(CHARTS_DIR, 'investment-trend.vl.json'), 'utf8')).replace(
      '"field": "valueLabel"',
      '"field": "valueLable"',
    );
    expect(text).toContain('valueLable');
    await writeFile(join(dir, 'investment-trend.vl.json'), text);
    const data = await dataset();
    const th = await theme();
    const bound = await bindCharts(data, dir);
    const [instance] = bound.instances;
    if (!instance) throw new Error('no instance');
    const render = await renderChart(instance, bound.tables, data, th, testFonts);
    expect(render.chart).toBeUndefined();
    const at = positionOf(text, '"field": "valueLable"');
    expect(render.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_SPEC_INVALID',
        severity: 'error',
        message: 'the chart\'s data has no field "valueLable"',
        file: join(dir, 'investment-trend.vl.json'),
        line: at.line,
        hint: 'did you mean "valueLabel"?',
      }),
    ]);
  });

  it('finds nothing to refuse in the shipped specs', async () => {
    const data = await dataset();
    const th = await theme();
    const bound = await bindCharts(data, CHARTS_DIR);
    for (const instance of bound.instances) {
      const render = await renderChart(instance, bound.tables, data, th, testFonts);
      expect(render.diagnostics, instance.id).toEqual([]);
    }
  });
});
