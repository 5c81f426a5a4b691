/** Measures and draws broken lines of styled text, with live links and citation marks. */

import { BOLD, REGULAR } from './fonts.js';
import { type Ctx, checkInFrame } from './frame.js';
import type { Piece, RunStyle } from './inline.js';
import { breakLines, type Line, type LinePart, type Measure } from './lines.js';
import type { PdfStruct } from './pdfkit.js';

/** Citation marks: smaller and raised. */
const SUP_SCALE = 0.62;
const SUP_RISE = 0.36;
/** Faux oblique for emphasis: the theme font has no italic. */
const SLANT = 0.2;

export interface TextStyle {
  size: number;
  colour: string;
  /** Line height in points. */
  lineHeight: number;
}

export function sourceDestination(number: number): string {
  return `source-${number}`;
}

function fontFor(style: RunStyle): string {
  return style.bold ? BOLD : REGULAR;
}

function sizeFor(style: RunStyle, size: number): number {
  return style.cite !== undefined ? size * SUP_SCALE : size;
}

export function measurer(ctx: Ctx, size: number): Measure {
  return (text, style) => ctx.doc.font(fontFor(style), sizeFor(style, size)).widthOfString(text);
}

export function layoutText(ctx: Ctx, pieces: readonly Piece[], width: number, size: number): Line[] {
  return breakLines(pieces, width, measurer(ctx, size));
}

function drawPart(ctx: Ctx, part: LinePart, x: number, baseline: number, style: TextStyle): void {
  const { doc } = ctx;
  const cite = part.style.cite !== undefined;
  const size = sizeFor(part.style, style.size);
  const y = cite ? baseline - style.size * SUP_RISE : baseline;
  const colour = part.style.link || cite ? ctx.type.colours.accent : style.colour;
  doc.font(fontFor(part.style), size).fillColor(colour);
  const options = { lineBreak: false, baseline: 'alphabetic' };
  if (part.style.italic) {
    doc.save();
    // x' = x + SLANT·(baseline − y): slants glyphs about the baseline.
    doc.transform(1, 0, -SLANT, 1, SLANT * y, 0);
    doc.text(part.text, x, y, options);
    doc.restore();
  } else doc.text(part.text, x, y, options);
  if (part.style.link) {
    // pdfkit's own underline assumes a top baseline; ours is alphabetic.
    const under = baseline + size * 0.14;
    doc
      .moveTo(x, under)
      .lineTo(x + part.width, under)
      .lineWidth(size * 0.06)
      .stroke(colour);
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
  for (const part of line.parts) {
    const px = x + part.x;
    if (!element) {
      // Inside an artifact (a repeated table header): no tags, no second link.
      drawPart(ctx, part, px, baseline, style);
      continue;
    }
    const target = part.style.link ?? (part.style.cite ? sourceDestination(part.style.cite) : undefined);
    if (!target || part.text.trim() === '') {
      ctx.tags.begin(element, tag);
      drawPart(ctx, part, px, baseline, style);
      continue;
    }
    const link = doc.struct('Link');
    element.add(link);
    ctx.tags.begin(link, 'Link');
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
  }
}

export function textHeight(lines: readonly Line[], style: TextStyle): number {
  return lines.length * style.lineHeight;
}
