/**
 * Finding a quote in its source's text, after normalisation (normalise.ts), and, when it is
 * not there, the passage of the source closest to it: the hint an analyst needs to see which
 * word was retyped. Also where a match is: its line, page (form feeds) and paragraph.
 */
import { type Normalised, normalise } from './normalise.js';

export interface IndexedSource {
  raw: string;
  /** A PDF's places are told by page: its text layer's lines are not the reader's. */
  paged: boolean;
  normalised: Normalised;
  /** The normalised text's sentences, for the closest-passage search; built on first need. */
  passages?: Passage[];
}

interface Passage {
  start: number;
  end: number;
  grams: Set<string>;
}

export interface Place {
  line: number;
  page: number;
  paragraph: number;
}

export function indexSource(raw: string, paged = false): IndexedSource {
  return { raw, paged, normalised: normalise(raw) };
}

/** Every place the quote occurs, as offsets in the original text (usually one). */
export function findQuote(source: IndexedSource, quote: string): number[] {
  const wanted = normalise(quote).text;
  if (wanted === '') return [];
  const found: number[] = [];
  const { text, origin } = source.normalised;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    found.push(origin[at] ?? 0);
  }
  return found;
}

/** Line (from 1), page (form feeds + 1) and paragraph (blocks between blank lines, from 1). */
/** White space, a no-break space too; the common ASCII cases without a regular expression. */
function isSpace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(char);
}

export function placeOf(raw: string, offset: number): Place {
  let line = 1;
  let page = 1;
  let paragraph = 1;
  let blank = false;
  let lineHasText = false;
  // Up to and including the first character of the match: it may open a new paragraph.
  for (let i = 0; i <= offset && i < raw.length; i++) {
    const char = raw[i];
    if (char === '\f') {
      page += 1;
      paragraph = 1;
      blank = false;
      lineHasText = false;
    } else if (char === '\n') {
      line += 1;
      if (!lineHasText) blank = true;
      lineHasText = false;
    } else if (!isSpace(char ?? ' ')) {
      // Any white space, a no-break space too: a line of only spaces is a blank line.
      if (blank) paragraph += 1;
      blank = false;
      lineHasText = true;
    }
  }
  return { line, page, paragraph };
}

const SENTENCE_STOP = new Set(['.', '!', '?', '。', '！', '？']);
/** CJK sentence ends need no space after them. */
const CJK_STOP = new Set(['。', '！', '？']);
const MAX_HINT = 220;

function grams(text: string): Set<string> {
  const lower = text.toLowerCase();
  const set = new Set<string>();
  for (let i = 0; i + 3 <= lower.length; i++) set.add(lower.slice(i, i + 3));
  return set;
}

/**
 * The sentences of the normalised text: ended by sentence punctuation, or by a line break of
 * the original that normalisation dropped (between CJK characters, a title line runs into the
 * next otherwise) or a blank line.
 */
function passagesOf(source: IndexedSource): Passage[] {
  if (source.passages) return source.passages;
  const { text, origin } = source.normalised;
  const passages: Passage[] = [];
  let start = 0;
  const cut = (stop: number) => {
    if (text.slice(start, stop).trim() !== '') passages.push({ start, end: stop, grams: new Set() });
    start = stop;
  };
  for (let i = 1; i < text.length; i++) {
    const previous = text[i - 1] ?? '';
    if (SENTENCE_STOP.has(previous) && (text[i] === ' ' || CJK_STOP.has(previous))) cut(i);
    else if (i > start) {
      const gap = source.raw.slice((origin[i - 1] ?? 0) + 1, origin[i] ?? 0);
      if (/\n[^\S\n]*\n|\f/u.test(gap) || (gap.includes('\n') && !gap.includes(' ') && text[i] !== ' '))
        cut(i);
    }
  }
  if (start < text.length) cut(text.length);
  for (const p of passages) p.grams = grams(text.slice(p.start, p.end));
  source.passages = passages;
  return passages;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export interface Closest {
  text: string;
  line: number;
  page: number;
}

/**
 * The run of one to three consecutive sentences most like the quote (trigram Dice), or
 * undefined when nothing in the source is even loosely alike.
 */
export function closestPassage(source: IndexedSource, quote: string): Closest | undefined {
  const wanted = grams(normalise(quote).text);
  const passages = passagesOf(source);
  const { text, origin } = source.normalised;
  let best: { start: number; end: number; score: number } | undefined;
  for (let i = 0; i < passages.length; i++) {
    for (let span = 1; span <= 3 && i + span <= passages.length; span++) {
      const first = passages[i] as Passage;
      const last = passages[i + span - 1] as Passage;
      const joined = span === 1 ? first.grams : grams(text.slice(first.start, last.end));
      const score = dice(wanted, joined);
      if (!best || score > best.score) best = { start: first.start, end: last.end, score };
    }
  }
  if (!best || best.score < 0.2) return undefined;
  const passage = text.slice(best.start, best.end).trim();
  const shown = passage.length > MAX_HINT ? `${passage.slice(0, MAX_HINT - 1)}…` : passage;
  const { line, page } = placeOf(source.raw, origin[best.start] ?? 0);
  return { text: shown, line, page };
}

/**
 * Where a quote first departs from the passage it is closest to, word by word from the
 * quote's first word: `"intends" where the source has "plans"`. Undefined when the quote's
 * start is not in the passage (then only the passage helps).
 */
export function firstDifference(quote: string, passage: string): string | undefined {
  const mine = normalise(quote).text;
  // Text written without spaces (Japanese, Chinese) is compared character by character.
  if (!mine.includes(' ')) return firstCharacterDifference(mine, normalise(passage).text);
  const words = mine.split(' ');
  const theirs = normalise(passage).text.split(' ');
  const start = theirs.indexOf(words[0] ?? '');
  if (start < 0) return undefined;
  for (let i = 0; i < words.length; i++) {
    const mine = words[i] ?? '';
    const source = theirs[start + i];
    if (source === undefined) return `the quote goes on past the passage at "${mine}"`;
    if (mine !== source) return `the quote has "${mine}" where the source has "${source}"`;
  }
  return undefined;
}

const SHOWN_CHARACTERS = 6;

function firstCharacterDifference(mine: string, theirs: string): string | undefined {
  const start = theirs.indexOf(mine.slice(0, 4));
  if (start < 0) return undefined;
  let k = 0;
  while (k < mine.length && mine[k] === theirs[start + k]) k += 1;
  if (k === mine.length) return undefined;
  const shown = (text: string, at: number) => text.slice(at, at + SHOWN_CHARACTERS);
  if (start + k >= theirs.length) return `the quote goes on past the passage at "${shown(mine, k)}"`;
  return `after "${mine.slice(Math.max(0, k - SHOWN_CHARACTERS), k)}" the quote has "${shown(mine, k)}" where the source has "${shown(theirs, start + k)}"`;
}
