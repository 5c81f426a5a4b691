/** Planning the sources slide: full entries when they fit, else condensed, in one column or two. */
import { fittingSize, paginate } from './fit.js';
import { BODY_BOX, splitColumns, TYPE } from './geometry.js';
import { contTitle, ptBox, textSlides, titleSize } from './plan-text.js';
import type { Base, PlanContext, Planned } from './plan-types.js';
import { condensedSourceParas, fullSourceParas } from './sources.js';
import { blockParas, type Para } from './styled-runs.js';

/**
 * The sources slide, condensed: each source on a short line (who, title, year; the full entries
 * with their URLs are in the slide's notes), in one column if they fit, else in two, and only
 * past that on numbered continuation slides, never under TYPE.sourcesMin.
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
  return columnSlides(base, all, ctx);
}

/**
 * The condensed entries in two columns at a size read from the back of a room (never under
 * TYPE.sourcesMin): on one slide when they fit, else over numbered slides, two column-pages a
 * slide, rather than one slide of 8 pt type.
 */
function columnSlides(base: Base, all: Para[], ctx: PlanContext): Planned[] {
  const [leftBox, rightBox] = splitColumns(BODY_BOX);
  const { w, h } = ptBox(leftBox);
  const half = Math.ceil(all.length / 2);
  const left = all.slice(0, half);
  const right = all.slice(half);
  const size = Math.min(
    fittingSize(left, w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m) ?? 0,
    fittingSize(right, ptBox(rightBox).w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m) ?? 0,
  );
  if (size > 0)
    return [{ ...base, kind: 'columns', left: { size, paras: left }, right: { size, paras: right } }];
  // As few slides as full columns take, the entries then spread evenly over them: the
  // shortest column height that needs no more slides, so the last is not a tail of two lines.
  const slidesAt = (height: number) => Math.ceil(paginate(all, TYPE.sourcesMin, w, height, ctx.m).length / 2);
  const fewest = slidesAt(h);
  let [low, high] = [h / 2, h];
  for (let step = 0; step < 8; step++) {
    const mid = (low + high) / 2;
    if (slidesAt(mid) <= fewest) high = mid;
    else low = mid;
  }
  const pages = paginate(all, TYPE.sourcesMin, w, high, ctx.m);
  const slides: Planned[] = [];
  for (let i = 0; i < pages.length; i += 2) {
    const title = contTitle(base.slide.title, i / 2);
    slides.push({
      ...base,
      kind: 'columns',
      title,
      titleSize: titleSize(title, ctx),
      continued: i > 0,
      left: { size: TYPE.sourcesMin, paras: pages[i] ?? [] },
      right: { size: TYPE.sourcesMin, paras: pages[i + 1] ?? [] },
    });
  }
  return slides;
}
