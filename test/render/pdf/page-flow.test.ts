/**
 * Page flow (issue 14): a callout (KPI box) stays on the page of the text it closes, never
 * stranded at the top of the next page under another section; a table that breaks keeps at
 * least two body rows on each page, its header repeated. Checked on the shipped briefing,
 * the Japan fixture and a generated many-sector dataset.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/document/model.js';
import { ins, sampleBriefing } from '../../fixtures/models/briefing.js';
import { manySectorsDataset } from '../../support/many-sectors.js';
import {
  bodyItems,
  brokenFigures,
  holedPages,
  loneTableRows,
  pageLines,
  strandedCallouts,
} from './page-flow.js';
import { allText, open, render } from './read.js';
import { briefingOf } from './shipped-briefing.js';

let generatedFile: string | undefined;
/** The generated dataset's file, written once (the briefing of a file is built once). */
function generated(): string {
  if (!generatedFile) {
    generatedFile = join(mkdtempSync(join(tmpdir(), 'briefkit-flow-')), 'many.yaml');
    writeFileSync(generatedFile, manySectorsDataset('data/korea-emerging-tech.yaml', 9, 2));
  }
  return generatedFile;
}

const DATASETS: [string, () => string][] = [
  ['the shipped dataset', () => 'data/korea-emerging-tech.yaml'],
  ['the Japan fixture', () => 'test/fixtures/datasets/japan-semiconductors-ai.yaml'],
  ['a generated dataset of nine sectors', generated],
];

describe.each(DATASETS)('the briefing of %s', (_name, file) => {
  it('keeps every callout with the text before it and leaves no table row alone on a page', async () => {
    const { model, bytes } = await briefingOf(file());
    const pdf = await open(bytes);
    expect(strandedCallouts(await bodyItems(pdf), model)).toEqual([]);
    expect(await loneTableRows(pdf)).toEqual([]);
  }, 180_000);

  it('sets every key figure on one line, at most six to a grid, the grid on one page', async () => {
    const { model, bytes } = await briefingOf(file());
    const pages = await bodyItems(await open(bytes));
    expect(brokenFigures(pages, model)).toEqual([]);
    const grids = model.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'kpi'));
    for (const grid of grids) {
      expect(grid.items.length).toBeLessThanOrEqual(6);
      const onPages = new Set(
        grid.items.map((item) =>
          pages.findIndex((items) => pageLines(items).some((l) => l.includes(item.value))),
        ),
      );
      expect(onPages.has(-1)).toBe(false);
      expect(onPages.size, grid.items.map((i) => i.value).join(', ')).toBe(1);
    }
    // A tile is shown once in the briefing.
    const shown = grids.flatMap((g) => g.items.map((i) => `${i.value} ${i.label}`));
    expect(shown.length).toBe(new Set(shown).size);
  }, 180_000);

  it('leaves no page of the body two-thirds empty', async () => {
    const { bytes } = await briefingOf(file());
    const pdf = await open(bytes);
    const height = (await pdf.getPage(1)).view[3] ?? 0;
    expect(holedPages(await bodyItems(pdf), height)).toEqual([]);
  }, 180_000);
});

type Blocks = Briefing['sections'][number]['blocks'];
const tableRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [ins(`Row ${i + 1}`), ins(`${(i + 1) * 10}`)]);

/** A one-section briefing: `filler` one-line paragraphs, then `blocks`, moved down a line a filler. */
function flowModel(filler: number, blocks: Blocks): Briefing {
  const lines: Blocks = Array.from({ length: filler }, () => ({
    type: 'paragraph' as const,
    children: ins('Line.'),
  }));
  return { ...sampleBriefing(), sections: [{ id: 'flow', title: 'Flow', blocks: [...lines, ...blocks] }] };
}

describe('a table that breaks across pages', () => {
  it('keeps two body rows on each page wherever the break falls', async () => {
    const rows = tableRows(7);
    const found: string[] = [];
    // Filler paragraphs move the table's start down the page a line at a time, so some break
    // falls after its first row and some before its last.
    for (let filler = 12; filler <= 42; filler++) {
      const model = flowModel(filler, [
        { type: 'table', header: [ins('Name'), ins('Value')], rows, align: [null, 'right'] },
      ]);
      const { bytes } = await render(model, new Map());
      const lone = await loneTableRows(await open(bytes));
      if (lone.length > 0) found.push(`${filler} lines before: page ${lone.join(', ')}`);
    }
    expect(found).toEqual([]);
  }, 180_000);
});

describe('a lead-in ending in a colon', () => {
  it('is never left at the foot of a page without the start of the table it introduces', async () => {
    const rows = tableRows(6);
    const stranded: number[] = [];
    let together = 0;
    // Filler moves the lead-in down a line at a time, through the foot of the first page.
    for (let filler = 30; filler <= 46; filler++) {
      const model = flowModel(filler, [
        { type: 'paragraph', children: ins('The fields the government lists:') },
        { type: 'table', header: [ins('Field name'), ins('Value')], rows, align: [null, 'right'] },
      ]);
      const { bytes } = await render(model, new Map());
      const pages = await allText(await open(bytes));
      const page = pages.find((t) => t.includes('The fields the government lists:')) ?? '';
      if (!page.includes('Row 1')) stranded.push(filler);
      else together++;
    }
    expect(stranded).toEqual([]);
    expect(together).toBe(17);
  }, 180_000);
});

describe('a heading with a one-line intro over a subsection', () => {
  const para = (text: string, n: number) => ins(Array.from({ length: n }, () => text).join(' '));
  const blocks: Blocks = [
    { type: 'heading', level: 2, id: 'sectors', children: ins('Focus sectors') },
    { type: 'paragraph', children: ins('This briefing covers the sectors below.') },
    { type: 'heading', level: 3, id: 'first', children: ins('First sector') },
    // Three lines: too short to split, so the subsection's heading asks for all of it.
    { type: 'paragraph', children: para('The first sector opens its subsection here.', 5) },
    { type: 'paragraph', children: para('Programmes of the first sector follow in a longer paragraph.', 9) },
  ];

  it('keeps with the start of the subsection, which starts wherever its heading and first paragraph fit', async () => {
    const stranded: number[] = [];
    let together = 0;
    // Filler moves the group down a line at a time, through the foot of the first page.
    for (let filler = 18; filler <= 30; filler++) {
      const { bytes } = await render(flowModel(filler, blocks), new Map());
      const pages = await allText(await open(bytes));
      const pageOf = (text: string) => pages.findIndex((t) => t.includes(text));
      const intro = pageOf('This briefing covers the sectors below.');
      if (pageOf('First sector') !== intro) stranded.push(filler);
      else if (intro === pageOf('Line.')) together++;
    }
    expect(stranded).toEqual([]);
    expect(together).toBeGreaterThan(0);
  }, 180_000);
});
