/**
 * Text metrics from the real font (fontkit), shared by the chart stage (vega's own
 * estimate is badly off, STACK.md) and the deck's text fitting. Fonts are parsed once.
 */
import * as fontkit from 'fontkit';
import type { FontFiles } from './fonts.js';

type ParsedFont = fontkit.Font;
const parsed = new Map<Buffer, ParsedFont>();

function parse(bytes: Buffer): ParsedFont {
  let font = parsed.get(bytes);
  if (!font) {
    const created = fontkit.create(bytes);
    if (!('unitsPerEm' in created)) throw new Error('font collections are not supported');
    font = created as ParsedFont;
    canonicalCodePoints(font);
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * fontkit caches one Glyph object per id with the code points of whoever asked first, and a
 * composite glyph's outline asks for its components with none. pdfkit writes those code points
 * into the PDF's ToUnicode map, so with a font shared across documents a comma drawn after
 * another document used it inside a composite came out as "" (text extraction lost it, and the
 * bytes depended on what the process rendered before). Every glyph the cmap maps gets its
 * lowest mapped code point instead; other glyphs (ligatures) keep the first non-empty ones.
 */
function canonicalCodePoints(font: ParsedFont): void {
  const cmap = (font as unknown as { _cmapProcessor: { lookup(codePoint: number): number } })._cmapProcessor;
  let lowest: Map<number, number> | undefined;
  // Built on first use: ~20,000 code points, a few milliseconds (a lookup per glyph scanned the cmap).
  const lowestCodePoint = (gid: number) => {
    if (!lowest) {
      lowest = new Map();
      for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
        const glyph = cmap.lookup(codePoint);
        if (glyph && !lowest.has(glyph)) lowest.set(glyph, codePoint);
      }
    }
    return lowest.get(gid);
  };
  const original = font.getGlyph.bind(font);
  const settled = new Set<number>();
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = original(id, codePoints);
    if (!settled.has(id)) {
      const mapped = lowestCodePoint(id);
      if (mapped !== undefined) {
        glyph.codePoints = [mapped];
        settled.add(id);
      } else if (codePoints.length > 0) {
        glyph.codePoints = codePoints;
        settled.add(id);
      }
    }
    return glyph;
  };
}

/** The parsed font for these bytes, shared with the PDF renderer so a process parses it once. */
export function parsedFont(bytes: Buffer): ParsedFont {
  return parse(bytes);
}

export interface TextMeasurer {
  /** Advance width of `text` at `size` (same unit as size: px in, px out). */
  width(text: string, size: number, bold?: boolean): number;
  /** Characters of `text` the font has no glyph for. */
  missingGlyphs(text: string, bold?: boolean): string[];
}

export function textMeasurer(fonts: FontFiles): TextMeasurer {
  const regular = parse(fonts.regular);
  const bold = parse(fonts.bold);
  const advances = { regular: new Map<number, number>(), bold: new Map<number, number>() };
  return {
    // Sum of glyph advances, without shaping: ~100× faster than font.layout() and at most a few
    // per cent wider than the kerned width (kerning mostly tightens), so fitting errs on the safe side.
    width(text, size, isBold = false) {
      const font = isBold ? bold : regular;
      const cache = isBold ? advances.bold : advances.regular;
      let units = 0;
      for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        let advance = cache.get(code);
        if (advance === undefined) {
          advance = font.glyphForCodePoint(code).advanceWidth;
          cache.set(code, advance);
        }
        units += advance;
      }
      return (units / font.unitsPerEm) * size;
    },
    missingGlyphs(text, isBold = false) {
      const font = isBold ? bold : regular;
      const missing = new Set<string>();
      for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        if (code > 0x20 && !font.hasGlyphForCodePoint(code)) missing.add(char);
      }
      return [...missing];
    },
  };
}
