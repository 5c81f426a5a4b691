/**
 * A chart whose rows take more than a page (issue 11, src/charts/page-fit.ts) is placed as a
 * figure and its "(continued)" parts: the deck gives each part a slide of its own, titled
 * "(continued, k/n)", where it used to show the first figure only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, FigureBlock, Slide } from '../../../src/document/model.js';
import { type PlanContext, planSlide } from '../../../src/render/pptx/slide-plan.js';
import { textMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let ctx: PlanContext;
beforeAll(async () => {
  const theme = await defaultTheme();
  ctx = { theme, m: textMeasurer(testFonts.stack(theme)), sources: [] };
});

const figure = (part: number, parts: number): FigureBlock => ({
  type: 'figure',
  chartId: part === 1 ? 'program-budgets' : `program-budgets-continued-${part}`,
  number: 2,
  caption: part === 1 ? 'Programme budgets' : `Programme budgets (continued, ${part}/${parts})`,
  alt: 'Budgets.',
  table: { columns: [], rows: [] },
  sources: [],
  notes: [],
  image: { svg: `s${part}`, png: `p${part}` },
  ...(part > 1 ? { continues: { part, parts } } : {}),
});

describe('a chart continued over several figures', () => {
  it('gets a slide per part, titled "(continued, k/n)", each with its own figure', () => {
    const blocks: Block[] = [figure(1, 3), figure(2, 3), figure(3, 3)];
    const slide: Slide = {
      layout: 'chart',
      title: 'Programme budgets as stated',
      blocks,
      notes: 'Sources: test.',
    };
    const planned = planSlide(slide, ctx);
    expect(planned.map((p) => p.title)).toEqual([
      'Programme budgets as stated',
      'Programme budgets as stated (continued, 2/3)',
      'Programme budgets as stated (continued, 3/3)',
    ]);
    expect(planned.map((p) => (p.kind === 'chart' ? p.chart.chartId : p.kind))).toEqual([
      'program-budgets',
      'program-budgets-continued-2',
      'program-budgets-continued-3',
    ]);
  });
});
