/**
 * Issue 11, layout from the data (src/charts/layout.ts, layout-legend.ts): the label column,
 * band heights, axis labels and legends follow from the rows, so long names, many sectors and
 * many channels stay on the canvas without overprinting, and a legend never repeats a colour.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import type { TextBox } from '../../src/charts/draw.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartEntry } from '../../src/charts/figure-content.js';
import { pageSplit } from '../../src/charts/page-fit.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { layoutProblems } from '../fuzz/chart-checks.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, theme } from './support.js';

let korea: Dataset;
let japan: Dataset;
let th: Theme;
beforeAll(async () => {
  korea = await dataset();
  japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
  th = await theme();
});

async function drawn(data: Dataset, id: string) {
  const bound = await bindCharts(data, CHARTS_DIR);
  const instance = bound.instances.find((i) => i.id === id);
  if (!instance) throw new Error(`no chart ${id}`);
  const render = await renderChart(instance, bound.tables, data, th, testFonts);
  if (!render.chart) throw new Error(`${id} drew nothing: ${JSON.stringify(render.diagnostics)}`);
  return {
    render,
    chart: render.chart,
    problems: layoutProblems(id, render.textBoxes, render.chart.width, render.chart.height),
  };
}

const LONG = 'national public–private semiconductor and ultra-long-distance quantum communication';

/** Korea with 12 sectors of long names (each its own), programmes and channels across them. */
function manySectors(count: number, channels: number): Dataset {
  const data = structuredClone(korea);
  const base = data.sectors[0];
  if (!base) throw new Error('no sector');
  // No short or local name: the chart labels a sector by its (long) name.
  const { shortName: _short, localName: _local, ...plain } = base;
  data.sectors = Array.from({ length: count }, (_, i) => ({
    ...plain,
    fields: [],
    id: `s${i}`,
    name: `${LONG} ${i + 1}`,
  }));
  data.programs = data.programs.map((p, i) => ({ ...p, sectors: [`s${i % count}`] }));
  const target = data.targets[0];
  if (!target) throw new Error('no target');
  // One target per sector pair: as many sector combinations as sectors.
  data.targets = Array.from({ length: count }, (_, i) => ({
    ...target,
    id: `t${i}`,
    year: 2030 + (i % 10),
    sectors: [`s${i}`, `s${(i + 1) % count}`],
  }));
  data.indicators = [];
  const channel = data.channels[0];
  if (!channel) throw new Error('no channel');
  data.channels = Array.from({ length: channels }, (_, i) => ({
    ...channel,
    id: `c${i}`,
    name: `Channel ${i + 1}: economic diplomacy and supply-chain partnerships`,
    sectors: [`s${i % count}`],
  }));
  return data;
}

/** Fills of the colour legend's symbols, in order (vega writes one group per entry). */
function legendFills(svg: string): string[] {
  const groups = [...svg.matchAll(/<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)<\/g>/gs)];
  return groups.flatMap((g) =>
    [...(g[1] ?? '').matchAll(/fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1] ?? ''),
  );
}

const plotWidth = (svg: string) =>
  Number(/<path class="background"[^>]*d="M0,0h([\d.]+)v/.exec(svg)?.[1] ?? 0);

/** Korea with `count` budgeted programmes of names up to 120 characters. */
function manyProgrammes(count: number): Dataset {
  const data = structuredClone(korea);
  const base = data.programs.find((p) => p.budget);
  if (!base) throw new Error('no budget');
  data.investments = [];
  data.programs = Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `p${i}`,
    name: `${LONG} ${i}`.slice(0, 10 + ((i * 37) % 110)),
    year: 2000 + (i % 25),
    budget: { amount: 1 + (i % 9) * 10, currency: 'KRW', scale: 'billion', qualifier: 'exact' },
    budgetStated: [],
  }));
  return data;
}

/** A US Letter page's room for a chart at full size: 627 pt less caption and credit, in px. */
const PAGE_CHART_PX = (627 - 75) / 0.75;

describe('layout from the data', () => {
  it.each(['program-budgets', 'targets-timeline'])(
    'draws %s of 60 rows within a page, the rest in continued figures, the data table whole',
    async (id) => {
      const data = manyProgrammes(60);
      const { chart, problems } = await drawn(data, id);
      expect(problems).toEqual([]);
      expect(chart.height).toBeLessThanOrEqual(PAGE_CHART_PX);
      const bound = await bindCharts(data, CHARTS_DIR);
      const instance = bound.instances.find((i) => i.id === id);
      if (!instance) throw new Error(id);
      const entry = chartEntry(instance, data, th, { svg: 's', png: 'p' }, textMeasurer(testFonts.stack(th)));
      expect(entry.figure.table.rows).toHaveLength(instance.table.rows.length);
      // No row is left out: the rest go on in "(continued)" figures (page-fit.ts).
      expect(entry.figure.notes.join(' ')).not.toMatch(/The chart shows/);
      expect(pageSplit(instance, data, th, textMeasurer(testFonts.stack(th))).parts.length).toBeGreaterThan(
        1,
      );
    },
  );

  it('gives the Japan timeline a plot of at least half the chart and a readable time axis', async () => {
    const { chart, problems, render } = await drawn(japan, 'targets-timeline');
    expect(problems).toEqual([]);
    expect(plotWidth(chart.svg)).toBeGreaterThan(chart.width / 2);
    const years = render.textBoxes.filter((b: TextBox) => /^\d{4}$/.test(b.text));
    expect(years.length).toBeGreaterThanOrEqual(3);
  });

  it('never repeats a colour in a legend: 17 sector combinations get direct labels', async () => {
    const data = manySectors(17, 3);
    const { chart, problems } = await drawn(data, 'targets-timeline');
    expect(problems).toEqual([]);
    const fills = legendFills(chart.svg);
    expect(new Set(fills).size).toBe(fills.length);
    expect(fills.length).toBeLessThanOrEqual(th.colours.palette.length);
  });

  it.each(['sector-summary', 'influence-matrix'])(
    'keeps %s inside the canvas with 12 long sector names and 11 channels',
    async (id) => {
      const { problems } = await drawn(manySectors(12, 11), id);
      expect(problems).toEqual([]);
    },
  );

  it('keeps the Korea and Japan charts inside their canvas, no label overprinting another', async () => {
    const found: string[] = [];
    for (const data of [korea, japan]) {
      const bound = await bindCharts(data, CHARTS_DIR);
      for (const instance of bound.instances) {
        const render = await renderChart(instance, bound.tables, data, th, testFonts);
        if (render.chart)
          found.push(
            ...layoutProblems(instance.id, render.textBoxes, render.chart.width, render.chart.height),
          );
      }
    }
    expect(found).toEqual([]);
  });
});
