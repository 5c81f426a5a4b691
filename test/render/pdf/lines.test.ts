import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOnThisPage } from '../../../src/render/pdf/flow.js';
import { breakLines, type Measure } from '../../../src/render/pdf/lines.js';
import { flattenInlines, plainText } from '../../../src/render/pdf/styled-pieces.js';
import { ins } from '../../fixtures/models/briefing.js';

/** Every character 1 unit wide: line widths are character counts. */
const mono: Measure = (text) => [...text].length;
const lineTexts = (text: string, width: number) =>
  breakLines(flattenInlines(ins(text)), width, mono).map((l) => l.parts.map((p) => p.text).join(''));

describe('line breaking', () => {
  it('breaks Korean at spaces only (keep-all), never between syllables', () => {
    expect(lineTexts('반도체·디스플레이 육성방안 국가전략기술', 10)).toEqual([
      '반도체·디스플레이',
      '육성방안',
      '국가전략기술',
    ]);
  });

  it('cuts a word only when it is wider than the line', () => {
    expect(lineTexts('가나다라마바사아자차 끝', 4)).toEqual(['가나다라', '마바사아', '자차 끝']);
  });

  it('keeps a citation mark attached to its word', () => {
    const lines = breakLines(flattenInlines(ins('aaaa bbbb[^1] cccc')), 10, mono);
    expect(lines.map((l) => l.parts.map((p) => p.text).join(''))).toEqual(['aaaa bbbb1', 'cccc']);
    expect(lines[0]?.parts.find((p) => p.style.cite === 1)?.text).toBe('1');
  });

  it('never loses or reorders words, and no line is wider than allowed unless one word is', () => {
    const word = fc.stringMatching(/^[a-z가-힣]{1,9}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 9, max: 40 }),
        (words, width) => {
          const lines = lineTexts(words.join(' '), width);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('flattens inlines to plain text without citation numbers', () => {
    expect(plainText(ins('**₩6.8 trillion** in *2025*[^1] [site](https://x.org)'))).toBe(
      '₩6.8 trillion in 2025 site',
    );
  });
});

describe('widows and orphans', () => {
  it('never leaves a single line at a page foot or top', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (fit, rest) => {
        const take = linesOnThisPage(fit, rest, false);
        expect(take).toBeLessThanOrEqual(Math.max(fit, 0));
        if (take === rest) return;
        if (take > 0) {
          expect(take).toBeGreaterThanOrEqual(2);
          expect(rest - take).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });

  it('on an empty page takes what fits rather than looping', () => {
    expect(linesOnThisPage(1, 5, true)).toBe(1);
    expect(linesOnThisPage(0, 5, true)).toBe(1);
  });
});
