/**
 * Several figures in one year (issue 11): the Japan fixture has up to four investment figures a
 * year. They are grouped bars, one group per year labelled once, a bar per figure, never stacked
 * or summed, in the drawing and in the deck's native chart; no axis label is a keyed column
 * ("2023 allocated 1").
 */
import { describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { layoutProblems } from '../fuzz/chart-checks.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, markCounts, svgTexts, theme } from './support.js';

describe('the investment chart of a dataset with several figures in one year', () => {
  it('draws grouped bars, one group per year labelled once, in the SVG and the native chart', async () => {
    const th = await theme();
    const japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
    const bound = await bindCharts(japan, CHARTS_DIR);
    const instance = bound.instances.find((i) => i.id === 'investment-trend');
    if (!instance) throw new Error('no investment-trend');
    const rows = instance.table.rows;
    const years = [...new Set(rows.map((r) => String(r.years)))];
    // The fixture has years with several figures: the case this test is about.
    expect(years.length).toBeLessThan(rows.length);
    const render = await renderChart(instance, bound.tables, japan, th, testFonts);
    if (!render.chart) throw new Error(JSON.stringify(render.diagnostics));
    expect(
      layoutProblems('investment-trend', render.textBoxes, render.chart.width, render.chart.height),
    ).toEqual([]);
    const texts = svgTexts(render.chart.svg).map((t) => t.text.replace(/\n/g, ' '));
    // Year labels once each, never a status or a number keyed onto a year.
    for (const year of years)
      expect(
        texts.filter((t) => t === year),
        year,
      ).toHaveLength(1);
    expect(texts.filter((t) => /\d{4} (allocated|proposed|planned|pledged)/.test(t))).toEqual([]);
    // A bar (or target outline) per figure: never two figures stacked into one.
    const counts = markCounts(render.chart.svg);
    expect((counts.layer_0_marks ?? 0) + (counts.layer_1_marks ?? 0)).toBe(rows.length);
    // The native chart: categories are the years, a series per status, every figure once.
    // As planning makes it: from the rows the spec's transforms give (its series is a computed field).
    const plan = await chartJobs(japan, th, CHARTS_DIR, testFonts);
    const plot = plan.catalogue.find((e) => e.id === 'investment-trend')?.figure.plot;
    if (!plot) throw new Error('no plot');
    for (const category of plot.categories)
      expect(category).not.toMatch(/allocated|proposed|planned|pledged/);
    const points = plot.series.reduce((n, s) => n + s.points.filter((p) => p.value !== null).length, 0);
    expect(points).toBe(rows.filter((r) => typeof r.valueBn === 'number').length);
    expect(plot.series.map((s) => s.name)).toEqual(expect.arrayContaining(['Allocated', 'Planned']));
  });
});
