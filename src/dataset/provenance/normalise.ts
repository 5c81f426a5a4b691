/**
 * The one comparison form of quotes and source texts: Unicode NFKC (ligatures, full-width
 * forms), typographic quotes and apostrophes as ASCII, every dash as "-", invisible characters
 * dropped and each run of white space as one space (none at all beside a CJK character: a
 * line break inside a Japanese sentence is layout, not a space). Each normalised character
 * remembers the offset of the original it came from, so a match is reported in the original.
 */

export interface Normalised {
  text: string;
  /** origin[i]: the offset in the original text of normalised character i; one extra entry for the end. */
  origin: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
/** Soft hyphen, zero-width space/joiners, word joiner, byte-order mark: never part of the words. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const SPACE = /\s/u;
/** Han, kana, Hangul and CJK punctuation: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

function punctuation(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** ASCII white space: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const MARK = /\p{M}/u;
/** Hiragana and katakana letters (not the combining sound marks U+3099–U+309C), CJK ideographs, Hangul syllables. */
const isPlainCjk = (code: number) =>
  (code >= 0x3041 && code <= 0x3096) ||
  (code >= 0x30a1 && code <= 0x30fa) ||
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0xac00 && code <= 0xd7a3);

/**
 * One pass, ASCII characters straight through (most of an English source); only other
 * characters, with the combining marks after them, go through NFKC. The last character
 * written is kept aside: reading it back from a growing string would flatten it each time.
 */
export function normalise(raw: string): Normalised {
  const parts: string[] = [];
  const origin: number[] = [];
  let last = '';
  let pendingSpace = -1;
  const emit = (char: string, at: number) => {
    if (pendingSpace >= 0) {
      // No space at the start, or where either side is CJK (see the module comment).
      if (last !== '' && !CJK.test(last) && !CJK.test(char)) {
        parts.push(' ');
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    parts.push(char);
    for (let k = 0; k < char.length; k++) origin.push(at);
    last = char;
  };
  const space = (at: number) => {
    if (pendingSpace < 0) pendingSpace = at;
  };
  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    // An ASCII letter followed by a combining mark (e + ́) goes the slow way: NFKC composes them.
    const next = raw.charCodeAt(i + 1);
    if (code < 0x80 && !(next >= 0x300 && MARK.test(raw[i + 1] as string))) {
      if (isAsciiSpace(code)) space(i);
      else emit(code === 0x60 ? "'" : (raw[i] as string), i);
      i += 1;
      continue;
    }
    // Kana, CJK ideographs and Hangul syllables are their own NFKC form: straight through too.
    if (isPlainCjk(code) && !(next >= 0x300 && MARK.test(raw[i + 1] as string))) {
      emit(raw[i] as string, i);
      i += 1;
      continue;
    }
    let j = i + (code >= 0xd800 && code < 0xdc00 ? 2 : 1);
    while (j < raw.length && MARK.test(raw[j] as string)) j += 1;
    const cluster = raw.slice(i, j);
    if (INVISIBLE.test(cluster)) {
      // dropped
    } else if (SPACE.test(cluster)) space(i);
    else {
      for (const char of punctuation(cluster.normalize('NFKC'))) {
        if (SPACE.test(char)) space(i);
        else emit(char, i);
      }
    }
    i = j;
  }
  origin.push(raw.length);
  return { text: parts.join(''), origin };
}

/** The normalised form alone, for a quote. */
export function normalised(raw: string): string {
  return normalise(raw).text;
}
