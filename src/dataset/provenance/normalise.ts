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
/** A character with the combining marks that follow it: NFKC composes them together. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

function punctuation(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

export function normalise(raw: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = false;
  let spaceAt = 0;
  for (const match of raw.matchAll(CLUSTER)) {
    const cluster = match[0];
    const at = match.index;
    if (INVISIBLE.test(cluster)) continue;
    if (SPACE.test(cluster)) {
      if (!pendingSpace) spaceAt = at;
      pendingSpace = true;
      continue;
    }
    const form = punctuation(cluster.normalize('NFKC'));
    if (pendingSpace) {
      const before = text.at(-1);
      // NFKC turns an ideographic space into " ": the check above has seen the original.
      if (before !== undefined && before !== ' ' && !CJK.test(before) && !CJK.test(cluster)) {
        text += ' ';
        origin.push(spaceAt);
      }
      pendingSpace = false;
    }
    for (const char of form) {
      if (SPACE.test(char)) {
        if (text.at(-1) !== ' ' && text.length > 0) {
          text += ' ';
          origin.push(at);
        }
        continue;
      }
      text += char;
      for (let k = 0; k < char.length; k++) origin.push(at);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  origin.push(raw.length);
  return { text, origin };
}

/** The normalised form alone, for a quote. */
export function normalised(raw: string): string {
  return normalise(raw).text;
}
