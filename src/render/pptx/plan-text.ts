/** Planning text: fitted title sizes, text fitted to a box, and the continuation slides it needs. */
import { fitText, fittingSize } from './fit.js';
import { type Box, inToPt, TITLE_BOX, TYPE } from './geometry.js';
import type { Base, FittedText, PlanContext, Planned } from './plan-types.js';
import type { Para } from './styled-runs.js';

export const ptBox = (box: Box) => ({ w: inToPt(box.w), h: inToPt(box.h) });

export function titleSize(title: string, ctx: PlanContext): number {
  const para: Para = { kind: 'body', runs: [{ text: title, bold: true }] };
  const { w, h } = ptBox(TITLE_BOX);
  return fittingSize([para], w, h, ctx.theme.sizes.slideTitle, TYPE.titleMin, ctx.m) ?? TYPE.titleMin;
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
