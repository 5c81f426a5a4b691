/**
 * The accessibility text layer (issue 14): the tag tree reads the words the page shows. A line
 * break carries its space into the structure text and a citation mark is its own word, so a
 * screen reader or reflow never reads "economicdiplomacy" or "20281".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { buildBriefingModel } from '../../../src/document/index.js';
import { buildCharts } from '../../support/charts.js';
import { endToEndTools } from '../tools.js';
import { defaultTheme, open, renderModel } from './read.js';
import { fusions, pageWords, strangers, structText, words } from './tag-text.js';

const tools = endToEndTools('the tag-tree text check', 'pdfinfo');

describe.runIf(tools)('the tag tree of the shipped briefing', () => {
  let tagWords: string[] = [];
  let page: string[] = [];
  beforeAll(async () => {
    const loaded = await loadDatasetFile('data/korea-emerging-tech.yaml');
    if (!loaded.dataset) throw new Error('the shipped dataset does not load');
    const charts = await buildCharts(loaded.dataset, await defaultTheme());
    const { model } = buildBriefingModel({
      dataset: loaded.dataset,
      charts: charts.catalogue,
      templatesDir: 'templates',
    });
    if (!model) throw new Error('no briefing model');
    const { bytes } = await renderModel(model, charts.assetsFor(model));
    tagWords = words(structText(bytes));
    page = await pageWords(await open(bytes));
  }, 120_000);

  it('has words of its own, the length of the document', () => {
    expect(tagWords.length).toBeGreaterThan(1500);
  });

  it('glues no two page words together at a line break or a citation mark', () => {
    expect(fusions(tagWords, page)).toEqual([]);
  });

  it('reads only words the page shows', () => {
    expect(strangers(tagWords, page)).toEqual([]);
  });
});
