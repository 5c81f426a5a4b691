/** Planning the sources slide: full entries when they fit, else condensed, in one column or two. */
import { fittingSize } from './fit.js';
import { BODY_BOX, splitColumns, TYPE } from './geometry.js';
import { ptBox, textSlides } from './plan-text.js';
import type { Base, PlanContext, Planned } from './plan-types.js';
import { condensedSourceParas, fullSourceParas } from './sources.js';
import { blockParas, type Para } from './styled-runs.js';

/**
 * The sources slide, condensed: each source on a short line (who, title, year; the full entries
 * with their URLs are in the slide's notes), in one column if they fit, else in two, and only
 * past that on continuation slides.
 */
export function sourcesSlides(base: Base, ctx: PlanContext): Planned[] {
  const own = blockParas(base.slide.blocks);
  // A numbered list is the template's own sources list; bullets (limits, notes) are not.
  const hasList = base.slide.blocks.some((b) => b.type === 'list' && b.ordered);
  const { w, h } = ptBox(BODY_BOX);
  // The entries in full (outlet, date, address) when they fit one column; else condensed.
  const full = hasList ? [] : fullSourceParas(ctx.sources);
  // The entries follow the template's opening text, before its first heading (about, limits).
  const cut = own.findIndex((p) => p.kind === 'heading');
  const withEntries = (list: Para[]) =>
    cut < 0 ? [...own, ...list] : [...own.slice(0, cut), ...list, ...own.slice(cut)];
  if (full.length > 0 && fittingSize(withEntries(full), w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m))
    return textSlides(
      base,
      base.slide.title,
      withEntries(full),
      BODY_BOX,
      TYPE.sourcesMax,
      TYPE.sourcesMin,
      ctx,
    );
  const entries = hasList ? [] : condensedSourceParas(ctx.sources);
  const all = withEntries(entries);
  if (fittingSize(all, w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m) !== undefined || entries.length < 2)
    return textSlides(base, base.slide.title, all, BODY_BOX, TYPE.sourcesMax, TYPE.sourcesMin, ctx);
  const [leftBox, rightBox] = splitColumns(BODY_BOX);
  const half = Math.ceil((own.length + entries.length) / 2);
  const left = all.slice(0, half);
  const right = all.slice(half);
  const size = Math.min(
    fittingSize(left, ptBox(leftBox).w, h, TYPE.sourcesMax, TYPE.sourcesColumnsMin, ctx.m) ?? 0,
    fittingSize(right, ptBox(rightBox).w, h, TYPE.sourcesMax, TYPE.sourcesColumnsMin, ctx.m) ?? 0,
  );
  if (size > 0)
    return [{ ...base, kind: 'columns', left: { size, paras: left }, right: { size, paras: right } }];
  return textSlides(base, base.slide.title, all, BODY_BOX, TYPE.sourcesMax, TYPE.sourcesMin, ctx);
}
