/**
 * The PDF's lines: styled pieces broken by the shared line breaker (text/line-break.ts), at
 * spaces only (keep-all; pdfkit's own wrapper breaks between any two syllables). A word wider
 * than the line is cut rather than overflowing: after "/", ".", "-", "?" or "&" where it has one
 * (a URL), else by characters. Each line's parts are placed.
 */
import { breakWords, cutToWidth, splitAtSpaces } from '../../text/line-break.js';
import type { Piece, RunStyle } from './styled-pieces.js';

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
  breakAfter: boolean;
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
      breakAfter: false,
    };
    words.push(current);
    return current;
  };
  for (const piece of pieces) {
    if (piece.text === '\n') {
      (current ?? start()).breakAfter = true;
      current = undefined;
      continue;
    }
    for (const token of splitAtSpaces(piece.text)) {
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
  return words.filter((w) => w.parts.length > 0 || w.breakAfter);
}

/** Cuts a word wider than the line into chunks that fit: after "/", "." and the like where it can (a URL). */
function splitWide(word: Word, maxWidth: number, measure: Measure): Word[] {
  const chars = word.parts.flatMap((part) =>
    [...part.text].map((char) => ({ text: char, style: part.style, width: measure(char, part.style) })),
  );
  const chunks = cutToWidth(
    chars,
    (char) => char.width,
    maxWidth,
    (char) => char.text,
  ).map((chunkChars): Word => {
    const chunk: Word = { ...word, parts: [], width: 0, space: 0, breakAfter: false };
    for (const char of chunkChars) {
      const last = chunk.parts[chunk.parts.length - 1];
      if (last && last.style === char.style) {
        last.text += char.text;
        last.width += char.width;
      } else chunk.parts.push({ ...char });
      chunk.width += char.width;
    }
    return chunk;
  });
  const last = chunks[chunks.length - 1];
  if (last) {
    last.space = word.space;
    last.breakAfter = word.breakAfter;
  }
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
  // 0.01 pt of slack, so a line that fits but for floating-point sums is not broken.
  return breakWords(words, maxWidth, { tolerance: 0.01 }).map(buildLine);
}
