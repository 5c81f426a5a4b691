/**
 * Text metrics from the real font (fontkit), shared by the chart stage (vega's own
 * estimate is badly off without a canvas, charts/engine.ts) and the deck's text fitting.
 * Fonts are opened through the fontkit adapter (adapters/fontkit.ts), once per session.
 */
import { defaultFontSession, type Font, type FontSession } from '../adapters/fontkit.js';
import type { FontFiles } from './fonts.js';

/**
 * The parsed font for these bytes, shared with the PDF renderer so a process parses it once.
 * The session defaults to the process's: the renderers do not hand one down yet.
 */
export function parsedFont(bytes: Buffer, session: FontSession = defaultFontSession): Font {
  return session.open(bytes);
}

export interface TextMeasurer {
  /** Advance width of `text` at `size` (same unit as size: px in, px out). */
  width(text: string, size: number, bold?: boolean): number;
  /** Characters of `text` the font has no glyph for. */
  missingGlyphs(text: string, bold?: boolean): string[];
}

export function textMeasurer(fonts: FontFiles, session: FontSession = defaultFontSession): TextMeasurer {
  const regular = session.open(fonts.regular);
  const bold = session.open(fonts.bold);
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
