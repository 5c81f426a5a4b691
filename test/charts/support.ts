/** Shared set-up for the chart tests: the shipped dataset, the theme and rendered charts. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { type ChartRender, renderChart } from '../../src/charts/draw-charts.js';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { loadTheme } from '../../src/theme/load.js';
import type { Theme } from '../../src/theme/schema.js';
import { testFonts } from '../support/theme.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CHARTS_DIR = join(ROOT, 'templates', 'charts');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'charts');

export async function dataset(file = 'data/korea-emerging-tech.yaml'): Promise<Dataset> {
  const result = await loadDatasetFile(join(ROOT, file));
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error(`${file} did not validate`);
  return result.dataset;
}

export async function theme(): Promise<Theme> {
  const result = await loadTheme(join(ROOT, 'templates', 'theme.yaml'), testFonts);
  expect(result.diagnostics).toEqual([]);
  if (!result.theme) throw new Error('theme did not validate');
  return result.theme;
}

/**
 * Renders every chart of the shipped specs for `data`, keeping the intermediate stages: bound
 * as the build binds them (src/charts/catalogue.ts `bindCharts`), drawn one by one.
 */
export async function renderEvery(data: Dataset, th: Theme, chartsDir = CHARTS_DIR): Promise<ChartRender[]> {
  const bound = await bindCharts(data, chartsDir);
  expect(bound.diagnostics).toEqual([]);
  const renders: ChartRender[] = [];
  for (const instance of bound.instances)
    renders.push(await renderChart(instance, bound.tables, data, th, testFonts));
  return renders;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

/** Every `<text>` element of an SVG: its text (tspans joined by newlines) and its attributes. */
export function svgTexts(svg: string): { text: string; attributes: string }[] {
  // An empty text is written self-closing (`<text …/>`); drop those first.
  const withoutEmpty = svg.replace(/<text[^>]*\/>/g, '');
  return [...withoutEmpty.matchAll(/<text([^>]*)>(.*?)<\/text>/gs)].map((m) => ({
    attributes: m[1] ?? '',
    text: (m[2] ?? '')
      .replace(/<tspan[^>]*>/g, '\n')
      .replace(/<\/tspan>/g, '')
      .replace(/&(amp|lt|gt|quot|#39|apos);/g, (e) => ENTITIES[e] ?? e)
      .trim(),
  }));
}

/** Number of items drawn by each data mark group (`layer_0_marks`…), from the SVG. */
export function markCounts(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  // An empty mark group is written self-closing: `<g class="…"/>`.
  for (const m of svg.matchAll(/<g class="mark-\w+ role-mark (\w+)"[^>]*?(\/>|>(.*?)<\/g>)/gs)) {
    counts[m[1] ?? ''] = (m[3]?.match(/<(path|text|line)\b/g) ?? []).length;
  }
  return counts;
}

/** Line and column (from 1) of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i < nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
