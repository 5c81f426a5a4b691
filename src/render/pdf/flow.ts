/** Placing lines and headings on pages: widow/orphan control and keep-with-next. */
import { type Ctx, newPage, placed, remaining } from './frame.js';
import type { Line } from './lines.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { drawLine, type TextStyle } from './text.js';

/** Lines kept together at a paragraph's end and start when it breaks across pages. */
const MIN_LINES = 2;

export interface LineOptions {
  /** Called before a line is drawn, with its index and top; draws markers, bars. */
  decorate?: (index: number, top: number) => void;
}

/** How many of `rest` lines go on this page, given room for `fit`. */
export function linesOnThisPage(fit: number, rest: number, pageEmpty: boolean): number {
  if (fit >= rest) return rest;
  let take = Math.min(fit, rest - MIN_LINES);
  if (take < MIN_LINES) take = 0;
  // An empty page cannot do better: take what fits rather than loop.
  if (take === 0 && pageEmpty) take = Math.max(1, fit);
  return take;
}

export function placeLines(
  ctx: Ctx,
  lines: readonly Line[],
  style: TextStyle,
  x: number,
  element: PdfStruct,
  tag: string,
  options: LineOptions = {},
): void {
  let i = 0;
  while (i < lines.length) {
    const fit = Math.floor((remaining(ctx) + 0.01) / style.lineHeight);
    const take = linesOnThisPage(fit, lines.length - i, ctx.pageEmpty);
    for (let k = 0; k < take; k++) {
      const line = lines[i + k];
      if (!line) break;
      options.decorate?.(i + k, ctx.y);
      drawLine(ctx, line, x, ctx.y, style, element, tag);
      placed(ctx, style.lineHeight);
    }
    i += take;
    if (i < lines.length) newPage(ctx);
  }
  ctx.tags.end();
}

/** The room a text block needs at a page's foot not to leave an orphan there. */
export function keepLines(lines: readonly Line[], style: TextStyle): number {
  // Fewer than 2×MIN_LINES lines cannot be split: the whole block must fit.
  const n = lines.length < 2 * MIN_LINES ? lines.length : MIN_LINES;
  return n * style.lineHeight;
}
