/**
 * Greedy line breaking at spaces only, so Korean words stay whole (keep-all) as Korean
 * typography wants; pdfkit's own wrapper breaks between any two syllables. A word wider
 * than the line is the one exception: it is cut by characters rather than overflowing.
 */
import type { Piece, RunStyle } from './inline.js';

export type Measure = (text: string, style: RunStyle) => number;

export interface LinePart {
  text: string;
  style: RunStyle;
  x: number;
  width: number;
}

export interface Line {
  parts: LinePart[];
  width: number;
}

interface WordPart {
  text: string;
  style: RunStyle;
  width: number;
}

interface Word {
  parts: WordPart[];
  width: number;
  /** Width of the space that follows, and its style; 0 at a paragraph's end. */
  space: number;
  spaceStyle: RunStyle;
  forceBreakAfter: boolean;
}

function toWords(pieces: readonly Piece[], measure: Measure): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  const start = (): Word => {
    current = {
      parts: [],
      width: 0,
      space: 0,
      spaceStyle: { bold: false, italic: false },
      forceBreakAfter: false,
    };
    words.push(current);
    return current;
  };
  for (const piece of pieces) {
    if (piece.text === '\n') {
      (current ?? start()).forceBreakAfter = true;
      current = undefined;
      continue;
    }
    for (const token of piece.text.split(/( +)/)) {
      if (!token) continue;
      if (token.startsWith(' ')) {
        if (current) {
          current.space = measure(' ', piece.style);
          current.spaceStyle = piece.style;
          current = undefined;
        }
        continue;
      }
      const word = current ?? start();
      const width = measure(token, piece.style);
      word.parts.push({ text: token, style: piece.style, width });
      word.width += width;
    }
  }
  return words.filter((w) => w.parts.length > 0 || w.forceBreakAfter);
}

/** Cuts a word wider than the line into chunks that fit, character by character. */
function splitWide(word: Word, maxWidth: number, measure: Measure): Word[] {
  const chunks: Word[] = [];
  let chunk: Word = { ...word, parts: [], width: 0, space: 0, forceBreakAfter: false };
  for (const part of word.parts) {
    for (const char of part.text) {
      const width = measure(char, part.style);
      if (chunk.width + width > maxWidth && chunk.width > 0) {
        chunks.push(chunk);
        chunk = { ...word, parts: [], width: 0, space: 0, forceBreakAfter: false };
      }
      const last = chunk.parts[chunk.parts.length - 1];
      if (last && last.style === part.style) {
        last.text += char;
        last.width += width;
      } else chunk.parts.push({ text: char, style: part.style, width });
      chunk.width += width;
    }
  }
  chunks.push({ ...chunk, space: word.space, forceBreakAfter: word.forceBreakAfter });
  return chunks;
}

function buildLine(words: readonly Word[]): Line {
  const parts: LinePart[] = [];
  let x = 0;
  words.forEach((word, i) => {
    for (const part of word.parts) {
      const last = parts[parts.length - 1];
      if (last && last.style === part.style && last.x + last.width === x) {
        last.text += part.text;
        last.width += part.width;
      } else parts.push({ text: part.text, style: part.style, x, width: part.width });
      x += part.width;
    }
    if (i < words.length - 1 && word.space > 0) {
      const last = parts[parts.length - 1];
      if (last && last.style === word.spaceStyle) {
        last.text += ' ';
        last.width += word.space;
      } else parts.push({ text: ' ', style: word.spaceStyle, x, width: word.space });
      x += word.space;
    }
  });
  return { parts, width: x };
}

export function breakLines(pieces: readonly Piece[], maxWidth: number, measure: Measure): Line[] {
  const words = toWords(pieces, measure).flatMap((w) =>
    w.width > maxWidth ? splitWide(w, maxWidth, measure) : [w],
  );
  const lines: Line[] = [];
  let current: Word[] = [];
  let width = 0;
  for (const word of words) {
    const previous = current[current.length - 1];
    const needed = previous ? width + previous.space + word.width : word.width;
    if (previous && needed > maxWidth + 0.01) {
      lines.push(buildLine(current));
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = needed;
    }
    if (word.forceBreakAfter) {
      lines.push(buildLine(current));
      current = [];
      width = 0;
    }
  }
  if (current.length > 0) lines.push(buildLine(current));
  return lines;
}
