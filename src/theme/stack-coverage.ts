/**
 * Which characters the theme's font stack can show, for the check on the document model and
 * the charts' text before anything is rendered (src/document/coverage.ts). A character is
 * shown when some face of the stack (theme/stack.ts) has it in every weight the renderers use:
 * the same faces the run splitter (text/runs.ts) draws it in.
 */
import { needsNoGlyph } from '../text/runs.js';
import type { BuildFonts } from './build-fonts.js';
import type { Theme } from './schema.js';
import type { FontStack } from './stack.js';

export { needsNoGlyph };

export interface FontCoverage {
  /** How the fonts are named in messages (the stack's families). */
  family: string;
  /** Whether the fonts can show `char` (one code point); spaces and controls always pass. */
  covers(char: string): boolean;
}

export function themeCoverage(theme: Theme, fonts: BuildFonts): FontCoverage {
  return stackCoverage(fonts.stack(theme));
}

export function stackCoverage(stack: FontStack): FontCoverage {
  const known = new Map<number, boolean>();
  return {
    family: stack.families.join(', '),
    covers(char) {
      const code = char.codePointAt(0) ?? 0;
      if (needsNoGlyph(code)) return true;
      let covered = known.get(code);
      if (covered === undefined) {
        covered = stack.runFaces.some((face) => face.covers(code));
        known.set(code, covered);
      }
      return covered;
    },
  };
}
