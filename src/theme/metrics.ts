/**
 * Text metrics from the real fonts (fontkit), shared by the chart stage (vega's own
 * estimate is badly off without a canvas, charts/engine.ts) and the deck's text fitting.
 * Text is measured run by run over the theme's font stack (text/runs.ts), in the face each
 * run is drawn in. Fonts are opened through the fontkit adapter (adapters/fontkit.ts), once per
 * build (theme/build-fonts.ts).
 */
import type { Font } from '../adapters/fontkit.js';
import { uncoveredChars } from '../text/runs.js';
import type { FontStack } from './stack.js';

export interface TextMeasurer {
  /** Advance width of `text` at `size` (same unit as size: px in, px out). */
  width(text: string, size: number, bold?: boolean): number;
  /** Characters of `text` no face of the stack has a glyph for. */
  missingGlyphs(text: string, bold?: boolean): string[];
}

/**
 * Scripts whose glyphs change with their neighbours (joining, conjuncts, reordering): their runs
 * are shaped (font.layout) to be measured and drawn; other runs are sums of advances.
 */
const SHAPED =
  /[\u0590-\u08FF\u0900-\u0DFF\u0F00-\u0FFF\u1000-\u109F\u1780-\u17FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

export function needsShaping(text: string): boolean {
  return SHAPED.test(text);
}

/**
 * Advance widths per parsed font. Module scope is safe: keyed by the font object, which belongs
 * to one build's fonts (build-fonts.ts) and goes with them; a font's advances never change.
 */
const advances = new WeakMap<Font, Map<number, number>>();

/** Width of one run in one font, in font units. */
export function runUnits(font: Font, text: string): number {
  if (needsShaping(text)) return font.layout(text).advanceWidth;
  let cache = advances.get(font);
  if (!cache) {
    cache = new Map();
    advances.set(font, cache);
  }
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
  return units;
}

export function textMeasurer(stack: FontStack): TextMeasurer {
  return {
    // Sum of glyph advances, without shaping but for the scripts that need it: ~100× faster than
    // font.layout() and at most a few per cent wider than the kerned width (kerning mostly
    // tightens), so fitting errs on the safe side.
    width(text, size, isBold = false) {
      let width = 0;
      for (const run of stack.runs(text)) {
        const face = stack.faces[Math.max(0, run.face)];
        if (!face) continue;
        const font = face.font({ bold: isBold });
        width += (runUnits(font, run.text) / font.unitsPerEm) * size;
      }
      return width;
    },
    missingGlyphs(text) {
      return uncoveredChars(text, stack.runFaces);
    },
  };
}
