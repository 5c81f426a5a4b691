/**
 * A long title never overprints the subtitle (issue 13). pptxgenjs lays a placeholder's own
 * options over the text's, so titles fitted smaller were drawn at the master's 40, 36 or 28 pt
 * and ran over the subtitle; the size now rides on the runs, and the cover's subtitle starts
 * under the title as measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fittingSize, wrapWidth } from '../../../src/render/pptx/fit.js';
import { inToPt, LINE } from '../../../src/render/pptx/geometry.js';
import { COVER_TITLE } from '../../../src/render/pptx/master.js';
import { parasHeight } from '../../../src/render/pptx/paragraph-lines.js';
import { type TextMeasurer, textMeasurer } from '../../../src/theme/metrics.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme, renderDeck, slideNames, text, unzip } from './deck-helpers.js';

const LONG =
  "Japan's Semiconductor and Artificial Intelligence Investment Drive: Subsidies, Funds, Strategies and Partnerships from 2021 to 2025";
const EMU = 914400;

let m: TextMeasurer;
let slides: string[];
beforeAll(async () => {
  const theme = await defaultTheme();
  m = textMeasurer(testFonts.stack(theme));
  const deck = sampleDeck();
  const [cover, ...rest] = deck.slides;
  if (!cover) throw new Error('no cover');
  const long = `${LONG}: what the programmes fund`;
  deck.slides = [{ ...cover, title: LONG }, ...rest.map((s, i) => (i === 1 ? { ...s, title: long } : s))];
  const parts = unzip(await renderDeck(deck, sampleCharts(theme), theme, { fonts: testFonts, date: DATE }));
  slides = slideNames(parts).map((n) => text(parts, n));
});

/** Each shape of a slide: its top (inches), the sizes of its runs (points) and its text. */
function shapes(xml: string): { y: number; sizes: number[]; text: string; title: boolean }[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, sp = '']) => ({
    y: Number(/<a:off x="\d+" y="(\d+)"/.exec(sp)?.[1] ?? 0) / EMU,
    sizes: [...sp.matchAll(/<a:rPr[^>]*\ssz="(\d+)"/g)].map((s) => Number(s[1]) / 100),
    text: [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
    title: /<p:ph[^>]*type="title"/.test(sp),
  }));
}

describe('slide titles', () => {
  it('a long cover title is drawn at the size that fits its box, and the subtitle starts below it', () => {
    const all = shapes(slides[0] ?? '');
    const title = all.find((s) => s.title);
    if (!title) throw new Error('no title');
    const para = { kind: 'body' as const, runs: [{ text: LONG, bold: true }] };
    const fitted = fittingSize([para], inToPt(COVER_TITLE.w), inToPt(COVER_TITLE.h), 40, 24, m);
    expect(fitted).toBeLessThan(40);
    expect(new Set(title.sizes)).toEqual(new Set([fitted]));
    const height = parasHeight([para], fitted ?? 0, wrapWidth(inToPt(COVER_TITLE.w)), m) / 72;
    expect(height).toBeGreaterThan(((fitted ?? 0) * LINE * 2) / 72);
    const subtitle = all.find((s) => !s.title && s.y > title.y);
    expect(subtitle?.y).toBeGreaterThanOrEqual(title.y + height);
  });

  it("every content slide title carries the size the planner fitted, never the master's when smaller", () => {
    const sizes = slides.flatMap((xml) =>
      shapes(xml)
        .filter((s) => s.title)
        .flatMap((s) => s.sizes),
    );
    expect(sizes.length).toBeGreaterThan(slides.length / 2);
    // The long content title is fitted below the master's 28 pt: its runs say so.
    const long = slides
      .flatMap((xml) => shapes(xml))
      .find((s) => s.title && s.text.includes('what the programmes fund'));
    expect(long?.sizes.every((size) => size < 28)).toBe(true);
  });
});
