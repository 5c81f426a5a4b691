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
  /**
   * Room the block after these lines needs on the page of their last line (a callout kept
   * with its text): without it, the last lines go to the next page with that block.
   */
  keepAfter?: number;
}

/**
 * Of `take` lines that end the block on this page, how many may stay when the `keepAfter`
 * block must follow the last one: the last MIN_LINES move on with it (all of a short block).
 */
function leaveForNext(take: number, first: boolean, pageEmpty: boolean): number {
  const stay = take - MIN_LINES;
  if (pageEmpty) return take;
  // A block's start keeps MIN_LINES together too: a short one moves whole.
  return first && stay < MIN_LINES ? 0 : Math.max(0, stay);
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
    let take = linesOnThisPage(fit, lines.length - i, ctx.pageEmpty);
    const after = options.keepAfter ?? 0;
    if (take === lines.length - i && after > 0 && take * style.lineHeight + after > remaining(ctx) + 0.01)
      take = leaveForNext(take, i === 0, ctx.pageEmpty);
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
