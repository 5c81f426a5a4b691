/**
 * The deck's analysis slides, for a dataset with an `analysis` section (the Korea dataset with
 * one added here): an Implications slide marked as the analyst's assessment, each implication
 * cited through the records it rests on, and the watch items in the outlook slide's column.
 */
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import { buildDeckModel } from '../../../src/document/index.js';
import { runsText } from '../../document/support.js';
import { buildCharts } from '../../support/charts.js';
import { defaultTheme } from './deck-helpers.js';

const ANALYSIS = {
  judgements: [],
  implications: [
    {
      id: 'partners-supply',
      audience: 'partners',
      text: 'Supply-chain partners can expect more joint ventures in chips and robotics.',
      basedOn: ['economic-diplomacy'],
    },
    {
      id: 'budget-check',
      audience: 'the government',
      text: 'The 2028 aim will need yearly budgets that show the path to it.',
      basedOn: ['rd-2028-target', 'strategic-fields-2025'],
    },
  ],
  watch: [
    {
      id: 'rd-budget',
      text: 'whether the R&D budget rises towards the aim',
      when: '2026-09',
      basedOn: ['rd-2028-target'],
    },
  ],
  limits: [],
};

const lines = (blocks: readonly { type: string }[]) =>
  blocks.flatMap((b) =>
    'items' in b && Array.isArray(b.items) ? b.items.map((item) => runsText(item)) : [],
  );

describe('the deck with an analysis section', () => {
  it('adds an Implications slide, marked as assessment and cited, and lists the watch items', async () => {
    const loaded = (await loadDatasetFile('data/korea-emerging-tech.yaml')).dataset;
    if (!loaded) throw new Error('the shipped dataset does not load');
    const dataset = { ...loaded, analysis: ANALYSIS } as Dataset;
    const charts = await buildCharts(dataset, await defaultTheme());
    const built = buildDeckModel({ dataset, charts: charts.catalogue, templatesDir: 'templates' });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const slides = built.model?.slides ?? [];
    // Implications and what to watch share a slide: what follows (ours) beside the risks (theirs).
    // Titled with the first implication's lead clause, marked as ours.
    const implications = slides.find((s) =>
      s.title.startsWith('Our assessment: Supply-chain partners can expect'),
    );
    if (!implications) throw new Error('no Implications slide');
    expect(implications.layout).toBe('two-column');
    expect(JSON.stringify(implications.blocks)).toContain('Our assessment');
    const items = lines(implications.blocks);
    expect(items[0]).toBe(
      'For partners: Supply-chain partners can expect more joint ventures in chips and robotics.[1]',
    );
    expect(items[1]).toMatch(/^For the government: The 2028 aim .*\.\[1\]$/);
    expect(implications.notes).toContain('as we assess it');
    const watch = lines(implications.right ?? []);
    expect(watch).toContain('September 2026: whether the R&D budget rises towards the aim[1]');
    expect(slides.length).toBeLessThanOrEqual(12);
  }, 60_000);
});
