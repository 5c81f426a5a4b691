/**
 * The table of contents. Its entries are known before layout (they come from the model),
 * so its pages are reserved first and filled in once the body has been laid out and
 * every heading's page is known.
 */
import type { TemplatePosition } from '../../document/model.js';
import type { Box } from './blocks.js';
import { BOLD, REGULAR } from './document-fonts.js';
import { type Ctx, type Heading, placing } from './frame.js';
import type { Line } from './lines.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawLine, drawSeparator, layoutText, type TextStyle } from './text.js';

export interface TocEntry {
  id: string;
  level: 1 | 2;
  title: string;
  /** The heading's template position, for RENDER_OVERFLOW. */
  pos?: TemplatePosition;
}

const NUMBER_COLUMN = 36;
/** Contents entries a body page earns: a 9-page body gets a contents of at most 18 lines. */
const ENTRIES_PER_BODY_PAGE = 2;

/**
 * The contents in proportion to the body: every level-1 entry, and the level-2 entries too
 * only when all of them fit the budget of `bodyPages` (all or none, so the contents reads at
 * one depth throughout). A 9-page body never gets a full page of contents.
 */
export function proportionalEntries(entries: readonly TocEntry[], bodyPages: number): TocEntry[] {
  const budget = Math.max(1, bodyPages) * ENTRIES_PER_BODY_PAGE;
  return entries.length <= budget ? [...entries] : entries.filter((entry) => entry.level === 1);
}

export interface LaidEntry {
  entry: TocEntry;
  lines: Line[];
  style: TextStyle;
  before: number;
}

/** Entries laid out in `box`; `compact` (the cover's contents) spaces them tighter. */
export function layEntries(ctx: Ctx, entries: readonly TocEntry[], box: Box, compact = false): LaidEntry[] {
  const t = ctx.type;
  // Level-1 entries are spaced apart only to group the level-2 entries under them.
  const grouped = entries.some((entry) => entry.level === 2);
  return entries.map((entry) => {
    const bold = entry.level === 1;
    const size = bold ? t.body * 1.05 : t.body;
    const indent = bold ? 0 : 14;
    const style: TextStyle = {
      size,
      colour: bold ? t.colours.accent : t.colours.text,
      lineHeight: size * (compact ? 1.5 : 1.4),
    };
    const lines = layoutText(
      ctx,
      flattenInlines([{ type: 'text', text: entry.title }], { bold, italic: false }),
      box.width - indent - NUMBER_COLUMN,
      size,
    );
    const before = !bold ? 0 : compact ? (grouped ? size * 0.5 : 0) : size * 0.7;
    return { entry, lines, style, before };
  });
}

function headingHeight(ctx: Ctx): number {
  return ctx.type.h1 * 1.25 + ctx.type.h1 * 0.8;
}

/** Pages the contents need, entries being what `layEntries` measures. */
export function tocPages(ctx: Ctx, entries: readonly TocEntry[], box: Box): number {
  const frame = ctx.geo.bottom - ctx.geo.top;
  let pages = 1;
  let y = headingHeight(ctx);
  for (const laid of layEntries(ctx, entries, box)) {
    const h = laid.before + laid.lines.length * laid.style.lineHeight;
    if (y + h > frame) {
      pages += 1;
      y = 0;
    }
    y += h;
  }
  return pages;
}

/** Draws the contents on pages `first`…; `headings` give each entry its page and target. */
export function drawToc(
  ctx: Ctx,
  element: PdfStruct,
  entries: readonly TocEntry[],
  headings: readonly Heading[],
  first: number,
  box: Box,
): void {
  const { doc, geo, type: t } = ctx;
  const pageOf = new Map(headings.map((h) => [h.id, h.page]));
  const bodyPage = ctx.page;
  let page = first;
  doc.switchToPage(page);
  // The cursor's page follows the contents pages, so the frame check knows where it is.
  ctx.page = page;
  ctx.y = geo.top;
  const title = doc.struct('H1');
  element.add(title);
  const titleStyle: TextStyle = { size: t.h1, colour: t.colours.accent, lineHeight: t.h1 * 1.25 };
  const titleLine = layoutText(
    ctx,
    flattenInlines([{ type: 'text', text: 'Contents' }], { bold: true, italic: false }),
    box.width,
    t.h1,
  )[0];
  if (titleLine) drawLine(ctx, titleLine, box.x, ctx.y, titleStyle, title, 'H1');
  ctx.tags.end();
  ctx.y += headingHeight(ctx);
  for (const laid of layEntries(ctx, entries, box)) {
    const node = { what: `the contents entry "${laid.entry.title.slice(0, 40)}"`, pos: laid.entry.pos };
    placing(ctx, node, () => drawEntry(laid));
  }
  ctx.page = bodyPage;

  function drawEntry(laid: LaidEntry): void {
    const h = laid.before + laid.lines.length * laid.style.lineHeight;
    if (ctx.y + h > geo.bottom) {
      page += 1;
      doc.switchToPage(page);
      ctx.page = page;
      ctx.y = geo.top;
    } else ctx.y += laid.before;
    drawTocEntry(ctx, element, laid, pageOf.get(laid.entry.id), box);
  }
}

/** One entry at the cursor, in `box`: its title, leader and page number, a link to `target` (0-based page). */
export function drawTocEntry(
  ctx: Ctx,
  element: PdfStruct,
  laid: LaidEntry,
  target: number | undefined,
  box: Box,
): void {
  const { doc } = ctx;
  const item = doc.struct('TOCI');
  element.add(item);
  const link = doc.struct('Link');
  item.add(link);
  const x = box.x + (laid.entry.level === 1 ? 0 : 14);
  const top = ctx.y;
  laid.lines.forEach((line, i) => {
    drawLine(ctx, line, x, ctx.y, laid.style, link, 'Link');
    if (i === laid.lines.length - 1 && target !== undefined) {
      drawLeaderAndNumber(ctx, line, x, ctx.y, laid.style, box, String(target + 1), link);
    }
    ctx.y += laid.style.lineHeight;
  });
  ctx.tags.end();
  if (target !== undefined) {
    const contents = new String(`Go to ${laid.entry.title}, page ${target + 1}`);
    doc.goTo(box.x, top, box.width, ctx.y - top, `h-${laid.entry.id}`, {
      structParent: link,
      Contents: contents,
    });
  }
  link.end();
}

function drawLeaderAndNumber(
  ctx: Ctx,
  line: Line,
  x: number,
  top: number,
  style: TextStyle,
  box: Box,
  number: string,
  link: PdfStruct,
): void {
  const { doc, type: t } = ctx;
  const baseline = top + style.lineHeight * 0.5 + style.size * 0.36;
  const font = style.colour === t.colours.accent ? BOLD : REGULAR;
  const numberWidth = doc.font(font, style.size).widthOfString(number);
  const right = box.x + box.width;
  ctx.tags.begin(link, 'Link');
  // The title and its page number are two words ("Summary 3"), as the leader shows them.
  drawSeparator(ctx, right - numberWidth, baseline, style.size);
  doc
    .font(font, style.size)
    .fillColor(style.colour)
    .text(number, right - numberWidth, baseline, { lineBreak: false, baseline: 'alphabetic' });
  const from = x + line.width + 6;
  const to = right - numberWidth - 6;
  if (to > from) {
    ctx.tags.artifact(() => {
      doc.save();
      doc
        .moveTo(from, baseline - 1)
        .lineTo(to, baseline - 1)
        .lineWidth(0.6);
      doc.dash(0.6, { space: 2.4 });
      doc.stroke(t.colours.muted);
      doc.restore();
    });
  }
}
