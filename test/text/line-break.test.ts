import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/charts/label-wrap.js';
import { breakLines } from '../../src/render/pdf/lines.js';
import { wrapLines } from '../../src/render/pptx/paragraph-lines.js';
import { breakWords, cutToWidth, splitAtSpaces, whitespaceWords } from '../../src/text/line-break.js';
import type { TextMeasurer } from '../../src/theme/metrics.js';

/** Words of a text, every character 1 unit wide, a space 1 unit. */
const mono = (text: string) =>
  text.split(' ').map((word) => ({ text: word, width: [...word].length, space: 1 }));
const texts = (lines: { text: string }[][]) => lines.map((line) => line.map((w) => w.text).join(' '));

describe('the shared line breaker', () => {
  it('breaks Korean at spaces only (keep-all), never between syllables', () => {
    expect(texts(breakWords(mono('반도체·디스플레이 육성방안 국가전략기술'), 10))).toEqual([
      '반도체·디스플레이',
      '육성방안',
      '국가전략기술',
    ]);
  });

  it('fits a word when the line, the space before it and the word fit, with the given slack', () => {
    expect(texts(breakWords(mono('aaaa bbbbb'), 10))).toEqual(['aaaa bbbbb']);
    expect(texts(breakWords(mono('aaaa bbbbbb'), 10))).toEqual(['aaaa', 'bbbbbb']);
    const nearly = [
      { text: 'a', width: 5, space: 0 },
      { text: 'b', width: 5.005, space: 0 },
    ];
    expect(breakWords(nearly, 10)).toHaveLength(2);
    expect(breakWords(nearly, 10, { tolerance: 0.01 })).toHaveLength(1);
  });

  it('sets a word wider than the line on a line of its own', () => {
    expect(texts(breakWords(mono('a bbbbbbbbbbbb c'), 5))).toEqual(['a', 'bbbbbbbbbbbb', 'c']);
  });

  it('counts the lines a wide word wraps into, and lets the next word join its last line', () => {
    // 25 wide in 10: three lines, the last 5 wide, so " cccc" (1 + 4) still fits on it.
    const lines = breakWords(mono(`${'b'.repeat(25)} cccc d`), 10, { wide: 'wrap-inside' });
    expect(texts(lines)).toEqual(['', '', `${'b'.repeat(25)} cccc`, 'd']);
  });

  it('breaks after a word that asks for it', () => {
    const words = [
      { text: 'a', width: 1, space: 1, breakAfter: true },
      { text: 'b', width: 1, space: 0 },
    ];
    expect(texts(breakWords(words, 10))).toEqual(['a', 'b']);
  });

  it('cuts characters into chunks that fit, each with at least one character that has width', () => {
    const width = (c: string) => (c === '\u200b' ? 0 : 1);
    expect(cutToWidth([...'abcde'], width, 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(cutToWidth([...'\u200bab'], width, 0.5)).toEqual([['\u200b', 'a'], ['b']]);
  });

  it('cuts a URL only after "/", ".", "-", "?" or "&", never inside "//"; by characters where it has none', () => {
    const cut = (word: string, max: number) =>
      cutToWidth(
        [...word],
        () => 1,
        max,
        (c) => c,
      ).map((chunk) => chunk.join(''));
    const url = 'https://www.example.com/en/news/opening-ceremony-for-1st-plant.html';
    const chunks = cut(url, 20);
    expect(chunks.join('')).toBe(url);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(20);
    for (const chunk of chunks.slice(0, -1)) expect(chunk).toMatch(/[/.\-?&]$/);
    expect(chunks).toEqual([
      'https://www.example.',
      'com/en/news/opening-',
      'ceremony-for-1st-',
      'plant.html',
    ]);
    expect(cut('https://a.jp/x?q=1&r=2', 9)).toEqual(['https://', 'a.jp/x?', 'q=1&r=2']);
    expect(cut('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
  });

  it('never makes a chunk wider than the line to cut at a break point', () => {
    // After "a/" the rest, "bbb", and the wide "W" would be 6 wide on a line of 5: cut by characters.
    const width = (c: string) => (c === 'W' ? 3 : 1);
    const chunks = cutToWidth([...'a/bbbW'], width, 5, (c) => c);
    expect(chunks.map((chunk) => chunk.join(''))).toEqual(['a/bbb', 'W']);
    for (const chunk of chunks) expect(chunk.reduce((sum, c) => sum + width(c), 0)).toBeLessThanOrEqual(5);
  });

  it('splits at U+0020 runs only, or at any whitespace for chart labels', () => {
    expect(splitAtSpaces('a  b\u00a0c')).toEqual(['a', '  ', 'b\u00a0c']);
    expect(whitespaceWords(' a\tb\u00a0c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('the three callers', () => {
  const unitMeasurer: TextMeasurer = {
    width: (text, size) => [...text].length * size,
    missingGlyphs: () => [],
  };
  const plain = { bold: false, italic: false };

  it('break the same plain text at the same places (one rule for PDF, deck and charts)', () => {
    const word = fc.stringMatching(/^[a-z가-힣]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 8, max: 40 }),
        (words, width) => {
          const text = words.join(' ');
          const pdf = breakLines([{ text, style: plain }], width, (t) => [...t].length).map((line) =>
            line.parts.map((p) => p.text).join(''),
          );
          const deck = wrapLines([{ text }], 1, width, unitMeasurer).map((line) =>
            line
              .map((r) => r.text)
              .join('')
              .trimEnd(),
          );
          const chart = wrapText(text, width, (t) => [...t].length).split('\n');
          expect(deck).toEqual(pdf);
          expect(chart).toEqual(pdf);
        },
      ),
    );
  });
});
