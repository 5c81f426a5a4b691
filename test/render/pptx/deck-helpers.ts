/** Shared helpers for the pptx tests: the theme, the sample deck built once, unzipping, text runs. */
import { strFromU8, unzipSync } from 'fflate';
import type { Deck } from '../../../src/document/model.js';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import type { DeckRenderOptions } from '../../../src/render/pptx/render-deck.js';
import { pptxRenderer } from '../../../src/render/pptx-renderer.js';
import type { Theme } from '../../../src/theme/schema.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { type FixtureChart, withFigures } from '../../fixtures/figures.js';

import { DATE, defaultTheme, testFonts } from '../../support/theme.js';

export { DATE, defaultTheme };

/** Renders a fixture deck, its figures filled from the fixture charts (test/fixtures/figures.ts). */
export function renderDeck(
  deck: Deck,
  charts: ReadonlyMap<string, FixtureChart>,
  theme: Theme,
  options: DeckRenderOptions,
): Promise<Uint8Array> {
  const { model, assets } = withFigures(deck, charts);
  return renderDeckPptx(model, assets, theme, options);
}

/** The same, through the registered renderer: its bytes with the diagnostics it reports (RENDER_OVERFLOW…). */
export function renderDeckResult(deck: Deck, charts: ReadonlyMap<string, FixtureChart>, theme: Theme) {
  const { model, assets } = withFigures(deck, charts);
  return pptxRenderer.render(model, { fonts: testFonts, assets, theme, date: DATE, options: {} });
}

export async function buildSample(): Promise<Uint8Array> {
  const t = await defaultTheme();
  return renderDeck(sampleDeck(), sampleCharts(t), t, { fonts: testFonts, date: DATE });
}

export type Parts = Record<string, Uint8Array>;
export const unzip = (bytes: Uint8Array): Parts => unzipSync(bytes);
export const text = (parts: Parts, name: string): string => {
  const data = parts[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
};

/** Slide part names in slide order. */
export function slideNames(parts: Parts): string[] {
  return Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
}

/** XML text decoded: the five predefined entities, `&amp;` last. */
export const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The `a:t` runs of a part, decoded. */
export const runs = (xml: string): string[] =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ''));

/** Text of each paragraph of a part (runs joined). */
export const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => runs(m[1] ?? '').join('')).filter((p) => p !== '');
