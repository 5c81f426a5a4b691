/** Planning text: fitted title sizes, text fitted to a box, and the continuation slides it needs. */
import { fitText, fittingSize, wrapWidth } from './fit.js';
import { type Box, FALLBACK_SLACK, inToPt, TITLE_BOX, TYPE, WIDTH_SLACK } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import type { Base, FittedText, PlanContext, Planned } from './plan-types.js';
import type { Para } from './styled-runs.js';

export const ptBox = (box: Box) => ({ w: inToPt(box.w), h: inToPt(box.h) });

/**
 * A title's size: the largest at which it fits the title box in a fallback font (FALLBACK_SLACK),
 * else the smallest. The box is anchored at its bottom, so a title with a line more than the box
 * holds grows upward: at 26 pt a third line in DejaVu Sans ran over the top of the slide, at the
 * smallest size it stays under the accent band. In the theme's fonts every title fits at the
 * smallest size (the bounds check and test/render/pptx/title-fit.test.ts hold it to that).
 */
export function titleSize(title: string, ctx: PlanContext): number {
  const para: Para = { kind: 'body', runs: [{ text: title, bold: true }] };
  const { w, h } = ptBox(TITLE_BOX);
  const max = ctx.theme.sizes.slideTitle;
  return (
    fittingSize([para], (w * FALLBACK_SLACK) / WIDTH_SLACK, h, max, TYPE.titleMin, ctx.m) ?? TYPE.titleMin
  );
}

/**
 * A continuation's title: the model's title and `mark` ("(continued, 2/3)"). When that cannot
 * fit the title box even at the smallest title size, the title is shortened by words, with an
 * ellipsis, before the mark: the slide before carries it in full, and a continuation must not
 * fail the build (RENDER_OVERFLOW) for a title that fits on its first slide.
 */
export function continuedTitle(title: string, mark: string, ctx: PlanContext): string {
  const fits = (text: string) =>
    fittingSize(
      [{ kind: 'body', runs: [{ text, bold: true }] }],
      ptBox(TITLE_BOX).w,
      ptBox(TITLE_BOX).h,
      TYPE.titleMin,
      TYPE.titleMin,
      ctx.m,
    ) !== undefined;
  const full = `${title} ${mark}`;
  if (fits(full)) return full;
  const words = title.split(/\s+/);
  for (let n = words.length - 1; n > 0; n--) {
    const short = `${words
      .slice(0, n)
      .join(' ')
      .replace(/[,;:]$/, '')}… ${mark}`;
    if (fits(short)) return short;
  }
  return mark;
}

/** Continuation title: "(cont.)" after the model's title; `numbered` makes it "(continued, 2/3)". */
export const contTitle = (title: string, i: number) => (i === 0 ? title : `${title} (cont.)`);

export function textSlides(
  base: Omit<Base, 'title' | 'titleSize' | 'continued'>,
  title: string,
  paras: Para[],
  box: Box,
  max: number,
  min: number,
  ctx: PlanContext,
): Planned[] {
  const { w, h } = ptBox(box);
  const fit = fitText(paras, w, h, max, min, ctx.m);
  return fit.pages.map((page, i) => ({
    ...base,
    kind: 'text',
    title: contTitle(title, i),
    titleSize: titleSize(contTitle(title, i), ctx),
    continued: i > 0,
    text: { size: fit.size, paras: page },
  }));
}

/** Fits text to a box; what does not fit at the floor goes to continuation text slides. */
export function fitOrContinue(
  paras: Para[],
  box: Box,
  ctx: PlanContext,
): { first?: FittedText; rest: Para[][]; size: number } {
  if (paras.length === 0) return { rest: [], size: ctx.theme.sizes.slideBody };
  const { w, h } = ptBox(box);
  const fit = fitText(paras, w, h, ctx.theme.sizes.slideBody, TYPE.bodyMin, ctx.m);
  const [first = [], ...rest] = fit.pages;
  return { first: { size: fit.size, paras: first }, rest, size: fit.size };
}

export function continuation(base: Base, rest: Para[][], size: number, ctx: PlanContext): Planned[] {
  return rest.map((paras) => {
    const title = contTitle(base.slide.title, 1);
    return {
      ...base,
      kind: 'text' as const,
      title,
      titleSize: titleSize(title, ctx),
      continued: true,
      text: { size, paras },
    };
  });
}

/** Share of the body a slide's text must fill at the body size not to count as sparse. */
export const SPARSE_FILL = 0.5;
/** Share of the body a sparse slide's text, set larger, may fill: room stays around it. */
export const SPARSE_SET_FILL = 2 / 3;

/**
 * The largest size a slide's text starts from: the theme's body size, or, for text that fills
 * less than half the body at that size (two judgements on an empty slide), up to
 * TYPE.sparseMax, as large as fills two thirds of the body. A sparse slide then reads from the
 * back of a room instead of leaving most of it blank.
 */
export function bodyMax(paras: readonly Para[], box: Box, ctx: PlanContext): number {
  const body = ctx.theme.sizes.slideBody;
  const { w, h } = ptBox(box);
  if (paras.length === 0 || parasHeight(paras, body, wrapWidth(w), ctx.m) >= h * SPARSE_FILL) return body;
  return fittingSize(paras, w, h * SPARSE_SET_FILL, TYPE.sparseMax, body, ctx.m) ?? body;
}
