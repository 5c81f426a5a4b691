/**
 * The step a one-pager is laid out at does not depend on the order the steps are tried in: for
 * every step that could be the first to fit, and pages of every height, fitOnePager keeps that
 * step (the guess from the tightest page's height only orders the layouts), in fewer layouts
 * than trying every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/document/model.js';
import { FIT_STEPS, fitOnePager, type OnePagerAttempt } from '../../../src/render/pdf/one-pager.js';

const GEO = { margin: 42, bottom: 785 };
// The fitting reads only the attempts: the model goes through untouched.
const MODEL = { sections: [], sources: [], takeaways: [] } as unknown as Briefing;

describe('the step a one-pager fits at', () => {
  it('is the first step that fits, whatever the page height the guess starts from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FIT_STEPS.length - 1 }),
        fc.integer({ min: GEO.margin, max: GEO.bottom }),
        (first, endY) => {
          const tried: number[] = [];
          const layout = (_: Briefing, step: readonly [number, number]): OnePagerAttempt => {
            const index = FIT_STEPS.indexOf(step);
            tried.push(index);
            const ctx = { geo: GEO, y: endY, step: index } as unknown as OnePagerAttempt['ctx'];
            return { ctx, diagnostics: [], pages: index >= first ? 1 : 2 };
          };
          const kept = fitOnePager(MODEL, layout).ctx as unknown as { step: number };
          expect(kept.step).toBe(first);
          expect(new Set(tried).size).toBe(tried.length);
          expect(tried.length).toBeLessThan(FIT_STEPS.length);
        },
      ),
    );
  });
});
