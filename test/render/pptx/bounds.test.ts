/**
 * The deck checks its own boxes. A model slide that continues over many physical slides
 * writes its speaker notes once, and every continuation points back to it instead of
 * repeating them (5,000 investments on a KPI slide made 625 slides that each carried all
 * 5,000 labels in their notes). Text that cannot fit its box on the slide (a title, a table
 * row, a KPI label longer than a slide) is reported as RENDER_OVERFLOW at the slide's
 * template position instead of running off the slide unnoticed.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, DiagnosticList } from '../../../src/diagnostics.js';
import type { Deck, KpiItem } from '../../../src/document/model.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import {
  DATE,
  defaultTheme,
  type Parts,
  renderDeck,
  renderDeckResult,
  runs,
  slideNames,
  text,
  unzip,
} from './deck-helpers.js';

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
    const parts = unzip(await renderDeck(deck, sampleCharts(theme), theme, { fonts: testFonts, date: DATE }));
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

const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i + 1}`).join(' ');
const POS = { template: 'templates/deck.md.hbs', line: 77, column: 1 };

async function overflows(edit: (deck: Deck) => void): Promise<Diagnostic[]> {
  const theme = await defaultTheme();
  const deck = sampleDeck();
  edit(deck);
  const result = await renderDeckResult(deck, sampleCharts(theme), theme);
  return result.diagnostics.filter((d) => d.code === 'RENDER_OVERFLOW');
}

/** The sample deck's slide of the given layout, given the test's template position. */
function slideOf(deck: Deck, layout: Deck['slides'][number]['layout']) {
  const slide = deck.slides.find((s) => s.layout === layout);
  if (!slide) throw new Error(`the sample deck has no ${layout} slide`);
  slide.pos = POS;
  return slide;
}

describe('deck text stays inside its boxes', () => {
  it('reports nothing for the sample deck', async () => {
    expect(await overflows(() => {})).toEqual([]);
  });

  it('reports a table row taller than a slide at the slide position', async () => {
    const found = await overflows((deck) => {
      const slide = slideOf(deck, 'table');
      slide.blocks = [
        {
          type: 'table',
          header: [[{ type: 'text', text: 'Programme' }], [{ type: 'text', text: 'Detail' }]],
          rows: [[[{ type: 'text', text: 'Tall row' }], [{ type: 'text', text: words(900, 'w') }]]],
          align: [null, null],
        },
      ];
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: POS.template, line: POS.line, column: 1 });
    expect(found[0]?.message).toMatch(/slide \d+/);
    expect(found[0]?.message).toMatch(/table/);
  });

  it('reports a title and a KPI label that cannot fit at the smallest size', async () => {
    const title = await overflows((deck) => {
      slideOf(deck, 'bullets').title = words(120, 'Title');
    });
    expect(title.map((d) => d.message).join('\n')).toMatch(/title/);
    const kpi = await overflows((deck) => {
      const slide = slideOf(deck, 'kpi');
      // A card grows for its label up to the slide's body (render/pptx/card-grid.ts): 1,000 words do not fit it.
      slide.blocks = [{ type: 'kpi', items: [{ value: '₩1', label: words(1000, 'label'), citations: [] }] }];
    });
    expect(kpi.map((d) => d.message).join('\n')).toMatch(/KPI/);
    expect(kpi[0]).toMatchObject({ file: POS.template, line: POS.line });
  });

  it('collects the diagnostics through renderDeckPptx as well', async () => {
    const theme = await defaultTheme();
    const deck = sampleDeck();
    slideOf(deck, 'bullets').title = words(120, 'Title');
    const diagnostics = new DiagnosticList();
    await renderDeck(deck, sampleCharts(theme), theme, { fonts: testFonts, date: DATE, diagnostics });
    expect(diagnostics.items.map((d) => d.code)).toContain('RENDER_OVERFLOW');
  });
});
