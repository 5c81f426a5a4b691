/**
 * The theme's font stack, parsed once per build (theme/build-fonts.ts) and handed to every
 * document as fontkit objects: pdfkit accepts a parsed font and then skips parsing, and glyph
 * caches stay warm across documents (measured: ~11 ms against ~44 ms a document from the buffer).
 * Each document still gets its own subset, and a fallback face is registered only when a
 * document first draws a run in it (an unused font would be embedded as an empty subset).
 * The parse is shared with the chart stage's text measurer (theme/metrics.ts).
 */
import type * as fontkit from 'fontkit';
import { uncoveredChars } from '../../text/runs.js';
import type { BuildFonts } from '../../theme/build-fonts.js';
import type { Theme } from '../../theme/schema.js';
import type { FontStack } from '../../theme/stack.js';
import { keepOwnLetterCodes } from './glyph-aliases.js';
import { type LayoutCache, type PdfDoc, shareLayoutCache } from './pdfkit-slice.js';

export const REGULAR = 'Body';
export const BOLD = 'Body-Bold';

/**
 * pdfkit's layout cache per parsed font, shared by the documents of a build (and filled from the
 * shaping store). Module scope is safe: keyed by the font object, which belongs to one build's
 * fonts (theme/build-fonts.ts) and goes with them.
 */
const layouts = new WeakMap<fontkit.Font, LayoutCache>();

export function layoutCacheFor(font: fontkit.Font): LayoutCache {
  let cache = layouts.get(font);
  if (!cache) {
    cache = Object.create(null) as LayoutCache;
    layouts.set(font, cache);
  }
  return cache;
}

export interface ParsedFonts {
  /** The primary face's regular and bold (the shaping store keeps their layouts across builds). */
  regular: fontkit.Font;
  bold: fontkit.Font;
  stack: FontStack;
}

export function parsedThemeFonts(theme: Theme, fonts: BuildFonts): ParsedFonts {
  const stack = fonts.stack(theme);
  const primary = stack.faces[0];
  if (!primary) throw new Error('the theme has no font');
  return { regular: primary.regular(), bold: primary.bold(), stack };
}

/** Each pdfkit document's stack and registered faces: keyed by the document, gone with it. */
const stacks = new WeakMap<object, { stack: FontStack; registered: Set<string> }>();

export function registerFonts(doc: PdfDoc, fonts: ParsedFonts): void {
  stacks.set(doc, { stack: fonts.stack, registered: new Set([REGULAR, BOLD]) });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  doc.font(BOLD);
  shareLayoutCache(doc, BOLD, layoutCacheFor(fonts.bold));
  keepOwnLetterCodes(doc, BOLD);
  doc.font(REGULAR);
  shareLayoutCache(doc, REGULAR, layoutCacheFor(fonts.regular));
  keepOwnLetterCodes(doc, REGULAR);
}

export interface FaceStyle {
  bold?: boolean;
  italic?: boolean;
}

/** The document's font stack (registered with the document). */
export function docStack(doc: PdfDoc): FontStack {
  const entry = stacks.get(doc);
  if (!entry) throw new Error('the document has no fonts registered');
  return entry.stack;
}

/**
 * The registered name of face `index` in `style`, registering it on first use (which selects
 * it: select the font to draw in after this). The primary
 * face keeps the names Body and Body-Bold; an italic is used only when the theme names one.
 */
export function faceName(doc: PdfDoc, index: number, style: FaceStyle): string {
  const entry = stacks.get(doc);
  if (!entry) throw new Error('the document has no fonts registered');
  const face = entry.stack.faces[Math.max(0, index)];
  if (!face) return style.bold ? BOLD : REGULAR;
  const italic = !style.bold && style.italic === true && face.italic() !== undefined;
  const base = index <= 0 ? 'Body' : `Face${index}`;
  const name = style.bold ? `${base}-Bold` : italic ? `${base}-Italic` : base;
  if (!entry.registered.has(name)) {
    const font = face.font({ bold: style.bold, italic });
    doc.registerFont(name, font);
    // Selecting opens it (shareLayoutCache needs it open); callers select their font after.
    doc.font(name);
    shareLayoutCache(doc, name, layoutCacheFor(font));
    keepOwnLetterCodes(doc, name);
    entry.registered.add(name);
  }
  return name;
}

/** Whether the theme has an italic the renderer draws emphasis in (else emphasis is upright). */
export function hasItalic(doc: PdfDoc): boolean {
  return docStack(doc).faces[0]?.italic() !== undefined;
}

/**
 * svg-to-pdfkit's font hook: a family of the stack maps to its embedded face (svg-text.ts
 * splits chart text into one tspan per face); any other family to the primary face, or it
 * falls back to Helvetica (Latin-1 only, not embedded).
 */
export function svgFontCallback(doc: PdfDoc): (family: string, bold: boolean) => string {
  const stack = docStack(doc);
  return (family, bold) => {
    const index = stack.families.indexOf(family.replace(/^['"]|['"]$/g, ''));
    return faceName(doc, Math.max(0, index), { bold });
  };
}

/** Characters of `text` no face of the stack has (controls and spaces aside). */
export function missingGlyphs(fonts: ParsedFonts, text: string): string[] {
  return uncoveredChars(text, fonts.stack.runFaces);
}
