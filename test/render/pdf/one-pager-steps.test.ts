/**
 * The chart height a one-pager is laid out at: the largest that fits, found by bisection (fewer
 * layouts than trying every height), and a page without a chart is laid out once when it fits.
 * Type never changes: the fitting has no type-scale argument to vary (ONE_PAGER_TYPE_SCALE).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/document/model.js';
import { CHART_STEPS, fitOnePager, type OnePagerAttempt } from '../../../src/render/pdf/one-pager.js';

const GEO = { margin: 42, bottom: 785 };
const figure = { type: 'figure', chartId: 'c', alt: '', caption: 'C', number: 1, sources: [] };
const WITH_CHART = {
  sections: [{ id: 's', title: 'S', blocks: [figure] }],
  sources: [],
  takeaways: [],
} as unknown as Briefing;
const WITHOUT_CHART = { sections: [], sources: [], takeaways: [] } as unknown as Briefing;

function attempts(first: number) {
  const tried: number[] = [];
  const layout = (_: Briefing, chartScale: number): OnePagerAttempt => {
    const index = CHART_STEPS.indexOf(chartScale);
    tried.push(index);
    const ctx = { geo: GEO, y: GEO.bottom, step: index } as unknown as OnePagerAttempt['ctx'];
    return { ctx, diagnostics: [], pages: index >= first ? 1 : 2 };
  };
  return { tried, layout };
}

describe('the chart height a one-pager fits at', () => {
  it('is the largest that fits, each height laid out once, fewer than all of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CHART_STEPS.length - 1 }), (first) => {
        const { tried, layout } = attempts(first);
        const kept = fitOnePager(WITH_CHART, layout).ctx as unknown as { step: number };
        expect(kept.step).toBe(first);
        expect(new Set(tried).size).toBe(tried.length);
        expect(tried.length).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(CHART_STEPS.length)));
      }),
    );
  });

  it('a page without a chart that fits takes one layout', () => {
    const { tried, layout } = attempts(0);
    fitOnePager(WITHOUT_CHART, layout);
    expect(tried).toEqual([0]);
  });

  it('returns only a layout laid out whole: a probe may stop at page 2 only when it does not fit', () => {
    // A probe that does not fit comes back cut short (as SecondPage leaves it, frame.ts).
    const probing = (fitsFrom: number) => {
      const probes: boolean[] = [];
      const layout = (_: Briefing, chartScale: number, probe?: boolean): OnePagerAttempt => {
        const index = CHART_STEPS.indexOf(chartScale);
        const fits = index >= fitsFrom;
        probes.push(probe === true);
        const partial = probe === true && !fits;
        const ctx = { geo: GEO, y: GEO.bottom, step: index, partial, model: { meta: { title: 'T' } } };
        return { ctx: ctx as unknown as OnePagerAttempt['ctx'], diagnostics: [], pages: fits ? 1 : 3 };
      };
      return { probes, layout };
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CHART_STEPS.length - 1 }), (first) => {
        const { probes, layout } = probing(first);
        const kept = fitOnePager(WITH_CHART, layout);
        expect((kept.ctx as unknown as { partial: boolean }).partial).toBe(false);
        // Some try was a probe, so the search can stop early.
        expect(probes).toContain(true);
      }),
    );
    // Nothing fits: the layout reported is the most cut one, laid out whole with its page count.
    const { layout } = probing(CHART_STEPS.length);
    const overflowing = fitOnePager(WITHOUT_CHART, layout);
    expect((overflowing.ctx as unknown as { partial: boolean }).partial).toBe(false);
    expect(overflowing.pages).toBe(3);
  });
});
