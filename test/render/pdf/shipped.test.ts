/**
 * The shipped dataset through the real chart and document stages: the briefing and every
 * sector one-pager render, show every figure the templates put in the model, and fit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import { figureBlocks } from '../../../src/document/figures.js';
import { buildBriefingModel, buildSectorModel } from '../../../src/document/index.js';
import type { Block, Briefing } from '../../../src/document/model.js';
import { plainText } from '../../../src/render/pdf/styled-pieces.js';
import { type BuiltCharts, buildCharts } from '../../support/charts.js';
import { allText, defaultTheme, open, pageItems, renderModel, structRoles } from './read.js';
import { briefingOf } from './shipped-briefing.js';

let dataset: Dataset;
let charts: BuiltCharts;
let catalogue: BuiltCharts['catalogue'];

beforeAll(async () => {
  const loaded = await loadDatasetFile('data/korea-emerging-tech.yaml');
  if (!loaded.dataset) throw new Error('the shipped dataset does not load');
  dataset = loaded.dataset;
  charts = await buildCharts(dataset, await defaultTheme());
  expect(charts.diagnostics).toEqual([]);
  catalogue = charts.catalogue;
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The figures and words the template put in the model: KPI values, table cells, headings. */
function shownTexts(model: Briefing): string[] {
  const out: string[] = [];
  const walk = (block: Block) => {
    if (block.type === 'heading') out.push(plainText(block.children));
    if (block.type === 'kpi') for (const k of block.items) out.push(k.value);
    if (block.type === 'table')
      for (const row of block.rows) for (const cell of row) out.push(plainText(cell));
    if (block.type === 'quote') block.children.forEach(walk);
  };
  for (const section of model.sections) {
    out.push(section.title);
    section.blocks.forEach(walk);
  }
  return out.map(squash).filter((t) => t !== '');
}

describe('PDF of the shipped dataset', () => {
  it('renders the briefing with every heading, figure, chart and source', async () => {
    // The A4 briefing the other PDF files read, built once per worker (briefingOf throws on
    // any render diagnostic).
    const { model, modelDiagnostics, bytes } = await briefingOf();
    expect(modelDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bytes.length).toBeLessThanOrEqual(600 * 1024);
    const pdf = await open(bytes);
    const text = squash((await allText(pdf)).join(' '));
    for (const shown of shownTexts(model)) expect(text).toContain(shown);
    for (const source of model.sources) expect(text).toContain(squash(source.title));
    const figures = (await structRoles(pdf)).filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(figureBlocks(model).map((f) => f.alt));
  });

  it('lays the briefing out on US Letter inside the margins, figures floating rather than leaving holes', async () => {
    const { model } = buildBriefingModel({ dataset, charts: catalogue, templatesDir: 'templates' });
    if (!model) throw new Error('no briefing model');
    const result = await renderModel(model, charts.assetsFor(model), { pageSize: 'LETTER' });
    expect(result.diagnostics).toEqual([]);
    const pdf = await open(result.bytes);
    const margin = ((await defaultTheme()).page.marginMm * 72) / 25.4;
    const [width, height] = [612, 792];
    for (let page = 1; page <= pdf.numPages; page++) {
      for (const item of await pageItems(pdf, page)) {
        expect(item.x, `p${page} "${item.str}"`).toBeGreaterThanOrEqual(margin - 0.5);
        expect(item.x + item.width, `p${page} "${item.str}"`).toBeLessThanOrEqual(width - margin + 0.5);
        expect(item.y, `p${page} "${item.str}"`).toBeGreaterThanOrEqual(margin - 0.5);
        expect(item.y + item.height, `p${page} "${item.str}"`).toBeLessThanOrEqual(height - margin + 0.5);
      }
    }
    // The text before Figure 1 fills its page before the figure opens the next
    // (without floating, page 3 ended a third empty). The page count is no longer the check:
    // the colophon, the taller wrapped charts and the figures' data appendix grew the briefing
    // to 14 Letter pages, none of them holed but the sources page, which ends its section; the
    // quotes under each source (every figure's quote and locator in the endnotes) add one to two.
    const pages = await allText(pdf);
    const figure1 = pages.findIndex((t) => t.includes('Figure 1.'));
    // The budgets table the figure draws is on its page or the one before, and that page before
    // is not left short: text the figure could not follow filled it (a hole would leave it at a
    // fraction of a full page's text).
    const table = pages.findIndex((t) => t.includes('Programme budgets, each as the source states it'));
    expect(figure1 - table).toBeGreaterThanOrEqual(0);
    expect(figure1 - table).toBeLessThanOrEqual(1);
    const lengths = pages.map((t) => t.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(pages[figure1 - 1]?.length ?? 0).toBeGreaterThan(0.6 * median);
    expect(pdf.numPages).toBeLessThanOrEqual(16);
  });

  it('renders one page per sector, each within 150 KB, without overflow', async () => {
    for (const sector of dataset.sectors) {
      const { model } = buildSectorModel({
        dataset,
        charts: catalogue,
        templatesDir: 'templates',
        sectorId: sector.id,
      });
      if (!model) throw new Error(`no model for ${sector.id}`);
      const result = await renderModel(model, charts.assetsFor(model), { variant: 'one-pager' });
      expect(result.diagnostics, sector.id).toEqual([]);
      expect(result.bytes.length, sector.id).toBeLessThanOrEqual(150 * 1024);
      const pdf = await open(result.bytes);
      expect(pdf.numPages, sector.id).toBe(1);
      const [text = ''] = await allText(pdf);
      expect(squash(text)).toContain(squash(model.meta.title));
    }
  });
});
