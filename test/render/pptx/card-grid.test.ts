/**
 * KPI figures too long for their value box (render/pptx/card-grid.ts): before, a figure whose
 * words did not fit VALUE_H at the one-line floor (16 pt) shrank, wrapped, until they did (these
 * three to 14 pt; longer ones to 8 pt and less); now it stays at the floor and its value box grows (the card with it), so the measured lines fit the
 * box and the box ends above the label.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiLayout, ONE_LINE_FLOOR } from '../../../src/render/pptx/card-grid.js';
import { wrapWidth } from '../../../src/render/pptx/fit.js';
import { BODY_BOX, inToPt } from '../../../src/render/pptx/geometry.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { parasHeight } from '../../../src/render/pptx/paragraph-lines.js';
import type { TextMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let m: TextMeasurer;
beforeAll(async () => {
  m = deckMeasurer(testFonts.stack(await defaultTheme()));
});

const VALUES = [
  'up to JP¥1,722.5 billion in subsidies since fiscal 2022 with the fiscal 2025 addition and more to come',
  'about JP¥1.2 trillion (about US$8 billion) for two plants in Kumamoto Prefecture over five fiscal years',
  'at least JP¥10 trillion of public support for the AI and semiconductor fields by fiscal 2030 as planned',
];

describe('KPI value boxes', () => {
  it('hold their measured lines above the label, at the one-line floor, in a three-card grid', () => {
    const items = VALUES.map((value) => ({
      value,
      label: 'Public money pledged to the programme',
      citations: [1],
    }));
    const layout = kpiLayout(items, BODY_BOX, m);
    expect(layout.columns).toBe(3);
    layout.cards.forEach((card, i) => {
      const value = VALUES[i] ?? '';
      const para = { kind: 'body' as const, runs: [{ text: value, bold: true }] };
      const lines = parasHeight([para], card.valueSize, wrapWidth(inToPt(card.value.w)), m) / 72;
      expect([value, card.valueSize >= ONE_LINE_FLOOR]).toEqual([value, true]);
      expect([value, lines <= card.value.h]).toEqual([value, true]);
      expect([value, card.value.y + card.value.h <= card.label.y]).toEqual([value, true]);
      expect([value, card.label.y + card.label.h <= card.card.y + card.card.h]).toEqual([value, true]);
    });
  });
});
