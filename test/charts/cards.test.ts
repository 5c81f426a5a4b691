/**
 * Card grids laid out from their text (src/charts/layout-cards.ts, issue 11): indicators with
 * names of up to 120 characters and figures up to "150,000%" drew a label of nine lines over
 * its figure and a figure wider than its card. Every part of the indicator cards of the rows
 * dataset (test/fuzz/rows-data.ts) keeps its text apart and on its canvas, fits a page, and the
 * shipped dataset's cards keep the spec's own layout.
 */
import { describe, expect, it } from 'vitest';
import { bindSpec } from '../../src/charts/bind.js';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartParts, rowsRoomOf } from '../../src/charts/page-fit.js';
import { isObject } from '../../src/charts/spec-file.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { layoutProblems } from '../fuzz/chart-checks.js';
import { rowsDatasetYaml } from '../fuzz/rows-data.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, theme } from './support.js';

const ID = 'indicator-highlights';

async function cardParts(rows: number) {
  const th = await theme();
  const loaded = validateDatasetText(rowsDatasetYaml(rows), 'rows.yaml');
  if (!loaded.dataset) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const data = loaded.dataset;
  const bound = await bindCharts(data, CHARTS_DIR);
  const whole = bound.instances.find((i) => i.id === ID);
  if (!whole) throw new Error(`no ${ID}`);
  const measurer = textMeasurer(testFonts.stack(th));
  const parts = chartParts(whole, data, th, measurer).instances;
  const renders = [];
  for (const part of parts) renders.push(await renderChart(part, bound.tables, data, th, testFonts));
  return { renders, room: rowsRoomOf(th) };
}

describe('indicator cards of long names and wide figures', () => {
  it('keep every text apart and on the canvas, in parts that each fit a page', async () => {
    const { renders, room } = await cardParts(25);
    // Twelve cards (the spec's limit) of labels up to nine lines do not fit one page.
    expect(renders.length).toBeGreaterThan(1);
    for (const [i, render] of renders.entries()) {
      const chart = render.chart;
      if (!chart) throw new Error(`part ${i + 1} drew nothing: ${render.diagnostics.map((d) => d.message)}`);
      expect(render.diagnostics).toEqual([]);
      expect(layoutProblems(`part ${i + 1}`, render.textBoxes, chart.width, chart.height)).toEqual([]);
      // The subtitle line above the cards takes about 30 px beyond their rows.
      expect(chart.height).toBeLessThanOrEqual(room + 30);
    }
  }, 60_000);

  it('set a figure wider than its card smaller, never over its neighbour', async () => {
    // Eight cards: two rows of four, 117 px cards, where "150,000%" at 30 px is 150 px wide.
    const { renders } = await cardParts(8);
    for (const render of renders) {
      const chart = render.chart;
      if (!chart) throw new Error('nothing drawn');
      expect(layoutProblems(ID, render.textBoxes, chart.width, chart.height)).toEqual([]);
    }
    // "150,000%" is the widest figure: drawn under the spec's 30 px, as every figure beside it.
    const svg = renders.map((r) => r.chart?.svg ?? '').find((s) => s.includes('>150,000%'));
    expect(svg).toMatch(/font-size="(1\d|2\d)px" font-weight="bold"[^>]*>150,000%/);
  }, 60_000);
});

describe('the shipped dataset’s indicator cards', () => {
  it('keep the spec’s own step and offsets: their text fits them', async () => {
    const th = await theme();
    const data = await dataset();
    const bound = await bindCharts(data, CHARTS_DIR);
    const instance = bound.instances.find((i) => i.id === ID);
    if (!instance) throw new Error(`no ${ID}`);
    const spec = bindSpec(instance, bound.tables, data, th, textMeasurer(testFonts.stack(th))).spec;
    expect(isObject(spec?.height) ? spec.height.step : undefined).toBe(206);
  });
});
