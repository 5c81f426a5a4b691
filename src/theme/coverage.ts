/**
 * Which characters the theme's fonts can show, for the check on the document model before
 * anything is rendered (src/document/coverage.ts). Taken from the theme's font list, face by
 * face: a character is shown when every face the renderers draw text with (regular and bold)
 * has a font in its list with a glyph for it. Today each face's list is its one font; fallback
 * fonts per script would be appended to the lists.
 */
import type * as fontkit from 'fontkit';
import { themeFonts } from './fonts.js';
import { parsedFont } from './metrics.js';
import type { Theme } from './schema.js';

export interface FontCoverage {
  /** How the fonts are named in messages (the theme's family). */
  family: string;
  /** Whether the fonts can show `char` (one code point); spaces and controls always pass. */
  covers(char: string): boolean;
}

/** Spaces and controls need no glyph: the same exemption as the PDF renderer's (src/render/pdf/fonts.ts). */
export function needsNoGlyph(codePoint: number): boolean {
  return codePoint <= 0x20 || codePoint === 0xa0;
}

/** The fonts of each face the renderers draw text with, in the order they are tried. */
export function faceFonts(theme: Theme): fontkit.Font[][] {
  const files = themeFonts(theme);
  return [[parsedFont(files.regular)], [parsedFont(files.bold)]];
}

export function themeCoverage(theme: Theme): FontCoverage {
  return fontCoverage(theme.fonts.family, faceFonts(theme));
}

export function fontCoverage(family: string, faces: readonly (readonly fontkit.Font[])[]): FontCoverage {
  const known = new Map<number, boolean>();
  return {
    family,
    covers(char) {
      const code = char.codePointAt(0) ?? 0;
      if (needsNoGlyph(code)) return true;
      let covered = known.get(code);
      if (covered === undefined) {
        covered = faces.every((fonts) => fonts.some((font) => font.hasGlyphForCodePoint(code)));
        known.set(code, covered);
      }
      return covered;
    },
  };
}
