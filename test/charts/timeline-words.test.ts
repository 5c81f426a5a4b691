/**
 * Timeline labels read as words (issue 11): the Korea one-pager's timeline printed the schema's
 * record types ("strategy", "fund") beside each launch. Every label the timeline charts draw,
 * and every cell of their data tables, is a word ("Strategy", "Fund"), never a schema tag.
 */
import { describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { ProgramKind } from '../../src/dataset/schema.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, svgTexts, theme } from './support.js';

const TAGS = new Set<string>(ProgramKind.options);

describe('the timelines of the Korea dataset', () => {
  it('label launches with words, not the schema’s record types', async () => {
    const th = await theme();
    const korea = await dataset();
    const bound = await bindCharts(korea, CHARTS_DIR);
    const timelines = bound.instances.filter((i) => i.spec.id === 'sector' || i.id === 'targets-timeline');
    expect(timelines.length).toBeGreaterThan(1);
    let launches = 0;
    for (const instance of timelines) {
      for (const row of instance.table.rows) {
        expect(TAGS.has(String(row.detail)), `${instance.id}: ${row.detail}`).toBe(false);
        if (row.kind === 'Launched') launches += 1;
      }
      const render = await renderChart(instance, bound.tables, korea, th, testFonts, undefined, {
        png: false,
      });
      if (!render.chart) continue;
      for (const text of svgTexts(render.chart.svg))
        for (const line of text.text.split('\n'))
          expect(TAGS.has(line.trim()), `${instance.id}: ${line}`).toBe(false);
    }
    // The Korea programmes are launched in the timelines: the case this is about.
    expect(launches).toBeGreaterThan(0);
  });
});
