/**
 * The theme's fonts, parsed once per process and handed to every document as fontkit
 * objects: pdfkit accepts a parsed font and then skips parsing, and glyph caches stay
 * warm across documents (measured: ~11 ms against ~44 ms a document from the buffer).
 * Each document still gets its own subset.
 */
import * as fontkit from 'fontkit';
import { themeFonts } from '../../theme/fonts.js';
import type { Theme } from '../../theme/schema.js';
import type { PdfDoc } from './pdfkit.js';

export const REGULAR = 'Body';
export const BOLD = 'Body-Bold';

const parsed = new WeakMap<Buffer, fontkit.Font>();

function parse(bytes: Buffer): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    const created = fontkit.create(bytes);
    if (!('unitsPerEm' in created)) throw new Error('font collections are not supported');
    font = created as fontkit.Font;
    parsed.set(bytes, font);
  }
  return font;
}

export interface ParsedFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

export function parsedThemeFonts(theme: Theme): ParsedFonts {
  const files = themeFonts(theme);
  return { regular: parse(files.regular), bold: parse(files.bold) };
}

export function registerFonts(doc: PdfDoc, fonts: ParsedFonts): void {
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  doc.font(REGULAR);
}

/**
 * svg-to-pdfkit's font hook: every family maps to the embedded theme font, or it falls
 * back to Helvetica (no Hangul, not embedded).
 */
export function svgFontCallback(_family: string, bold: boolean): string {
  return bold ? BOLD : REGULAR;
}

/** Characters of `text` the fonts have no glyph for (controls and spaces aside). */
export function missingGlyphs(fonts: ParsedFonts, text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0xa0) continue;
    if (!fonts.regular.hasGlyphForCodePoint(code) || !fonts.bold.hasGlyphForCodePoint(code))
      missing.add(char);
  }
  return [...missing];
}
