/**
 * Slides that fit their content (issue 13): a list longer than a slide continues on numbered
 * continuation slides, every item once; a two-column slide with one empty column is one
 * full-width column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Slide } from '../../../src/document/model.js';
import { fittingSize } from '../../../src/render/pptx/fit.js';
import { inToPt, TITLE_BOX, TYPE } from '../../../src/render/pptx/geometry.js';
import { continuedTitle } from '../../../src/render/pptx/plan-text.js';
import { type PlanContext, type Planned, planSlide } from '../../../src/render/pptx/slide-plan.js';
import { textMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let ctx: PlanContext;
beforeAll(async () => {
  const theme = await defaultTheme();
  ctx = { theme, m: textMeasurer(testFonts.stack(theme)), sources: [] };
});

const list = (prefix: string, count: number): Block => ({
  type: 'list',
  ordered: false,
  items: Array.from({ length: count }, (_, i) => [
    { type: 'text', text: `${prefix} ${i + 1}: a programme with a long name that takes most of a line` },
  ]),
});

const slide = (layout: Slide['layout'], blocks: Block[], right?: Block[]): Slide => ({
  layout,
  title: 'Strategies and programmes',
  blocks,
  ...(right ? { right } : {}),
  notes: 'Sources: test.',
});

function texts(planned: Planned[]): string[] {
  return planned.flatMap((p) => {
    const fitted = p.kind === 'text' ? [p.text] : p.kind === 'columns' ? [p.left, p.right] : [];
    return fitted.flatMap((f) => f.paras.map((para) => para.runs.map((r) => r.text).join('')));
  });
}

describe('slide plans that fit their content', () => {
  it('a continuation of a title that only just fits its slide shortens it before the mark, within the box', () => {
    const box = { w: inToPt(TITLE_BOX.w), h: inToPt(TITLE_BOX.h) };
    const fits = (text: string) =>
      fittingSize(
        [{ kind: 'body', runs: [{ text, bold: true }] }],
        box.w,
        box.h,
        TYPE.titleMin,
        TYPE.titleMin,
        ctx.m,
      ) !== undefined;
    // Words until the title fills its box at the smallest size and the mark no longer fits after it.
    const mark = '(continued, 2/3)';
    let title = 'The largest sum the sources state';
    while (fits(`${title} framework`) && fits(`${title} ${mark}`)) title = `${title} framework`;
    expect(fits(title)).toBe(true);
    const continued = continuedTitle(title, mark, ctx);
    expect(fits(continued)).toBe(true);
    expect(continued.endsWith(mark)).toBe(true);
    if (!fits(`${title} ${mark}`)) expect(continued).toMatch(/… \(continued, 2\/3\)$/);
    expect(
      title.startsWith(continued.replace(/… \(continued, 2\/3\)$/, '').replace(/ \(continued, 2\/3\)$/, '')),
    ).toBe(true);
  });

  it('a list of 40 items continues on slides titled "(continued, k/n)", every item once', () => {
    const planned = planSlide(slide('bullets', [list('Item', 40)]), ctx);
    expect(planned.length).toBeGreaterThan(1);
    expect(planned.map((p) => p.title)).toEqual(
      planned.map((_, i) =>
        i === 0
          ? 'Strategies and programmes'
          : `Strategies and programmes (continued, ${i + 1}/${planned.length})`,
      ),
    );
    const all = texts(planned);
    for (let k = 1; k <= 40; k++) expect(all.filter((t) => t.startsWith(`Item ${k}:`))).toHaveLength(1);
  });

  it('a two-column slide whose right column is empty is one full-width column', () => {
    const planned = planSlide(slide('two-column', [list('Left', 3)], []), ctx);
    expect(planned.map((p) => p.kind)).toEqual(['text']);
    const leftOnly = planSlide(slide('two-column', [], [list('Right', 3)]), ctx);
    expect(leftOnly.map((p) => p.kind)).toEqual(['text']);
    expect(texts(leftOnly)).toHaveLength(3);
  });

  it('two full columns stay two columns', () => {
    const planned = planSlide(slide('two-column', [list('Left', 2)], [list('Right', 2)]), ctx);
    expect(planned.map((p) => p.kind)).toEqual(['columns']);
  });
});
