/**
 * Issue 11, the deck side: KPI cards and figures placed as their data tables, for 1 to 60
 * cards or rows. Read from the slide XML: every text box of a card inside its card and the
 * slide, no two boxes overlapping, no card text under 12 pt, nothing reported as running over
 * (RENDER_OVERFLOW), and the cards (or the table's rows) counted across the continuation slides
 * equal to the items (or the data's rows), each once and in order. Before render/pptx/card-grid.ts a
 * label that did not fit was set at 10 pt over its card's edge; before figure-table.ts continued
 * tables, a figure whose table took more than a slide stayed a picture with its labels at 5–8 pt.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DataTable, Deck, KpiItem } from '../../../src/document/model.js';
import { FALLBACK_SHRINK, MIN_CARD_TEXT_PT, READABLE } from '../../../src/render/pptx/card-grid.js';
import { FOOTER_Y, SLIDE_H, SLIDE_W } from '../../../src/render/pptx/geometry.js';
import type { Theme } from '../../../src/theme/schema.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { type FixtureChart, figure } from '../../fixtures/figures.js';
import { propertyRuns } from '../../support/property-runs.js';
import { defaultTheme, renderDeckResult, slideNames } from './deck-helpers.js';
import { inside, namedFrames, overlap, type Shape, slideShapes, tableRows } from './slide-shapes.js';

const WORDS =
  'national quantum semiconductor fund R&D strategy AI robotics grid biotechnology programme public–private'.split(
    ' ',
  );

/** Text of about `length` characters from WORDS, starting at word `seed`. */
const words = (seed: number, length: number): string => {
  let text = '';
  for (let k = 0; text.length < length; k++)
    text += `${text ? ' ' : ''}${WORDS[(seed + k * 5) % WORDS.length]}`;
  return text.slice(0, length).trim() || 'AI';
};

const item = fc
  .record({
    seed: fc.nat(50),
    labelLength: fc.integer({ min: 3, max: 120 }),
    magnitude: fc.integer({ min: -3, max: 15 }),
    prefix: fc.constantFrom('', '₩', 'about ', 'up to JP¥', 'over '),
    suffix: fc.constantFrom('', '%', ' trillion', ' billion (about US$3.5 billion)'),
    noteLength: fc.option(fc.integer({ min: 3, max: 90 }), { nil: undefined }),
  })
  .map(({ seed, labelLength, magnitude, prefix, suffix, noteLength }): KpiItem => {
    const amount = 10 ** magnitude * (1 + (seed % 9));
    const value = `${prefix}${amount.toLocaleString('en-US', { maximumFractionDigits: 3 })}${suffix}`;
    return {
      value,
      label: words(seed, labelLength),
      ...(noteLength ? { note: words(seed + 3, noteLength) } : {}),
      citations: [1],
    };
  });

/** The counts every run checks (issue 11: 1, 5, 25 and 60 rows), then random ones from 1 to 60. */
const COUNTS = [1, 5, 25, 60];
const ofLength = <T>(arb: fc.Arbitrary<T>, n: number) => fc.array(arb, { minLength: n, maxLength: n });
/** fast-check's arrays are short by default: the count is drawn first, evenly from 1 to 60. */
const anyCount = <T>(arb: fc.Arbitrary<T>) => fc.integer({ min: 1, max: 60 }).chain((n) => ofLength(arb, n));
const kpiItems = anyCount(item);
const row = fc.record({
  seed: fc.nat(50),
  length: fc.integer({ min: 3, max: 120 }),
  value: fc.double({ min: 1e-3, max: 1e15, noNaN: true }),
});
const tableRowsArb = anyCount(row);

async function render(deck: Deck, charts: ReadonlyMap<string, FixtureChart>, theme: Theme) {
  const result = await renderDeckResult(deck, charts, theme);
  const parts = unzipSync(result.bytes);
  const slides = slideNames(parts).map((name) => strFromU8(parts[name] as Uint8Array));
  return { slides, overflows: result.diagnostics.filter((d) => d.code === 'RENDER_OVERFLOW') };
}

const onSlide = (s: Shape) =>
  s.x >= -0.005 && s.y >= -0.005 && s.x + s.w <= SLIDE_W + 0.005 && s.y + s.h <= SLIDE_H + 0.005;

describe('KPI cards, 1 to 60 a slide set', () => {
  it('keep every text inside its card and the slide, at 12 pt or more, none overlapping, each card once', async () => {
    const theme = await defaultTheme();
    const base = sampleDeck();
    const kpiSlide = base.slides.find((s) => s.layout === 'kpi');
    if (!kpiSlide) throw new Error('the sample deck has no KPI slide');
    await fc.assert(
      fc.asyncProperty(kpiItems, async (items) => {
        const deck = structuredClone(base);
        deck.slides = [{ ...kpiSlide, title: 'Key figures', blocks: [{ type: 'kpi', items }] }];
        const { slides, overflows } = await render(deck, new Map(), theme);
        expect(overflows.map((d) => d.message)).toEqual([]);
        const values: string[] = [];
        for (const xml of slides) {
          const shapes = slideShapes(xml);
          const cards = shapes.filter((s) => s.text === '' && s.w > 0.5 && s.y < FOOTER_Y);
          const texts = shapes.filter((s) => s.text !== '' && !s.title && s.y < FOOTER_Y);
          for (const s of shapes.filter((x) => x.text !== ''))
            expect([s.text, onSlide(s)]).toEqual([s.text, true]);
          // Each card holds its figure, its label and perhaps a note; each text lies in one card.
          for (const text of texts) {
            expect([text.text, cards.filter((card) => inside(text, card)).length]).toEqual([text.text, 1]);
            expect([text.text, Math.min(...text.sizes)]).toEqual([
              text.text,
              expect.toSatisfy((pt: number) => pt >= MIN_CARD_TEXT_PT),
            ]);
          }
          for (const [i, a] of texts.entries())
            for (const b of texts.slice(i + 1))
              expect([a.text, b.text, overlap(a, b)]).toEqual([a.text, b.text, false]);
          for (const [i, a] of cards.entries())
            for (const b of cards.slice(i + 1)) expect(overlap(a, b)).toBe(false);
          const title = shapes.find((s) => s.title);
          for (const card of cards) expect(title && overlap(title, card)).toBe(false);
          // The figure is each card's first text box; more than one card a slide: READABLE or more,
          // less at most FALLBACK_SHRINK for a figure kept in its box in a fallback font.
          const figures = cards.map((card) => texts.find((t) => inside(t, card)) as Shape);
          if (cards.length > 1)
            for (const f of figures)
              expect(Math.min(...f.sizes)).toBeGreaterThanOrEqual(READABLE - FALLBACK_SHRINK);
          values.push(...figures.map((f) => f.text));
        }
        expect(values).toEqual(items.map((i) => i.value));
      }),
      // Each case renders a deck (tens of ms); the generator spans 1–60 cards, 3–120-character
      // labels and figures of 10^-3 to 10^15 in every run.
      {
        numRuns: propertyRuns(6, 200),
        examples: COUNTS.map((n) => [fc.sample(ofLength(item, n), { numRuns: 1, seed: n })[0] ?? []]),
      },
    );
  }, 240_000);
});

describe('a figure placed as its data table', () => {
  it('continues over numbered slides, header on each, every row once, at 12 pt or more', async () => {
    const theme = await defaultTheme();
    const base = sampleDeck();
    const robots = sampleCharts(theme).get('robot-density') as FixtureChart;
    await fc.assert(
      fc.asyncProperty(tableRowsArb, async (rows) => {
        const table: DataTable = {
          columns: [
            { name: 'label', label: 'Programme', type: 'string' },
            { name: 'value', label: 'Budget', unit: '₩ billion', type: 'number' },
          ],
          rows: rows.map((r, i) => [`${i + 1} ${words(r.seed, r.length)}`, r.value]),
        };
        // A drawing five times as tall as wide: on a slide its labels print at about 4 pt.
        const tall = { ...robots, id: 'tall', height: robots.width * 5, table };
        const deck = structuredClone(base);
        deck.slides = [
          {
            layout: 'chart',
            title: 'Budgets',
            blocks: [figure('tall', 'Budgets.', 'Budgets', 1)],
            notes: 'Budgets.',
          },
        ];
        const { slides, overflows } = await render(deck, new Map([['tall', tall]]), theme);
        expect(overflows.map((d) => d.message)).toEqual([]);
        const frames = slides.map((xml) => namedFrames(xml, 'Figure 1 data'));
        // Every slide of the figure shows its table, one frame each, header first.
        expect(frames.map((f) => f.length)).toEqual(slides.map(() => 1));
        const shown = frames.flat().flatMap((frame) => {
          const [header, ...body] = tableRows(frame);
          expect(header).toEqual(['Programme', 'Budget (₩ billion)']);
          const sizes = [...frame.matchAll(/sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
          return body.map((cells) => cells[0]);
        });
        expect(shown).toEqual(table.rows.map((r) => r[0]));
        // Continuation slides say so, numbered.
        for (const [k, xml] of slides.slice(1).entries())
          expect(xml).toContain(`(continued, ${k + 2}/${slides.length})`);
      }),
      {
        numRuns: propertyRuns(6, 200),
        examples: COUNTS.map((n) => [fc.sample(ofLength(row, n), { numRuns: 1, seed: n })[0] ?? []]),
      },
    );
  }, 240_000);
});
