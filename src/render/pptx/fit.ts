/**
 * Text fitting: the largest size between the layout's maximum and its floor at which the
 * paragraphs fit their box; below the floor, pages for continuation slides. Nothing is cut.
 */
import type { TextMeasurer } from '../../theme/metrics.js';
import { LINE, WIDTH_SLACK } from './geometry.js';
import { kindSize, paraHeight, paraLines } from './paragraph-lines.js';
import type { Para } from './styled-runs.js';

export interface TextFit {
  size: number;
  /** One page per slide; more than one means continuation slides. */
  pages: Para[][];
}

/** Usable width in points of a box `widthPt` wide (see WIDTH_SLACK). */
export const wrapWidth = (widthPt: number): number => widthPt * WIDTH_SLACK;

/** Largest size in [min, max] at which `paras` fit `heightPt`, or undefined. */
export function fittingSize(
  paras: readonly Para[],
  widthPt: number,
  heightPt: number,
  max: number,
  min: number,
  m: TextMeasurer,
): number | undefined {
  const width = wrapWidth(widthPt);
  for (let size = max; size >= min; size -= 1) {
    let total = 0;
    for (let i = 0; i < paras.length && total <= heightPt; i++) {
      const para = paras[i];
      if (para) total += paraHeight(para, size, width, m, i === 0);
    }
    if (total <= heightPt) return size;
  }
  return undefined;
}

/** Splits a paragraph that alone is taller than a page into pieces of at most `maxLines` lines. */
function splitPara(para: Para, size: number, width: number, maxLines: number, m: TextMeasurer): Para[] {
  const lines = paraLines(para, size, width, m);
  const pieces: Para[] = [];
  for (let i = 0; i < lines.length; i += maxLines) {
    const runs = lines.slice(i, i + maxLines).flat();
    pieces.push({ ...para, runs, ...(i > 0 && para.kind !== 'heading' ? { kind: 'body' as const } : {}) });
  }
  return pieces;
}

/** Greedy pages at one size; a heading never ends a page. */
export function paginate(
  paras: readonly Para[],
  size: number,
  widthPt: number,
  heightPt: number,
  m: TextMeasurer,
): Para[][] {
  const width = wrapWidth(widthPt);
  const pages: Para[][] = [];
  let page: Para[] = [];
  let used = 0;
  const queue = [...paras];
  while (queue.length > 0) {
    const para = queue.shift() as Para;
    const h = paraHeight(para, size, width, m, page.length === 0);
    if (used + h <= heightPt) {
      page.push(para);
      used += h;
      continue;
    }
    if (page.length === 0) {
      const maxLines = Math.max(1, Math.floor(heightPt / (kindSize(para.kind, size) * LINE)));
      queue.unshift(...splitPara(para, size, width, maxLines, m));
      const first = queue.shift() as Para;
      page.push(first);
      used = paraHeight(first, size, width, m, true);
      continue;
    }
    const carried: Para[] = [];
    while (page.length > 1 && page[page.length - 1]?.kind === 'heading') carried.unshift(page.pop() as Para);
    pages.push(page);
    queue.unshift(...carried, para);
    page = [];
    used = 0;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Pages of even fill: the smallest height that still needs no more pages than the full
 * height does, so a continuation never carries a lone paragraph.
 */
export function balancedPages<T>(split: (height: number) => T[][], height: number): T[][] {
  const greedy = split(height);
  if (greedy.length < 2) return greedy;
  let lo = height / greedy.length;
  let hi = height;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (split(mid).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return split(hi);
}

/** Fits paragraphs to a box (points): shrink from `max` to `min`, then continue on more pages. */
export function fitText(
  paras: readonly Para[],
  widthPt: number,
  heightPt: number,
  max: number,
  min: number,
  m: TextMeasurer,
): TextFit {
  const size = fittingSize(paras, widthPt, heightPt, max, min, m);
  if (size !== undefined) return { size, pages: [[...paras]] };
  // Continuation pages read better a little larger than the floor, but never above the maximum.
  const pageSize = Math.min(max, min + 2);
  return { size: pageSize, pages: balancedPages((h) => paginate(paras, pageSize, widthPt, h, m), heightPt) };
}
