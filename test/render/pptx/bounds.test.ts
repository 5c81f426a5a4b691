/**
 * A deck whose content grows with the data stays linear in size: a model slide that
 * continues over many physical slides writes its speaker notes once, and every continuation
 * points back to it instead of repeating them (5,000 investments on a KPI slide made 625
 * slides that each carried all 5,000 labels in their notes).
 */
import { describe, expect, it } from 'vitest';
import type { KpiItem } from '../../../src/document/model.js';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { DATE, defaultTheme, type Parts, runs, slideNames, text, unzip } from './deck-helpers.js';

/** The notes text of each slide, in slide order. */
function notesBySlide(parts: Parts): string[] {
  return slideNames(parts).map((name) => {
    const rels = text(parts, name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'));
    const notes = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)?.[1];
    return notes ? runs(text(parts, `ppt/notesSlides/${notes}`)).join('\n') : '';
  });
}

describe('deck notes on continuation slides', () => {
  it('are written once; continuations name the slide that holds them', async () => {
    const theme = await defaultTheme();
    const deck = sampleDeck();
    const kpiSlide = deck.slides.find((s) => s.layout === 'kpi');
    if (!kpiSlide) throw new Error('the sample deck has no KPI slide');
    const items: KpiItem[] = Array.from({ length: 80 }, (_, i) => ({
      value: `₩${i + 1} trillion`,
      label: `Figure ${i + 1}`,
      citations: [1],
    }));
    kpiSlide.blocks = [{ type: 'kpi', items }];
    const marker = 'Every figure of the set, as the sources state it';
    kpiSlide.notes = `${marker}: ${items.map((item) => `${item.label} ${item.value}`).join('; ')}.`;
    const parts = unzip(await renderDeckPptx(deck, sampleCharts(theme), theme, { date: DATE }));
    const notes = notesBySlide(parts);
    const holding = notes.flatMap((n, i) => (n.includes(marker) ? [i] : []));
    expect(holding).toHaveLength(1);
    const first = holding[0] as number;
    // 80 figures at 8 a slide: nine continuations, each pointing back to the first.
    const continued = notes.slice(first + 1, first + 10);
    expect(continued).toHaveLength(9);
    for (const n of continued) expect(n).toContain(`(continued from slide ${first + 1}`);
    // They still name the sources behind their own figures.
    for (const n of continued) expect(n).toContain('[1] Jaemin Park');
  });
});
