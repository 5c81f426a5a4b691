/**
 * Issue 11: a row down the side is as tall as its own label (src/charts/layout-row-heights.ts),
 * not as the longest label of the chart (vega's band scale), and labels across break between
 * words (src/charts/layout-columns.ts). The Japan fixture's budgets took three continued figures
 * because one four-line name made all 23 rows 60 px tall; its matrix printed "Semiconduct" / "or".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bindSpec } from '../../src/charts/bind.js';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { LINE_GAP, lineHeight } from '../../src/charts/layout.js';
import { ROW_Y } from '../../src/charts/layout-row-heights.js';
import { pageSplit } from '../../src/charts/page-fit.js';
import { isObject, type JsonObject } from '../../src/charts/spec-file.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, svgTexts, theme } from './support.js';

let japan: Dataset;
let korea: Dataset;
let th: Theme;
beforeAll(async () => {
  japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
  korea = await dataset();
  th = await theme();
});

async function instanceOf(data: Dataset, id: string) {
  const bound = await bindCharts(data, CHARTS_DIR);
  const instance = bound.instances.find((i) => i.id === id);
  if (!instance) throw new Error(`no chart ${id}`);
  return instance;
}

/** The bound, laid out spec of a chart's first part, and its drawn rows. */
async function laidOut(data: Dataset, id: string): Promise<{ spec: JsonObject; rows: JsonObject[] }> {
  const instance = await instanceOf(data, id);
  const measurer = textMeasurer(testFonts.stack(th));
  const split = pageSplit(instance, data, th, measurer);
  const part = { ...instance, table: split.parts[0] ?? split.kept, whole: split.kept };
  const spec = bindSpec(part, {}, data, th, measurer).spec;
  if (!spec || !isObject(spec.datasets)) throw new Error(`${id} did not bind`);
  const rows = spec.datasets[instance.spec.table];
  if (!Array.isArray(rows)) throw new Error(`${id} has no rows`);
  return { spec, rows: rows.filter(isObject) };
}

const stepOf = (id: string, spec: JsonObject) => {
  const height = spec.height;
  if (!isObject(height) || typeof height.step !== 'number') throw new Error(`${id} has no step`);
  return height.step;
};

describe('rows down the side', () => {
  it("take their own label's height, not the longest label's", async () => {
    const instance = await instanceOf(japan, 'program-budgets');
    const step = stepOf('program-budgets', instance.spec.spec);
    const { spec, rows } = await laidOut(japan, 'program-budgets');
    const size = th.sizes.chartLabel;
    const bandOf = (row: JsonObject) =>
      Math.max(step, Math.ceil(String(row.nameLines).split('\n').length * lineHeight(size) + LINE_GAP));
    const bands = rows.map(bandOf);
    // The fixture has rows of one line and of several: the test means something only then.
    expect(new Set(bands).size).toBeGreaterThan(1);
    const centres = rows.map((row) => row[ROW_Y]);
    rows.forEach((row, i) => {
      const before = bands.slice(0, i).reduce((a, b) => a + b, 0);
      expect(centres[i], String(row.nameLines)).toBe(before + (bands[i] ?? 0) / 2);
    });
    // The plot is the rows' own heights added up, shorter than every row at the tallest band.
    const total = bands.reduce((a, b) => a + b, 0);
    expect(spec.height).toBe(total);
    expect(total).toBeLessThan(rows.length * Math.max(...bands));
  }, 120_000);

  it('let the Japan budgets take at most two figures (three when every row had the tallest band)', async () => {
    const instance = await instanceOf(japan, 'program-budgets');
    const split = pageSplit(instance, japan, th, textMeasurer(testFonts.stack(th)));
    expect(split.parts.length).toBeLessThanOrEqual(2);
    expect(split.parts.flatMap((p) => p.rows)).toEqual(split.kept.rows);
  }, 120_000);

  it('label each row with its own text, quotes and backslashes as written', async () => {
    const odd = String.raw`The "Big" fund's \ share`;
    const bound = await bindCharts(japan, CHARTS_DIR);
    const instance = bound.instances.find((i) => i.id === 'program-budgets');
    const first = instance?.table.rows[0];
    if (!instance || !first) throw new Error('no budgets chart');
    first.chartName = odd;
    const render = await renderChart(instance, bound.tables, japan, th, testFonts);
    expect(render.diagnostics).toEqual([]);
    const texts = svgTexts(render.chart?.svg ?? '').map((t) => t.text);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toContain(odd);
  }, 120_000);

  it('keep the band scale when every row is as tall anyway (the Korea budgets)', async () => {
    const { spec } = await laidOut(korea, 'program-budgets');
    const y = isObject(spec.encoding) ? spec.encoding.y : undefined;
    expect(isObject(y) && y.type).toBe('nominal');
  }, 120_000);
});

describe('labels across', () => {
  it('break between words when each word fits its column (the Japan matrix)', async () => {
    const { rows } = await laidOut(japan, 'influence-matrix');
    let checked = 0;
    for (const row of rows) {
      const words = String(row.channel).split(/\s+/);
      for (const line of String(row.channelLines).split('\n'))
        for (const piece of line.split(' ')) {
          expect(words, `"${piece}" of "${row.channel}"`).toContain(piece);
          checked += 1;
        }
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});
