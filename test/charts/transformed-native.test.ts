/**
 * The deck's native chart and the Vega-Lite drawing come from the same transformed rows
 * (src/charts/dataflow.ts): a spec that aggregates and calculates gives the same numbers in
 * the SVG's marks and in the native chart's XML, and both are the sums of the table's rows.
 * Before, `native` read the table as the dataset has it and a calculated field was refused.
 */
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { programBudgets } from '../../src/derive/index.js';
import type { Block, FigureBlock } from '../../src/document/model.js';
import { renderDeckPptx } from '../../src/render/pptx/index.js';
import { sampleDeck } from '../fixtures/decks/sample-deck.js';
import { DATE } from '../render/pptx/deck-helpers.js';
import { type BuiltCharts, buildCharts } from '../support/charts.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, svgTexts, theme } from './support.js';

const DIR = join(FIXTURES, 'transformed');
const JAPAN = 'test/fixtures/datasets/japan-semiconductors-ai.yaml';
const ID = 'budgets-by-kind';

let built: BuiltCharts;
let expected: Map<string, number>;

beforeAll(async () => {
  const data = await dataset(JAPAN);
  built = await buildCharts(data, await theme(), DIR);
  // What the transforms say, computed here from the table: the sum of valueBn per kind, in trillions.
  expected = new Map();
  for (const row of programBudgets(data).rows)
    expected.set(String(row.kind), (expected.get(String(row.kind)) ?? 0) + Number(row.valueBn));
  for (const [kind, bn] of expected) expected.set(kind, bn / 1000);
}, 60_000);

/** The chart XML of a deck whose one chart slide places the figure. */
async function nativeXml(): Promise<string> {
  const entry = built.catalogue.find((c) => c.id === ID);
  if (!entry) throw new Error('no catalogue entry');
  const deck = sampleDeck();
  const slide = deck.slides.find((s) => s.layout === 'chart');
  if (!slide) throw new Error('the sample deck has no chart slide');
  const placed: FigureBlock = {
    type: 'figure',
    chartId: ID,
    number: 1,
    caption: entry.title,
    alt: '',
    ...entry.figure,
  };
  slide.blocks = [placed as Block];
  deck.slides = deck.slides.filter((s) => s === slide || s.layout === 'title');
  const bytes = await renderDeckPptx(deck, built.assetsFor(deck), await theme(), {
    fonts: testFonts,
    date: DATE,
  });
  const charts = Object.entries(unzipSync(bytes)).filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(1);
  return strFromU8(charts[0]?.[1] ?? new Uint8Array());
}

describe('native chart and drawing from one dataflow', () => {
  it('has no problem with a native field the transforms make', () => {
    expect(built.diagnostics).toEqual([]);
    expect(expected.size).toBeGreaterThan(1);
  });

  it('draws the aggregated, calculated figures in the SVG marks', () => {
    const svg = built.drawn.get(ID)?.svg ?? '';
    // The text layer's marks: `<g class="mark-text role-mark layer_1_marks">…</g>`.
    const group = /<g class="mark-text role-mark \w+"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const labels = svgTexts(group).map((t) => Number(t.text));
    expect(labels.sort((a, b) => a - b)).toEqual(
      [...expected.values()].sort((a, b) => a - b).map((v) => Number(v.toPrecision(12))),
    );
  });

  it('gives the native chart XML the same categories and numbers', async () => {
    const xml = await nativeXml();
    const cat = /<c:cat>[\s\S]*?<\/c:cat>/.exec(xml)?.[0] ?? '';
    const val = /<c:val>[\s\S]*?<\/c:val>/.exec(xml)?.[0] ?? '';
    const kinds = [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1] ?? '');
    const values = [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(kinds.length).toBe(expected.size);
    const drawn = new Map(kinds.map((k, i) => [k, values[i]]));
    for (const [kind, total] of expected) expect(drawn.get(kind), kind).toBeCloseTo(total, 9);
  });
});

describe('a native chart whose fields are its table’s own', () => {
  it('reads the table as it is: the shipped sector summary, folded for the drawing, shows each sector once', async () => {
    for (const file of [undefined, JAPAN]) {
      const data = await dataset(file);
      const shipped = await buildCharts(data, await theme());
      const plot = shipped.catalogue.find((c) => c.id === 'sector-summary')?.figure.plot;
      if (!plot) throw new Error('the sector summary has no native plot');
      expect(new Set(plot.categories).size, plot.categories.join(' | ')).toBe(plot.categories.length);
      expect(plot.categories.some((c) => /\(\d+\)$/.test(c))).toBe(false);
      expect(plot.series.map((s) => s.points.length)).toEqual(plot.series.map(() => plot.categories.length));
    }
  }, 120_000);
});
