import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitText, wrapWidth } from '../../../src/render/pptx/fit.js';
import { LINE } from '../../../src/render/pptx/geometry.js';
import { parasHeight, wrapLines } from '../../../src/render/pptx/paragraph-lines.js';
import type { Para } from '../../../src/render/pptx/styled-runs.js';
import { layoutTable } from '../../../src/render/pptx/table-fit.js';
import { type TextMeasurer, textMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let m: TextMeasurer;
beforeAll(async () => {
  m = textMeasurer(testFonts.stack(await defaultTheme()));
});

const words = fc.array(
  fc.constantFrom(
    'Korea',
    'semiconductor',
    '₩58',
    'trillion',
    '국가전략기술',
    'AI',
    'and',
    'supply-chain',
    '반도체',
  ),
  {
    minLength: 1,
    maxLength: 60,
  },
);
const paragraphs = fc.array(
  fc.record({
    kind: fc.constantFrom('body', 'bullet', 'heading', 'number') as fc.Arbitrary<Para['kind']>,
    words,
  }),
  { minLength: 1, maxLength: 25 },
);
const toParas = (ps: { kind: Para['kind']; words: string[] }[]): Para[] =>
  ps.map((p) => ({
    kind: p.kind,
    runs: [{ text: p.words.join(' ') }],
    ...(p.kind === 'number' ? { number: 1 } : {}),
  }));
const allText = (paras: readonly Para[]) =>
  paras
    .flatMap((p) => p.runs.map((r) => r.text))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);

describe('text fitting', () => {
  it('breaks lines no wider than the box, keeping every word in order', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 120, max: 800 }), (ws, width) => {
        const text = ws.join(' ');
        const lines = wrapLines([{ text }], 18, width, m);
        for (const line of lines) {
          const t = line
            .map((r) => r.text)
            .join('')
            .trim();
          // A word wider than the box breaks inside itself and its tail may share a line: skip those.
          const oversized = t.split(' ').some((w) => m.width(w, 18) > width);
          if (t.includes(' ') && !oversized) expect(m.width(t, 18)).toBeLessThanOrEqual(width + 1);
        }
        expect(
          lines
            .flatMap((l) => l.map((r) => r.text))
            .join('')
            .split(/\s+/)
            .filter(Boolean),
        ).toEqual(ws);
      }),
    );
  });

  it('shrinks within the limits, then continues on pages that each fit, without losing text', () => {
    fc.assert(
      fc.property(paragraphs, (ps) => {
        const paras = toParas(ps);
        const [w, h] = [600, 360];
        const fit = fitText(paras, w, h, 18, 14, m);
        expect(fit.size).toBeGreaterThanOrEqual(14);
        expect(fit.size).toBeLessThanOrEqual(18);
        for (const page of fit.pages) {
          // A page may only overflow when it holds a single line taller than the box (never here).
          expect(parasHeight(page, fit.size, wrapWidth(w), m)).toBeLessThanOrEqual(h + 0.01);
          expect(page.length).toBeGreaterThan(0);
        }
        expect(allText(fit.pages.flat())).toEqual(allText(paras));
        if (fit.pages.length > 1) expect(parasHeight(paras, 14, wrapWidth(w), m)).toBeGreaterThan(h);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the theme size when the text fits', () => {
    const fit = fitText([{ kind: 'body', runs: [{ text: 'Short.' }] }], 600, 300, 18, 14, m);
    expect(fit).toEqual({ size: 18, pages: [[{ kind: 'body', runs: [{ text: 'Short.' }] }]] });
  });

  it('never ends a page with a heading', () => {
    const paras: Para[] = Array.from({ length: 30 }, (_, i) => ({
      kind: i % 3 === 0 ? 'heading' : 'body',
      runs: [{ text: `Paragraph ${i} with some words that take a line or two in a narrow box` }],
    }));
    const fit = fitText(paras, 300, 200, 18, 14, m);
    expect(fit.pages.length).toBeGreaterThan(2);
    for (const page of fit.pages.slice(0, -1)) expect(page.at(-1)?.kind).not.toBe('heading');
  });

  it('splits a long table into pages that fit, each row once, columns filling the width', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      [{ type: 'text' as const, text: `Row ${i} 반도체 supply chain` }],
      [{ type: 'text' as const, text: `₩${i}.5 trillion` }],
    ]);
    const table = {
      type: 'table' as const,
      header: [[{ type: 'text' as const, text: 'Item' }], [{ type: 'text' as const, text: 'Budget' }]],
      rows,
      align: [null, null],
    };
    const laid = layoutTable(table, 12, 5, m);
    expect(laid.pages.length).toBeGreaterThan(1);
    expect(laid.pages.flatMap((p) => p.rows)).toEqual(rows.map((_, i) => i));
    for (const page of laid.pages) expect(page.rowH.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5 + 1e-9);
    expect(laid.colW.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 6);
    expect(laid.align).toEqual(['left', 'right']);
    expect(laid.size).toBeGreaterThanOrEqual(11);
    // Balanced: no page holds fewer than half the rows of the fullest.
    const counts = laid.pages.map((p) => p.rows.length);
    expect(Math.min(...counts) * 2).toBeGreaterThanOrEqual(Math.max(...counts));
    expect(LINE).toBeGreaterThan(1);
  });
});
