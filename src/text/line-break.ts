/**
 * The one line breaker: greedy breaking by measured width, shared by the PDF (render/pdf/lines.ts),
 * the deck (render/pptx/paragraph-lines.ts) and chart labels (charts/label-wrap.ts), with one cutter
 * for words wider than the line (`cutToWidth`: the PDF and chart labels). Callers measure; this module
 * knows no font, style or format.
 *
 * The rules all three follow:
 * - lines break only at spaces, so Korean words stay whole (keep-all, as Korean typography
 *   wants; pdfkit's and PowerPoint's own wrappers break between any two syllables);
 * - a word goes on the current line while the line, the space before it and the word fit;
 * - a word wider than the line is the caller's choice (`WideWords`): it overflows on a line of
 *   its own, is cut first (`cutToWidth`: after "/", ".", "-", "?" or "&" where it can, so a URL
 *   breaks where a reader expects; chart labels `hyphenate`, which marks a cut between two
 *   letters with a hyphen), or wraps inside itself as a viewer does.
 */

/** An unbreakable piece of a line, measured, with the width of the space that follows it. */
export interface BreakWord {
  width: number;
  /** Width of the space after the word; 0 when none follows (a style change inside a word, the end). */
  space: number;
  /** A hard line break follows the word. */
  breakAfter?: boolean;
}

/**
 * What happens to a word wider than the line: `overflow` sets it on a line of its own;
 * `wrap-inside` also counts the lines a viewer takes to wrap it inside itself (as empty lines
 * before the word's line) and carries its last line's width on, so the next words may join it.
 */
export type WideWords = 'overflow' | 'wrap-inside';

export interface BreakOptions {
  /** How far a line may run past `maxWidth` (slack for rounded widths); 0 when absent. */
  tolerance?: number;
  wide?: WideWords;
}

/** Breaks words into lines no wider than `maxWidth`; each line keeps its words in order. */
export function breakWords<W extends BreakWord>(
  words: readonly W[],
  maxWidth: number,
  options: BreakOptions = {},
): W[][] {
  const limit = maxWidth + (options.tolerance ?? 0);
  const lines: W[][] = [];
  let current: W[] = [];
  let width = 0;
  for (const word of words) {
    const previous = current[current.length - 1];
    const needed = previous ? width + previous.space + word.width : word.width;
    if (previous && needed > limit) {
      lines.push(current);
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = needed;
    }
    if (options.wide === 'wrap-inside' && current.length === 1 && width > maxWidth) {
      const extra = Math.ceil(width / maxWidth) - 1;
      for (let i = 0; i < extra; i++) lines.push([]);
      width -= extra * maxWidth;
    }
    if (word.breakAfter === true) {
      lines.push(current);
      current = [];
      width = 0;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Characters after which a word wider than the line is best cut: the places a URL or a
 * compound can break and still read as going on ("…/japan-plant." / "html"), never mid-name.
 */
const CUT_AFTER = new Set(['/', '.', '-', '?', '&']);

/**
 * Whether a wide word may be cut between `char` and `next`: after a CUT_AFTER character that
 * does not start a run of them, so "https://" and "--" stay whole.
 */
export function cutsAfter(char: string, next: string | undefined): boolean {
  return CUT_AFTER.has(char) && (next === undefined || !CUT_AFTER.has(next));
}

/**
 * Cuts a word wider than the line into chunks that fit. With `text` (each character's text),
 * a chunk ends after its last `cutsAfter` character, so a URL breaks only after "/", ".", "-",
 * "?" or "&"; a chunk without one (or without `text`) is cut character by character. A chunk
 * always takes at least one character that has width, so a character wider than the line
 * still goes somewhere.
 */
export function cutToWidth<C>(
  chars: readonly C[],
  widthOf: (char: C) => number,
  maxWidth: number,
  text?: (char: C) => string,
): C[][] {
  const chunks: C[][] = [];
  let chunk: C[] = [];
  let width = 0;
  for (const char of chars) {
    const w = widthOf(char);
    if (width + w > maxWidth && width > 0) {
      const at = text ? lastCut(chunk, char, text) : -1;
      // Cut after the chunk's last break point; the characters after it start the next chunk,
      // when they and this character fit a line (else the chunk is cut here, by characters).
      const rest = at >= 0 ? chunk.slice(at + 1) : [];
      const restWidth = rest.reduce((sum, c) => sum + widthOf(c), 0);
      const cut = at >= 0 && restWidth + w <= maxWidth;
      chunks.push(cut ? chunk.slice(0, at + 1) : chunk);
      chunk = cut ? rest : [];
      width = cut ? restWidth : 0;
    }
    chunk.push(char);
    width += w;
  }
  chunks.push(chunk);
  return chunks;
}

/** Index of the last character of `chunk` after which it may be cut (`next` follows it); -1 if none. */
function lastCut<C>(chunk: readonly C[], next: C, text: (char: C) => string): number {
  for (let i = chunk.length - 1; i >= 0; i--) {
    const after = i + 1 < chunk.length ? chunk[i + 1] : next;
    if (cutsAfter(text(chunk[i] as C), after === undefined ? undefined : text(after))) return i;
  }
  return -1;
}

/** Characters a cut word keeps at least on each side of the cut, where the line allows. */
const MIN_PART = 2;

/** Letters of the scripts that mark a word cut at a line's end with a hyphen (not Hangul, kana, Han). */
const HYPHENATED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * A word wider than the line cut into pieces that fit, each as long as it can be; a cut between
 * two letters of a hyphenating script ends its piece with "-" (counted in its width), so that a
 * reader sees the word goes on ("Semiconduc-" / "tor", never "Semiconduct" / "or"). A word that
 * fits is returned whole: only a word that alone exceeds the line is cut.
 */
export function hyphenate(word: string, measure: (text: string) => number, maxWidth: number): string[] {
  if (measure(word) <= maxWidth) return [word];
  const chars = [...word];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    // The longest piece that fits; better one that leaves at least MIN_PART characters on either
    // side of the cut ("programm-" / "e" read as a typo).
    let fit = { end: start + 1, text: chars[start] ?? '' };
    let good: typeof fit | undefined;
    for (let end = start + 1; end <= chars.length; end++) {
      const piece = chars.slice(start, end).join('');
      const cutLetters =
        end < chars.length && HYPHENATED.test(chars[end - 1] ?? '') && HYPHENATED.test(chars[end] ?? '');
      const text = cutLetters ? `${piece}-` : piece;
      if (end > start + 1 && measure(text) > maxWidth) break;
      fit = { end, text };
      if (end === chars.length || (end - start >= MIN_PART && chars.length - end >= MIN_PART)) good = fit;
    }
    const chosen = good ?? fit;
    pieces.push(chosen.text);
    start = chosen.end;
  }
  return pieces;
}

/**
 * U+2060 WORD JOINER: no line break on either side (UAX #14 class WJ), drawn as nothing. The deck
 * writes it before a citation mark that follows a word ("diplomacy.\u2060[1]",
 * render/pptx/styled-runs.ts): UAX #14, which PowerPoint and LibreOffice follow, allows a break
 * before "[", so the mark could wrap alone onto a line of its own. This breaker breaks only at
 * spaces, so a joiner stays inside its word (splitAtSpaces); a caller that cuts words at style
 * changes too (the deck's, render/pptx/paragraph-lines.ts) joins a piece that `joinsPrevious`.
 */
export const WORD_JOINER = '\u2060';

/** Whether a piece of text stays on the line of the text before it: it opens with a word joiner. */
export function joinsPrevious(text: string): boolean {
  return text.startsWith(WORD_JOINER);
}

/**
 * Splits text at runs of spaces (U+0020 only), keeping the runs as parts of their own: the
 * PDF's and the deck's words. Other whitespace (a no-break space) stays inside a word.
 */
export function splitAtSpaces(text: string): string[] {
  return text.split(/( +)/).filter((part) => part !== '');
}

/** The words of a chart label: any run of whitespace separates, and is written back as one space. */
export function whitespaceWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
