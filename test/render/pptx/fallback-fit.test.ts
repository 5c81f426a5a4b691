/**
 * Text that cannot continue or break fits its box in a font wider than the theme's (issue 14,
 * seen in LibreOffice 7.4, which does not read a deck's embedded fonts and draws DejaVu Sans,
 * ~1.21× as wide as Pretendard in bold): a slide title (the Korea slide 8 title ran above the
 * slide), a card's figure (a Japan figure ran over its label) and a table column's longest word
 * ("pledge" / "d"). The wider font is the deck's measurer scaled by WIDER; the strings are
 * generated, names up to three times as long as the shipped ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiItem } from '../../../src/document/model.js';
import { kpiLayout } from '../../../src/render/pptx/card-grid.js';
import { fittingSize } from '../../../src/render/pptx/fit.js';
import { BODY_BOX, inToPt, TITLE_BOX, TYPE, WIDTH_SLACK } from '../../../src/render/pptx/geometry.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { parasHeight } from '../../../src/render/pptx/paragraph-lines.js';
import { ptBox, titleSize } from '../../../src/render/pptx/plan-text.js';
import type { Run } from '../../../src/render/pptx/styled-runs.js';
import { CELL_PAD_X, columnWidths } from '../../../src/render/pptx/table-fit.js';
import type { TextMeasurer } from '../../../src/theme/metrics.js';
import type { Theme } from '../../../src/theme/schema.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

/** The viewer's font fills the whole box (fittingSize's WIDTH_SLACK is undone where it applies). */
/** DejaVu Sans Bold over Pretendard Bold in the shipped titles, figures and table words: 1.19–1.21. */
const WIDER = 1.21;
let theme: Theme;
let m: TextMeasurer;
let wide: TextMeasurer;
beforeAll(async () => {
  theme = await defaultTheme();
  m = deckMeasurer(testFonts.stack(theme));
  wide = { width: (t, s, b) => m.width(t, s, b) * WIDER, missingGlyphs: (t, b) => m.missingGlyphs(t, b) };
});

const NAMES = ['Rapidus', 'the Strategic Semiconductor Industrial Base', 'R&D budgets by field'];
/** Each name once, twice and three times as long. */
const longer = (name: string) => [1, 2, 3].map((k) => Array.from({ length: k }, () => name).join(' and '));

describe('in a font 1.21× as wide as the theme', () => {
  it('a slide title fits its box whenever it can at the smallest title size', () => {
    const titles = [
      'Our assessment: To make the 2028 aim checkable, the government would need to publish yearly R&D budgets by field.',
      ...NAMES.flatMap(longer).map((n) => `Our assessment: to make ${n} checkable, publish yearly budgets.`),
    ];
    const { w, h } = ptBox(TITLE_BOX);
    const fitsAt = (title: string, size: number) =>
      fittingSize(
        [{ kind: 'body', runs: [{ text: title, bold: true }] }],
        w / WIDTH_SLACK,
        h,
        size,
        size,
        wide,
      ) !== undefined;
    const checked = titles.filter((t) => fitsAt(t, TYPE.titleMin));
    expect(checked.length).toBeGreaterThan(3);
    const spilled = checked.filter((t) => !fitsAt(t, titleSize(t, { theme, m, sources: [] })));
    expect(spilled).toEqual([]);
  });

  it("a card's figure stays in its box, above its label, for any length of figure", () => {
    const values = [
      'up to JP¥1,722.5 billion',
      ...NAMES.flatMap(longer).map((n) => `up to JP¥1,722.5 billion for ${n}`),
    ];
    for (const count of [1, 2, 3, 6]) {
      for (let shift = 0; shift < values.length; shift++) {
        const items: KpiItem[] = Array.from({ length: count }, (_, i) => ({
          value: values[(i + shift) % values.length] ?? '',
          label: 'Total subsidies to Rapidus since fiscal 2022, including fiscal 2025 (pledged)',
          citations: [],
        }));
        kpiLayout(items, BODY_BOX, m).cards.forEach((card, i) => {
          const value = items[i]?.value ?? '';
          const para = { kind: 'body' as const, runs: [{ text: value, bold: true }] };
          const h = parasHeight([para], card.valueSize, inToPt(card.value.w), wide) / 72;
          expect([value, count, h <= card.value.h + 1e-9]).toEqual([value, count, true]);
          expect(card.label.y).toBeGreaterThanOrEqual(card.value.y + card.value.h - 1e-9);
        });
      }
    }
  });

  it('a table column is at least as wide as its longest word', () => {
    for (const name of longer('Semiconductor Industrial Base Strengthening Framework')) {
      const rows = [
        ['Programme', 'Budget', 'Status'],
        [name, 'at least JP¥10 trillion', 'pledged'],
        [`Subsidies for ${name}`, 'up to JP¥1,722.5 billion', 'pledged'],
        [
          `Subsidy for ${name} in Kumamoto Prefecture`,
          'up to JP¥476 billion (up to US$3.5 billion)',
          'decided',
        ],
      ];
      const cells: Run[][][] = rows.map((row, r) =>
        row.map((text) => [{ text, ...(r === 0 ? { bold: true } : {}) }]),
      );
      const colW = columnWidths(cells, BODY_BOX.w, TYPE.tableMax, m, [false, true, false]);
      colW.forEach((w, c) => {
        const word = Math.max(
          ...rows.flatMap((row, r) =>
            (row[c] ?? '').split(/\s+/).map((x) => wide.width(x, TYPE.tableMax, r === 0)),
          ),
        );
        expect([rows[0]?.[c], w >= word / 72 + 2 * CELL_PAD_X - 1e-9]).toEqual([rows[0]?.[c], true]);
      });
    }
  });
});
