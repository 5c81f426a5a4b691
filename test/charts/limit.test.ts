/**
 * Charts of tables that grow with the dataset (one bar or matrix row per sector, one card per
 * indicator) draw at most `usermeta.briefkit.limit` groups (src/charts/limit.ts): with 500
 * sectors they fit their canvas budget instead of failing the build, the chart's data table
 * keeps every row, and a note says what the drawing leaves out.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVariantDataset } from '../../src/bench/variants.js';
import { chartInstances, listChartSpecs } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartEntry } from '../../src/charts/figure-content.js';
import { applyLimit, limitRule } from '../../src/charts/limit.js';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { deriveTableSet } from '../../src/derive/index.js';
import type { DerivedTable } from '../../src/derive/types.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { manySectorsDataset } from '../support/many-sectors.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, theme } from './support.js';

async function load(text: string): Promise<Dataset> {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-limit-'));
  // Beside the shipped sources, as in data/: validation finds every quote in them.
  cpSync(join('data', 'sources'), join(dir, 'sources'), { recursive: true });
  const file = join(dir, 'data.yaml');
  writeFileSync(file, text);
  const loaded = await loadDatasetFile(file);
  if (!loaded.dataset) throw new Error('the stress dataset does not load');
  return loaded.dataset;
}

/** The drawing, and the figure the model carries for it (its data table, notes and plot). */
async function drawShipped(dataset: Dataset, id: string) {
  const { specs } = await listChartSpecs(CHARTS_DIR);
  const tables = deriveTableSet(dataset);
  const instance = chartInstances(specs, tables, dataset).find((i) => i.id === id);
  if (!instance) throw new Error(`no chart ${id}`);
  const shown = await theme();
  const figure = chartEntry(
    instance,
    dataset,
    shown,
    { svg: 'svg', png: 'png' },
    textMeasurer(testFonts.stack(shown)),
  ).figure;
  return {
    table: instance.table,
    figure,
    ...(await renderChart(instance, tables, dataset, shown, testFonts)),
  };
}

const table = (rows: DerivedTable['rows']): DerivedTable => ({
  name: 't',
  columns: [],
  rows,
  sources: [],
  notes: [],
  summary: '',
});

describe('a limit keeps the highest-ranked groups in table order', () => {
  it('ranks groups by the sum of number fields and by counted values, ties to the earlier', () => {
    const rows = [
      { g: 'a', n: 1, k: 'x' },
      { g: 'b', n: 5, k: 'y' },
      { g: 'a', n: 1, k: 'y' },
      { g: 'c', n: 2, k: 'y' },
      { g: 'd', n: 2, k: 'x' },
    ];
    const byNumber = applyLimit(
      table(rows),
      limitRule({ field: 'g', count: 2, rankBy: ['n'], note: '{count} of {total}' }),
    );
    // a: 2, b: 5, c: 2, d: 2: b, then a (the earlier of the ties), in table order.
    expect(byNumber.table.rows.map((r) => r.g)).toEqual(['a', 'b', 'a']);
    expect(byNumber.note).toBe('2 of 4');
    const byValue = applyLimit(
      table(rows),
      limitRule({ field: 'g', count: 1, rankBy: [{ field: 'k', equals: 'x' }] }),
    );
    expect(byValue.table.rows.map((r) => r.g)).toEqual(['a', 'a']);
    const first = applyLimit(table(rows), limitRule({ count: 3 }));
    expect(first.table.rows).toEqual(rows.slice(0, 3));
  });

  it('leaves a table within the limit as it is, with no note', () => {
    const rows = [{ g: 'a' }, { g: 'b' }];
    expect(applyLimit(table(rows), limitRule({ field: 'g', count: 2 }))).toEqual({ table: table(rows) });
  });
});

describe('the shipped charts that grow with the dataset', () => {
  it('draw 500 sectors with long names within the canvas budget, the data table whole', async () => {
    const dataset = await load(manySectorsDataset('data/korea-emerging-tech.yaml', 500, 3));
    for (const id of ['sector-summary', 'influence-matrix']) {
      const render = await drawShipped(dataset, id);
      expect(render.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (!render.chart) throw new Error(`${id} was not drawn`);
      expect(render.figure.table.rows).toHaveLength(render.table.rows.length);
      // At most the spec's 25, fewer when their bands would outgrow a page (page-fit.ts).
      const note = render.figure.notes.at(-1) ?? '';
      expect(note).toMatch(
        /^The chart shows the \d+ sectors .* of 500; the table of its data lists them all\.$/,
      );
      const shown = Number(/shows the (\d+)/.exec(note)?.[1]);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(25);
      const sectorLabels = new Set(
        render.vegaLite && JSON.stringify(render.vegaLite).match(/"sector":"[^"]*"/g),
      );
      // The first figure draws what a page holds of them; the rest go on in continued figures.
      expect(sectorLabels.size).toBeLessThanOrEqual(shown);
    }
    const summary = await drawShipped(dataset, 'sector-summary');
    // The native chart shows the same sectors as the picture: the ones with records first.
    const shown = Number(/shows the (\d+)/.exec(summary.figure.notes.at(-1) ?? '')?.[1]);
    expect(summary.figure.plot?.categories.length).toBeLessThanOrEqual(shown);
    expect(summary.figure.plot?.categories[0]).toBe(summary.table.rows[0]?.sector);
  });

  it('draw the first 12 of 200 indicators as cards, with a note', async () => {
    const dataset = await load(generateVariantDataset('data/korea-emerging-tech.yaml', 500));
    const render = await drawShipped(dataset, 'indicator-highlights');
    expect(render.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(render.figure.table.rows).toHaveLength(dataset.indicators.length);
    expect(render.figure.notes).toContain(
      `The chart shows the first 12 of ${dataset.indicators.length} indicators; the table of its data lists them all.`,
    );
  });
});
