/**
 * The contents on the cover (issue 14): a short briefing's contents fit under the key
 * judgements, so they go there instead of taking a page of their own. One column when that
 * fits, else two, and two only when every title stays on one line (a wrapped title in a
 * narrow column reads worse than a contents page).
 */
import type { Box } from './blocks.js';
import type { Ctx, Heading } from './frame.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawLine, layoutText, type TextStyle } from './text.js';
import { drawTocEntry, type LaidEntry, layEntries, type TocEntry } from './toc.js';

/** Space between the key-judgements box and the contents' heading. */
export const COVER_CONTENTS_GAP = 22;
const GUTTER = 24;

export interface CoverContents {
  columns: { box: Box; laid: LaidEntry[] }[];
  /** Heading and entries, from the heading's top. */
  height: number;
}

function headStyle(ctx: Ctx): TextStyle {
  return { size: ctx.type.h2, colour: ctx.type.colours.accent, lineHeight: ctx.type.h2 * 1.4 };
}

function headHeight(ctx: Ctx): number {
  return headStyle(ctx).lineHeight + 6;
}

/** A column's height: the first entry's space before it is dropped at the column's top. */
function columnHeight(laid: readonly LaidEntry[]): number {
  return laid.reduce((h, l, i) => h + (i === 0 ? 0 : l.before) + l.lines.length * l.style.lineHeight, 0);
}

/** Two columns split before a level-1 entry (a section stays with its subsections), heights balanced. */
function splitTwo(laid: readonly LaidEntry[]): [LaidEntry[], LaidEntry[]] | undefined {
  let best: [LaidEntry[], LaidEntry[]] | undefined;
  let bestHeight = Number.POSITIVE_INFINITY;
  for (let k = 1; k < laid.length; k++) {
    if (laid[k]?.entry.level !== 1) continue;
    const pair: [LaidEntry[], LaidEntry[]] = [laid.slice(0, k), laid.slice(k)];
    const height = Math.max(columnHeight(pair[0]), columnHeight(pair[1]));
    // Ties go to the longer first column: the eye reads it first.
    if (height < bestHeight || (height === bestHeight && best && pair[0].length > best[0].length)) {
      best = pair;
      bestHeight = height;
    }
  }
  return best;
}

/** The contents laid out for `room` points below the cover's box, or undefined when they do not fit. */
export function coverContents(
  ctx: Ctx,
  entries: readonly TocEntry[],
  box: Box,
  room: number,
): CoverContents | undefined {
  const available = room - COVER_CONTENTS_GAP - headHeight(ctx);
  const single = layEntries(ctx, entries, box, true);
  if (columnHeight(single) <= available)
    return { columns: [{ box, laid: single }], height: headHeight(ctx) + columnHeight(single) };
  const width = (box.width - GUTTER) / 2;
  const narrow = layEntries(ctx, entries, { x: box.x, width }, true);
  if (narrow.some((l) => l.lines.length > 1)) return undefined;
  const split = splitTwo(narrow);
  if (!split) return undefined;
  const height = Math.max(columnHeight(split[0]), columnHeight(split[1]));
  if (height > available) return undefined;
  return {
    columns: [
      { box: { x: box.x, width }, laid: split[0] },
      { box: { x: box.x + width + GUTTER, width }, laid: split[1] },
    ],
    height: headHeight(ctx) + height,
  };
}

/** Draws the laid-out contents on the cover from `top`, tagged as the TOC `element`, each entry linked to its heading. */
export function drawCoverContents(
  ctx: Ctx,
  element: PdfStruct,
  contents: CoverContents,
  headings: readonly Heading[],
  top: number,
  box: Box,
): void {
  const pageOf = new Map(headings.map((h) => [h.id, h.page]));
  const bodyPage = ctx.page;
  ctx.doc.switchToPage(0);
  ctx.page = 0;
  ctx.y = top;
  // The cover's other heading (the key judgements) is an H2 under the title's H1: so is this one.
  const title = ctx.doc.struct('H2');
  element.add(title);
  const style = headStyle(ctx);
  const line = layoutText(
    ctx,
    flattenInlines([{ type: 'text', text: 'Contents' }], { bold: true, italic: false }),
    box.width,
    style.size,
  )[0];
  if (line) drawLine(ctx, line, box.x, ctx.y, style, title, 'H2');
  ctx.tags.end();
  const entriesTop = top + headHeight(ctx);
  for (const column of contents.columns) {
    ctx.y = entriesTop;
    column.laid.forEach((laid, i) => {
      if (i > 0) ctx.y += laid.before;
      drawTocEntry(ctx, element, laid, pageOf.get(laid.entry.id), column.box);
    });
  }
  ctx.page = bodyPage;
}
