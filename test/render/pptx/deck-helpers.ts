/** Shared helpers for the pptx tests: the theme, the sample deck built once, unzipping, text runs. */
import { strFromU8, unzipSync } from 'fflate';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import { loadTheme } from '../../../src/theme/load.js';
import type { Theme } from '../../../src/theme/schema.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';

export const DATE = new Date('2025-07-15T00:00:00Z');

let theme: Theme | undefined;
export async function defaultTheme(): Promise<Theme> {
  if (!theme) {
    const loaded = await loadTheme('templates/theme.yaml');
    if (!loaded.theme) throw new Error('templates/theme.yaml does not load');
    theme = loaded.theme;
  }
  return theme;
}

export async function buildSample(): Promise<Uint8Array> {
  const t = await defaultTheme();
  return renderDeckPptx(sampleDeck(), sampleCharts(t), t, { date: DATE });
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

const decode = (s: string) =>
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
