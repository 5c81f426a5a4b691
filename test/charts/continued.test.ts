/**
 * Charts whose rows take more than a page (issue 11): the rows go on in "(continued)" figures
 * instead of being left to the data table. A generated dataset of 90 programmes, investments and
 * targets: every chart's parts draw, together, one mark per row of the chart; every part fits a
 * page; the native plots of the parts hold every row once; the data table keeps every row.
 */
import { describe, expect, it } from 'vitest';
import { drawCharts } from '../../src/charts/draw-charts.js';
import { applyLimit, limitRule } from '../../src/charts/limit.js';
import { ROWS_ROOM } from '../../src/charts/page-fit.js';
import { briefkitMeta } from '../../src/charts/spec-file.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { ChartEntry } from '../../src/document/template-data.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { expectedMarks } from '../fuzz/chart-checks.js';
import { rowsDatasetYaml } from '../fuzz/rows-data.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, markCounts, theme } from './support.js';

/** US Letter's text frame (627 pt) less a figure's caption and credit (75 pt), in px at 0.75 pt. */
const PAGE_ROOM_PX = (627 - 75) / 0.75;

/** Where a chart's plot starts across and how long its value axis is, from vega's SVG. */
function plotFrame(svg: string): string {
  const origin = /transform="translate\(([\d.]+),/u.exec(svg)?.[1];
  const domain = /role-axis-domain"[^>]*><line [^>]*x2="([\d.]+)"/u.exec(svg)?.[1];
  return `${origin} ${domain}`;
}

describe('a chart whose rows take more than a page', () => {
  it('goes on in continued figures that together draw every row, each inside its page', async () => {
    const th = await theme();
    const loaded = validateDatasetText(rowsDatasetYaml(90), 'rows.yaml');
    const data = loaded.dataset;
    if (!data) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
    const plan = await chartJobs(data, th, CHARTS_DIR, testFonts);
    expect(plan.diagnostics).toEqual([]);
    const byId = new Map(plan.bound.instances.map((i) => [i.id, i]));
    const checked: string[] = [];
    for (const entry of plan.catalogue) {
      const instance = byId.get(entry.id);
      if (!instance || instance.sector || entry.id === 'indicator-highlights') continue;
      const parts: ChartEntry[] = [entry, ...(entry.continued ?? [])];
      const drawn = await drawCharts(
        plan.bound,
        parts.map((p) => p.id),
        data,
        th,
        testFonts,
        CHARTS_DIR,
      );
      expect(drawn.diagnostics).toEqual([]);
      expect(drawn.charts.map((c) => c.id)).toEqual(parts.map((p) => p.id));
      // One mark per row over all the parts; the rows drawn are the table's (a spec's own limit aside).
      const rows = applyLimit(instance.table, limitRule(briefkitMeta(instance.spec.spec).limit)).table.rows;
      const expected = expectedMarks(entry.id, rows);
      const counts: Record<string, number> = {};
      for (const chart of drawn.charts) {
        for (const [layer, n] of Object.entries(markCounts(chart.svg)))
          counts[layer] = (counts[layer] ?? 0) + n;
        // Each part inside its page: at full size, or (a matrix under tall upright labels) at
        // the least the PDF shrinks a figure to (render/pdf/figure.ts MIN_FIT, 0.75).
        const room = entry.id === 'influence-matrix' ? PAGE_ROOM_PX / 0.75 : PAGE_ROOM_PX;
        expect(chart.height, `${chart.id} height`).toBeLessThanOrEqual(room);
      }
      for (const [layer, n] of Object.entries(expected))
        expect(counts[layer], `${entry.id} ${layer}`).toBe(n);
      // The parts read as one chart: every part's plot starts at the same x and is as long, so a
      // figure sits at the same place on the value axis in each (one label column, layout-rows.ts).
      if (entry.id === 'program-budgets' && drawn.charts.length > 1)
        expect(new Set(drawn.charts.map((c) => plotFrame(c.svg))).size, 'one plot frame').toBe(1);
      // The data table, on the first figure, keeps every row; the native plots show each row once.
      expect(entry.figure.table.rows).toHaveLength(instance.table.rows.length);
      const plots = parts.flatMap((p) => (p.figure.plot ? [p.figure.plot] : []));
      if (plots.length > 0 && entry.id === 'program-budgets')
        expect(plots.reduce((n, p) => n + p.categories.length, 0)).toBe(rows.length);
      if (rows.length * 46 > ROWS_ROOM && entry.id === 'program-budgets') checked.push(entry.id);
      if ((entry.continued?.length ?? 0) > 0) checked.push(`${entry.id} in ${parts.length}`);
    }
    // The dataset is big enough that the banded charts do continue.
    expect(checked).toEqual(expect.arrayContaining(['program-budgets']));
    expect(checked.some((c) => c.startsWith('program-budgets in '))).toBe(true);
    expect(checked.some((c) => c.startsWith('targets-timeline in '))).toBe(true);
  }, 300_000);
});
