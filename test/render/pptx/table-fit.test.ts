/**
 * Table column widths (render/pptx/table-fit.ts) never set a column below its longest word
 * while the table can hold every column's longest word. Before, each column's least width was
 * capped at a 1/n share: the Japan deck's programme table in a 4 in box gave "Programme"
 * 1.60 in for its 1.69 in "next-generation", which then broke mid-word.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_BOX, inToPt, WIDTH_SLACK } from '../../../src/render/pptx/geometry.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import type { Run } from '../../../src/render/pptx/styled-runs.js';
import { CELL_PAD_X, columnWidths } from '../../../src/render/pptx/table-fit.js';
import type { TextMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let m: TextMeasurer;
beforeAll(async () => {
  m = deckMeasurer(testFonts.stack(await defaultTheme()));
});

/** Like the Japan deck's slide 4: long programme names, figures kept whole, a short status. */
const ROWS = [
  ['Programme', 'Budget', 'Status'],
  ['AI and Semiconductor Industrial Base Strengthening Framework', 'at least JP¥10 trillion', 'pledged'],
  [
    "Subsidies for Rapidus's next-generation chip research and development",
    'up to JP¥1,722.5 billion',
    'pledged',
  ],
  [
    'Subsidy for the TSMC, Sony and Denso plant (JASM) in Kumamoto Prefecture',
    'up to JP¥476 billion (up to US$3.5 billion)',
    'decided',
  ],
];
const cells: Run[][][] = ROWS.map((row, r) =>
  row.map((text) => [{ text, ...(r === 0 ? { bold: true } : {}) }]),
);
const SIZE = 14;

/** A column's longest word at SIZE, with the slack and insets the row heights wrap with, inches. */
const longestWord = (c: number) =>
  Math.max(...ROWS.flatMap((row, r) => (row[c] ?? '').split(/\s+/).map((w) => m.width(w, SIZE, r === 0)))) /
    WIDTH_SLACK /
    inToPt(1) +
  2 * CELL_PAD_X;

describe('table column widths', () => {
  // The deck's table width, and a narrow box where the longest words still fit side by side.
  it.each([BODY_BOX.w, 4])('keep every column at least its longest word %s in wide', (width) => {
    const needed = [0, 1, 2].map(longestWord);
    expect(needed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(width);
    const colW = columnWidths(cells, width, SIZE, m, [false, true, false]);
    expect(colW.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 6);
    colW.forEach((w, c) => {
      expect([ROWS[0]?.[c], w >= (needed[c] ?? 0) - 1e-9]).toEqual([ROWS[0]?.[c], true]);
    });
  });
});
