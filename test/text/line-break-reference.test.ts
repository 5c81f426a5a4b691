/**
 * The shared line breaker keeps the deck's and the charts' earlier rules exactly: their
 * breakers as they were before text/line-break.ts (git history of src/render/pptx/wrap.ts, now paragraph-lines.ts, and
 * src/charts/wrap.ts, now label-wrap.ts), run against the real theme font on random text.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { wrapText } from '../../src/charts/label-wrap.js';
import { wrapLines } from '../../src/render/pptx/paragraph-lines.js';
import { type TextMeasurer, textMeasurer } from '../../src/theme/metrics.js';
import { defaultTheme } from '../render/pptx/deck-helpers.js';
import { testFonts } from '../support/theme.js';

let m: TextMeasurer;
beforeAll(async () => {
  m = textMeasurer(testFonts.stack(await defaultTheme()));
});

/** charts/wrap.ts before the shared breaker: candidate lines measured whole. */
function chartWrapBefore(text: string, width: number, measure: (s: string) => number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && measure(candidate) > width) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/** render/pptx/wrap.ts before the shared breaker, for runs of one style: the line texts. */
function deckWrapBefore(
  runs: readonly { text: string; bold?: boolean }[],
  size: number,
  width: number,
): string[] {
  const tokens = runs.flatMap((run) =>
    run.text
      .split(/( +)/)
      .filter((part) => part !== '')
      .map((part) => ({ text: part, bold: run.bold === true, space: part.trim() === '' })),
  );
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  for (const token of tokens) {
    const w = m.width(token.text, size, token.bold);
    if (token.space) {
      if (line.length > 0) {
        line.push(token.text);
        used += w;
      }
      continue;
    }
    if (used + w > width && line.length > 0) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(token.text);
    used += w;
    if (used > width && line.length === 1) {
      const extra = Math.ceil(used / width) - 1;
      for (let i = 0; i < extra; i++) lines.push([]);
      used -= extra * width;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => l.join(''));
}

const word = fc.constantFrom(
  'Korea',
  'semiconductor',
  '₩58',
  '국가전략기술',
  'AI',
  'and',
  '반도체',
  'x',
  'supply-chain-resilience',
);
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \u00a0 ');
const text = fc
  .array(fc.tuple(word, gap), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('the shared line breaker against the earlier rules', () => {
  it('wraps chart labels as before', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), fc.constantFrom(9, 11, 12.5), (t, width, size) => {
        const measure = (s: string) => m.width(s, size);
        // A word wider than the line is cut into pieces now (test/charts/wrap.test.ts); before, it stood alone.
        fc.pre(t.split(/\s+/).every((w) => measure(w) <= width));
        expect(wrapText(t, width, measure)).toBe(chartWrapBefore(t, width, measure));
      }),
      { numRuns: 300 },
    );
  });

  it('breaks deck runs as before, wide words and bold runs included', () => {
    const runs = fc.array(fc.record({ text, bold: fc.boolean() }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(runs, fc.integer({ min: 20, max: 400 }), (rs, width) => {
        const now = wrapLines(rs, 14, width, m).map((line) => line.map((r) => r.text).join(''));
        expect(now).toEqual(deckWrapBefore(rs, 14, width));
      }),
      { numRuns: 300 },
    );
  });
});
