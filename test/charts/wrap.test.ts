/** Wrap rules: widths in pixels or a grid card's, measured in the weight and size drawn. */
import { describe, expect, it } from 'vitest';
import { applyWraps, wrapRules, wrapText } from '../../src/charts/label-wrap.js';
import type { TextMeasurer } from '../../src/theme/metrics.js';

/** Every character 1 unit wide per point of size; bold 1.5 units. */
const measurer: TextMeasurer = {
  width: (text, size, bold = false) => [...text].length * size * (bold ? 1.5 : 1),
  missingGlyphs: () => [],
};

describe('wrap rules', () => {
  it('read pixel and "cell" widths with their options, and skip malformed rules', () => {
    expect(
      wrapRules([
        { field: 'a', as: 'b', width: 100 },
        { field: 'a', as: 'c', width: 'cell', inset: 20, bold: true, size: 9 },
        { field: 'a', as: 'd', width: 'half' },
        { field: 'a', width: 10 },
      ]),
    ).toEqual([
      { field: 'a', as: 'b', width: 100 },
      { field: 'a', as: 'c', width: 'cell', inset: 20, bold: true, size: 9 },
    ]);
  });

  it('wrap a "cell" rule at the card width less the inset, bold text wider', () => {
    const rows = [{ label: 'aaaa bbbb cccc' }];
    const context = { measurer, size: 1, chartWidth: 100, cellWidth: 30 };
    const [regular] = applyWraps(
      rows,
      wrapRules([{ field: 'label', as: 'x', width: 'cell', inset: 20 }]),
      context,
    );
    // 30 − 20 = 10 units: two words of four (and a space) fit a line.
    expect(regular?.x).toBe('aaaa bbbb\ncccc');
    const [bold] = applyWraps(
      rows,
      wrapRules([{ field: 'label', as: 'x', width: 'cell', inset: 20, bold: true }]),
      context,
    );
    expect(bold?.x).toBe('aaaa\nbbbb\ncccc');
    // Without a grid, a "cell" rule wraps at the chart's width.
    const [plain] = applyWraps(rows, wrapRules([{ field: 'label', as: 'x', width: 'cell' }]), {
      ...context,
      cellWidth: undefined,
    });
    expect(plain?.x).toBe('aaaa bbbb cccc');
  });
});

describe('a word wider than the line', () => {
  it('is cut into hyphenated pieces that fit, keeping every character', () => {
    const measure = (s: string) => [...s].length * 10;
    const word = 'X'.repeat(160);
    const lines = wrapText(`Digital${word}`, 200, measure).split('\n');
    expect(lines.every((line) => measure(line) <= 200)).toBe(true);
    expect(lines.slice(0, -1).every((line) => line.endsWith('-'))).toBe(true);
    expect(lines.map((line) => line.replace(/-$/, '')).join('')).toBe(`Digital${word}`);
  });

  it('is cut without hyphens where its script does not hyphenate (Hangul)', () => {
    const measure = (s: string) => [...s].length * 10;
    const lines = wrapText('가'.repeat(50), 200, measure).split('\n');
    expect(lines.every((line) => measure(line) <= 200 && !line.includes('-'))).toBe(true);
    expect(lines.join('')).toBe('가'.repeat(50));
  });
});

describe('lines break between words', () => {
  // The Japan matrix: "Semiconductor" (13 letters) in a column of 12.9 letters was cut into
  // "Semiconduct" / "or partnerships". Here the line holds the word exactly.
  const measure = (s: string) => [...s].length * 10;

  it('never inside a word that fits the line alone', () => {
    const text = 'Semiconductor partnerships with the EU and the Netherlands';
    const lines = wrapText(text, 130, measure).split('\n');
    expect(lines[0]).toBe('Semiconductor');
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) for (const word of line.split(' ')) expect(text.split(' ')).toContain(word);
  });

  it('cuts only the word that alone exceeds the line, and marks the cut', () => {
    const lines = wrapText('Semiconductor partnerships', 120, measure).split('\n');
    // 12 letters a line: the hyphen takes the twelfth.
    expect(lines).toEqual(['Semiconduct-', 'or', 'partnerships']);
    expect(lines.every((line) => measure(line) <= 120)).toBe(true);
  });

  it('leaves no letter alone on either side of a cut', () => {
    // "programme" in 8 letters a line: "programm-" / "e" read as a typo.
    expect(wrapText('programme', 80, measure).split('\n')).toEqual(['program-', 'me']);
  });
});
