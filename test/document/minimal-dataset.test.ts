/**
 * Every dataset that validates builds with the shipped templates: the minimal dataset of
 * docs/dataset.md (taken from the doc, so the doc cannot drift) builds the briefing, the deck
 * and its one-pager without a diagnostic, and the sections, charts and slide columns it has no
 * data for do not appear: no empty chart frames, headings over nothing, or empty columns.
 * The same holds when each optional section is given alone.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import type { Block, Briefing, Deck } from '../../src/document/model.js';
import type { ChartEntry } from '../../src/document/template-data.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { minimalDatasetText } from '../support/minimal-dataset.js';
import { defaultTheme, testFonts } from '../support/theme.js';
import { runsText, TEMPLATES } from './support.js';

function validated(text: string): Dataset {
  const result = validateDatasetText(text, 'minimal.yaml');
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error('the dataset did not validate');
  return result.dataset;
}

async function models(data: Dataset) {
  const { catalogue: charts } = await chartJobs(
    data,
    await defaultTheme(),
    join(TEMPLATES, 'charts'),
    testFonts,
  );
  const input = { dataset: data, charts, templatesDir: TEMPLATES };
  const briefing = buildBriefingModel(input);
  const deck = buildDeckModel(input);
  const sectors = data.sectors.map((s) => buildSectorModel({ ...input, sectorId: s.id }));
  return { charts, briefing, deck, sectors };
}

/** Problems a reader would see: a heading with nothing under it, a chart without data. */
function emptyParts(blocks: readonly Block[], charts: readonly ChartEntry[], where: string): string[] {
  const rows = new Map(charts.map((c) => [c.id, c.rows]));
  const problems: string[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'figure' && rows.get(block.chartId) === 0)
      problems.push(`${where}: chart ${block.chartId} has no data`);
    if (block.type === 'heading') {
      const next = blocks[i + 1];
      if (!next || (next.type === 'heading' && next.level <= block.level))
        problems.push(`${where}: heading "${runsText(block.children)}" over nothing`);
    }
    if (block.type === 'list' && block.items.length === 0) problems.push(`${where}: empty list`);
    if (block.type === 'kpi' && block.items.length === 0) problems.push(`${where}: empty KPI list`);
    if (block.type === 'paragraph' && runsText(block.children).trim() === '')
      problems.push(`${where}: empty paragraph`);
  });
  return problems;
}

function briefingProblems(model: Briefing, charts: readonly ChartEntry[]): string[] {
  return model.sections.flatMap((s) =>
    s.blocks.length === 0
      ? [`section "${s.title}" is empty`]
      : emptyParts(s.blocks, charts, `section "${s.title}"`),
  );
}

function deckProblems(model: Deck, charts: readonly ChartEntry[]): string[] {
  return model.slides.flatMap((slide) => {
    const where = `slide "${slide.title}"`;
    const problems = [
      ...emptyParts(slide.blocks, charts, where),
      ...emptyParts(slide.right ?? [], charts, where),
    ];
    if (slide.layout === 'two-column' && (slide.blocks.length === 0 || (slide.right ?? []).length === 0))
      problems.push(`${where}: a two-column slide with an empty column`);
    if (
      ['bullets', 'chart', 'kpi', 'table', 'two-column'].includes(slide.layout) &&
      slide.blocks.length === 0
    )
      problems.push(`${where}: a ${slide.layout} slide with nothing on it`);
    return problems;
  });
}

async function expectClean(data: Dataset): Promise<void> {
  const { charts, briefing, deck, sectors } = await models(data);
  expect(briefing.diagnostics).toEqual([]);
  expect(deck.diagnostics).toEqual([]);
  for (const s of sectors) expect(s.diagnostics).toEqual([]);
  expect(briefingProblems(briefing.model as Briefing, charts)).toEqual([]);
  expect(deckProblems(deck.model as Deck, charts)).toEqual([]);
  for (const s of sectors) expect(briefingProblems(s.model as Briefing, charts)).toEqual([]);
}

const CITE = '[{ source: report, quote: The report says so. }]';

/** One optional section each, added to the minimal dataset. */
const ADDITIONS: Record<string, string> = {
  administrations: `administrations:\n  - { id: gov, name: The Example government, start: 2024-03, cite: ${CITE} }\n`,
  programs: `programs:\n  - { id: plan, name: Example plan, kind: plan, year: 2024, sectors: [ai], cite: ${CITE} }\n`,
  targets: `targets:\n  - { id: aim, sectors: [ai], description: An aim, year: 2030, cite: ${CITE} }\n`,
  investments: `investments:\n  - { id: money, label: Money, year: 2024, status: allocated, amount: { amount: 2, currency: KRW, scale: billion }, cite: ${CITE} }\n`,
  indicators: `indicators:\n  - { id: share, label: A share, value: { amount: 3, unit: percent }, year: 2024, cite: ${CITE} }\n`,
  channels: `channels:\n  - { id: trade, name: Trade, summary: Trade grows., cite: ${CITE} }\n`,
  risks: `risks:\n  - { id: risk, name: A risk, description: Things may go wrong., cite: ${CITE} }\n`,
  partners: `partners:\n  - { id: mou, counterparty: { name: Japan, kind: country }, instrument: mou, subject: chips, cite: ${CITE} }\n`,
  'investments with a part': `investments:\n  - { id: whole, label: Whole, year: 2024, status: allocated, amount: { amount: 2, currency: KRW, scale: billion }, cite: ${CITE} }\n  - { id: part, label: Part, partOf: whole, year: 2024, status: allocated, amount: { amount: 1, currency: KRW, scale: billion }, recipients: [A firm], alternatives: [{ amount: { amount: 1.1, currency: KRW, scale: billion }, cite: ${CITE} }], cite: ${CITE} }\n`,
};

describe('the minimal dataset of docs/dataset.md', () => {
  it('builds the briefing, the deck and its one-pager with the shipped templates, showing nothing empty', async () => {
    await expectClean(validated(minimalDatasetText()));
  });

  it.each(Object.keys(ADDITIONS))('still does with only %s added', async (section) => {
    await expectClean(validated(`${minimalDatasetText()}${ADDITIONS[section]}`));
  });
});
