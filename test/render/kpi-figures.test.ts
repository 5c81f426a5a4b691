/**
 * A KPI's figure is never broken mid-number ("1,430,000,0 / 00"): it shrinks, or its card
 * grows, until each word of it is whole on one line, in the PDF and in the deck. Figures of
 * every magnitude from 10^-3 to 10^15, worded as the documents word them.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber } from '../../src/dataset/wording.js';
import type { Block, KpiItem } from '../../src/document/model.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { sampleCharts as deckCharts, sampleDeck } from '../fixtures/decks/sample-deck.js';
import { sampleBriefing, sampleCharts } from '../fixtures/models/briefing.js';
import { testFonts } from '../support/theme.js';
import { open, pageItems, render } from './pdf/read.js';
import { DATE, defaultTheme, renderDeck, slideNames, text, unzip } from './pptx/deck-helpers.js';

/** Figures from 10^-3 to 10^15, as numbers and as money in words. */
function figures(): string[] {
  const out: string[] = [];
  for (let e = -3; e <= 15; e += 2) {
    const value = Number(`1.43e${e}`);
    out.push(formatNumber(value));
    out.push(formatMoney({ amount: value, currency: 'KRW', scale: 'one', qualifier: 'under' }));
  }
  // A figure no card holds on one line at the KPI size, and one with words.
  out.push('1,430,000,000,000,000', 'over 1,430,000,000,000,000 robots');
  return out;
}

const items = (values: readonly string[]): KpiItem[] =>
  values.map((value, i) => ({ value, label: `Figure ${i + 1}`, citations: [1] }));

/** The words of a figure: a line may end between them, never inside one. */
const wordsOf = (value: string) => value.split(/\s+/).filter(Boolean);

describe('KPI figures stay whole', () => {
  it('in the PDF: every word of each figure is whole on one line', async () => {
    const values = figures();
    const model = sampleBriefing();
    const kpi: Block = { type: 'kpi', items: items(values) };
    model.sections[1]?.blocks.splice(0, 0, kpi);
    const { bytes } = await render(model, sampleCharts());
    const pdf = await open(bytes);
    const lines: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) for (const item of await pageItems(pdf, p)) lines.push(item.str);
    for (const value of values) {
      for (const word of wordsOf(value)) {
        expect(
          lines.some((line) => line.includes(word)),
          `"${word}" of "${value}" is broken across lines`,
        ).toBe(true);
      }
    }
  });

  it('in the deck: each figure is set at a size at which its longest word fits the card', async () => {
    const theme = await defaultTheme();
    const measurer = textMeasurer(testFonts.stack(theme));
    const deck = sampleDeck();
    const slide = deck.slides.find((s) => s.layout === 'kpi');
    if (!slide) throw new Error('the sample deck has no KPI slide');
    const values = figures();
    slide.blocks = [{ type: 'kpi', items: items(values) }];
    const parts = unzip(await renderDeck(deck, deckCharts(theme), theme, { fonts: testFonts, date: DATE }));
    const checked = new Set<string>();
    for (const name of slideNames(parts)) {
      const xml = text(parts, name);
      for (const shape of xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)) {
        const body = shape[1] ?? '';
        const value = values.find((v) => body.includes(`<a:t>${v}</a:t>`));
        if (!value) continue;
        const width = Number(/<a:ext cx="(\d+)"/.exec(body)?.[1]) / 12700;
        const size = Number(/ sz="(\d+)"/.exec(body)?.[1]) / 100;
        const longest = Math.max(...wordsOf(value).map((w) => measurer.width(w, size, true)));
        expect(longest, `"${value}" at ${size} pt in a ${width.toFixed(0)} pt box`).toBeLessThanOrEqual(
          width,
        );
        checked.add(value);
      }
    }
    expect([...checked].sort()).toEqual([...new Set(values)].sort());
  });
});
