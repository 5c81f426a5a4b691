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
    parsed.set(bytes, font);
  }
  return font;
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
  const widthCache = new Map<string, number>();
  return {
    width(text, size, isBold = false) {
      const key = `${isBold ? 'b' : 'r'}${text}`;
      let units = widthCache.get(key);
      if (units === undefined) {
        const font = isBold ? bold : regular;
        units = font.layout(text).advanceWidth / font.unitsPerEm;
        widthCache.set(key, units);
      }
      return units * size;
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
