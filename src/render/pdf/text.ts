/**
 * Measures and draws broken lines of styled text, with live links and citation marks. Text is
 * drawn run by run (text/runs.ts): each run in the first face of the theme's stack with its
 * glyphs, measured in that same face; a line with right-to-left runs is drawn in visual order.
 */

import { hasRightToLeft, type TextRun, visualOrder } from '../../text/runs.js';
import { docStack, faceName } from './document-fonts.js';
import { type Ctx, checkInFrame } from './frame.js';
import { breakLines, type Line, type LinePart, type Measure } from './lines.js';
import type { PdfDoc, PdfStruct } from './pdfkit-slice.js';
import type { Piece, RunStyle } from './styled-pieces.js';

/** Citation marks: smaller and raised. */
const SUP_SCALE = 0.62;
const SUP_RISE = 0.36;

export interface TextStyle {
  size: number;
  colour: string;
  /** Line height in points. */
  lineHeight: number;
}

export function sourceDestination(number: number): string {
  return `source-${number}`;
}

function sizeFor(style: RunStyle, size: number): number {
  return style.cite !== undefined ? size * SUP_SCALE : size;
}

/** Selects the face of `run` in `style` at `size` (an italic only where the theme has one). */
function selectRun(
  doc: PdfDoc,
  run: TextRun,
  style: { bold?: boolean; italic?: boolean },
  size: number,
): PdfDoc {
  return doc.font(faceName(doc, run.face, style), size);
}

/** Width of `text` drawn run by run in `style`: the faces drawText uses. */
export function widthOfRuns(
  doc: PdfDoc,
  text: string,
  style: { bold?: boolean; italic?: boolean },
  size: number,
): number {
  let width = 0;
  for (const run of docStack(doc).runs(text))
    width += selectRun(doc, run, style, size).widthOfString(run.text);
  return width;
}

/**
 * Draws one line of text in one style from `x` on an alphabetic baseline, run by run in visual
 * order; returns its width. For single-style labels (running header, footers).
 */
export function drawText(
  doc: PdfDoc,
  text: string,
  x: number,
  baseline: number,
  style: { bold?: boolean; italic?: boolean },
  size: number,
): number {
  const runs = docStack(doc).runs(text);
  let at = x;
  for (const run of hasRightToLeft(text) ? visualOrder(runs) : runs) {
    selectRun(doc, run, style, size);
    doc.text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
    at += doc.widthOfString(run.text);
  }
  return at - x;
}

export function measurer(ctx: Ctx, size: number): Measure {
  return (text, style) => widthOfRuns(ctx.doc, text, style, sizeFor(style, size));
}

export function layoutText(ctx: Ctx, pieces: readonly Piece[], width: number, size: number): Line[] {
  return breakLines(pieces, width, measurer(ctx, size));
}

/** A part's text in runs: the unit drawn in one face at one bidi level. */
interface PartRun {
  part: LinePart;
  run: TextRun;
}

function drawRun(ctx: Ctx, item: PartRun, x: number, baseline: number, style: TextStyle): number {
  const { doc } = ctx;
  const { part, run } = item;
  const cite = part.style.cite !== undefined;
  const size = sizeFor(part.style, style.size);
  const y = cite ? baseline - style.size * SUP_RISE : baseline;
  const colour = part.style.link || cite ? ctx.type.colours.accent : style.colour;
  // Emphasis in the theme's italic; with `italic: none` it stays upright, never a slanted regular.
  selectRun(doc, run, part.style, size).fillColor(colour);
  let width = 0;
  for (const token of visualTokens(run)) {
    if (!ctx.measuring) doc.text(token, x + width, y, { lineBreak: false, baseline: 'alphabetic' });
    width += doc.widthOfString(token);
  }
  if (part.style.link) {
    // pdfkit's own underline assumes a top baseline; ours is alphabetic.
    const under = baseline + size * 0.14;
    doc
      .moveTo(x, under)
      .lineTo(x + width, under)
      .lineWidth(size * 0.06)
      .stroke(colour);
  }
  return width;
}

/**
 * The pieces of a run in the order they are set left to right. pdfkit shapes text a word at a
 * time, each with its trailing space, and lays the words out left to right: a right-to-left run
 * of several words came out in logical word order with each space on the wrong side of its
 * word ("طاقة الرياح" drawn as if "الرياح طاقة" read left to right). Its words and spaces are
 * drawn one by one, last word first, each shaped right to left on its own.
 */
function visualTokens(run: TextRun): string[] {
  if (run.level % 2 === 0 || !/\s/u.test(run.text)) return [run.text];
  return run.text
    .split(/(\s+)/u)
    .filter((token) => token !== '')
    .reverse();
}

function partRuns(ctx: Ctx, part: LinePart): PartRun[] {
  return docStack(ctx.doc)
    .runs(part.text)
    .map((run) => ({ part, run }));
}

function drawPart(ctx: Ctx, part: LinePart, x: number, baseline: number, style: TextStyle): void {
  let at = x;
  for (const item of partRuns(ctx, part)) at += drawRun(ctx, item, at, baseline, style);
}

/**
 * A line with right-to-left runs: its runs reordered for display (the bidi algorithm's rule
 * L2 over the whole line), each drawn where the reordering puts it. Links keep their
 * annotation over the span of their runs.
 */
function drawBidiLine(
  ctx: Ctx,
  line: Line,
  x: number,
  top: number,
  baseline: number,
  style: TextStyle,
  element: PdfStruct | undefined,
  tag: string,
): void {
  const items = line.parts.flatMap((part) => partRuns(ctx, part));
  const spans = new Map<LinePart, { from: number; to: number }>();
  let at = x;
  if (element) ctx.tags.begin(element, tag);
  for (const item of visualOrder(items.map((i) => ({ ...i, level: i.run.level })))) {
    const width = drawRun(ctx, item, at, baseline, style);
    const span = spans.get(item.part) ?? { from: at, to: at + width };
    spans.set(item.part, { from: Math.min(span.from, at), to: Math.max(span.to, at + width) });
    at += width;
  }
  if (element) ctx.tags.end();
  for (const [part, span] of spans) {
    if (!element || !part.style.link || part.text.trim() === '') continue;
    const rect: [number, number, number, number] = [span.from, top, span.to - span.from, style.lineHeight];
    ctx.doc.link(...rect, part.style.link, { Contents: new String(`Link: ${part.style.link}`) });
  }
}

const lineText = (line: Line): string => line.parts.map((p) => p.text).join('');

/** Draws one line; link and citation parts become Link elements with their annotation. */
export function drawLine(
  ctx: Ctx,
  line: Line,
  x: number,
  top: number,
  style: TextStyle,
  element: PdfStruct | undefined,
  tag: string,
): void {
  const { doc } = ctx;
  checkInFrame(ctx, { x, y: top, width: line.width, height: style.lineHeight }, lineText(line));
  const baseline = top + style.lineHeight * 0.5 + style.size * 0.36;
  if (element && ctx.tags.needsJoin(element)) {
    // The space the line break stands for, as a real (inkless) space glyph ahead of the line.
    ctx.tags.begin(element, tag);
    drawSeparator(ctx, x, baseline, style.size);
  }
  if (element) ctx.tags.lineDrawn(element, lineText(line));
  if (hasRightToLeft(lineText(line))) {
    drawBidiLine(ctx, line, x, top, baseline, style, element, tag);
    return;
  }
  line.parts.forEach((part, index) => {
    const px = x + part.x;
    if (!element) {
      // Inside an artifact (a repeated table header): no tags, no second link.
      drawPart(ctx, part, px, baseline, style);
      return;
    }
    const target = part.style.link ?? (part.style.cite ? sourceDestination(part.style.cite) : undefined);
    if (!target || part.text.trim() === '') {
      ctx.tags.begin(element, tag);
      drawPart(ctx, part, px, baseline, style);
      return;
    }
    const link = doc.struct('Link');
    element.add(link);
    ctx.tags.begin(link, 'Link');
    if (part.style.cite !== undefined && gluedToPrevious(line.parts[index - 1])) {
      // A citation mark is its own word in the text ("2028 1", never "20281").
      drawSeparator(ctx, px, baseline, sizeFor(part.style, style.size));
    }
    drawPart(ctx, part, px, baseline, style);
    ctx.tags.end();
    const rect: [number, number, number, number] = [px, top, part.width, style.lineHeight];
    const contents = part.style.link
      ? `Link: ${part.style.link}`
      : `Note ${part.style.cite}: see the sources list`;
    // pdfkit writes a String object as a PDF text string, a primitive as a name.
    const annotation = { structParent: link, Contents: new String(contents) };
    if (part.style.link) doc.link(...rect, part.style.link, annotation);
    else doc.goTo(...rect, target, annotation);
    // Ending now flushes the OBJR while this page is current (pdfkit takes /Pg from it).
    link.end();
  });
}

/** True when a part ends in a letter or figure a following mark would read as part of. */
function gluedToPrevious(previous: LinePart | undefined): boolean {
  return previous !== undefined && previous.style.cite === undefined && !/\s$/u.test(previous.text);
}

/**
 * A word separator in the text layer that takes no room on the page: a space glyph set just
 * before `x`, so it has no ink over anything and extraction (pdftotext, pdf.js, screen
 * readers) reads a word boundary there.
 */
export function drawSeparator(ctx: Ctx, x: number, baseline: number, size: number): void {
  const { doc } = ctx;
  const width = widthOfRuns(doc, ' ', {}, size);
  doc.text(' ', x - width, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

export function textHeight(lines: readonly Line[], style: TextStyle): number {
  return lines.length * style.lineHeight;
}
