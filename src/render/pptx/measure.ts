/**
 * Fast widths for fitting: the theme's textMeasurer shapes whole strings with fontkit, about
 * 0.1 ms a word, and fitting asks for thousands of words. Summing per-character advances
 * (each measured once through the same textMeasurer) is ~20× faster; it leaves out kerning,
 * which in these fonts only narrows text, so the estimate errs on the safe (wider) side.
 */
import { type TextMeasurer, textMeasurer } from '../../theme/metrics.js';
import type { FontStack } from '../../theme/stack.js';

/** The deck's measurer per stack: keyed by the stack object of one build's fonts (theme/build-fonts.ts). */
const byFonts = new WeakMap<FontStack, TextMeasurer>();

/** Scripts drawn without shaping (Latin, Greek, Cyrillic, Hangul, symbols…). */
const UNSHAPED = /^[\u0020-\u058F\u1100-\u11FF\u2000-\u2BFF\u3130-\u318F\uAC00-\uD7AF\uFF01-\uFF5E]*$/u;

/**
 * Text whose width is the sum of its characters' primary-face advances: unshaped, and drawn
 * wholly in the primary face. The splitter picks a face per stretch of script (text/runs.ts), so
 * a symbol the primary lacks takes its whole word to a fallback: such a word is measured whole,
 * in the face the deck names for it (script-runs.ts).
 */
function simpleText(text: string, stack: FontStack): boolean {
  return UNSHAPED.test(text) && stack.runs(text).every((run) => run.face === 0 && run.level === 0);
}

export function charMeasurer(exact: TextMeasurer, stack: FontStack): TextMeasurer {
  const units = new Map<string, number>();
  const advance = (char: string, bold: boolean): number => {
    const key = bold ? `b${char}` : `r${char}`;
    let w = units.get(key);
    if (w === undefined) {
      w = exact.width(char, 1, bold);
      units.set(key, w);
    }
    return w;
  };
  return {
    width(text, size, bold = false) {
      // A character's face depends on its neighbours (text/runs.ts) and some scripts are shaped:
      // such text is measured whole, in the faces it is drawn in.
      if (!simpleText(text, stack)) return exact.width(text, size, bold);
      let sum = 0;
      for (const char of text) sum += advance(char, bold);
      return sum * size;
    },
    missingGlyphs: (text, bold) => exact.missingGlyphs(text, bold),
  };
}

/** One measurer per font set for the process: its cache makes the next deck's fitting cheap. */
export function deckMeasurer(fonts: FontStack): TextMeasurer {
  let m = byFonts.get(fonts);
  if (!m) {
    m = charMeasurer(textMeasurer(fonts), fonts);
    byFonts.set(fonts, m);
  }
  return m;
}
