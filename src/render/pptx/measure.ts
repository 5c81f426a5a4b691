/**
 * Fast widths for fitting: the theme's textMeasurer shapes whole strings with fontkit, about
 * 0.1 ms a word, and fitting asks for thousands of words. Summing per-character advances
 * (each measured once through the same textMeasurer) is ~20× faster; it leaves out kerning,
 * which in these fonts only narrows text, so the estimate errs on the safe (wider) side.
 */
import { type TextMeasurer, textMeasurer } from '../../theme/metrics.js';
import type { FontStack } from '../../theme/stack.js';

const byFonts = new WeakMap<FontStack, TextMeasurer>();

/** Text every character of which is drawn in the primary face without shaping (Latin, Hangul…). */
const SIMPLE = /^[\u0020-\u058F\u1100-\u11FF\u2000-\u2BFF\u3130-\u318F\uAC00-\uD7AF\uFF01-\uFF5E]*$/u;

function simpleText(text: string): boolean {
  return SIMPLE.test(text);
}

export function charMeasurer(exact: TextMeasurer): TextMeasurer {
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
      if (!simpleText(text)) return exact.width(text, size, bold);
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
    m = charMeasurer(textMeasurer(fonts));
    byFonts.set(fonts, m);
  }
  return m;
}
