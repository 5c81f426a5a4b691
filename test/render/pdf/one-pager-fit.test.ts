/**
 * A one-pager is one page for any sector (issue 13): the shipped sector template marks its
 * programme and target lists `<!-- priority: 2 -->` with a `<!-- more: … -->` line, and the
 * renderer shortens them item by item until the page fits. Generated sectors with 1 to 40
 * programmes whose names run to 120 characters, on the Japan fixture (31 sources, so the
 * sources list is long): exactly one page, at most six programmes, the first in time order,
 * the "N more programmes" line counts exactly those left out, type never under the one scale
 * (issue 14: the page fits by cutting, not by shrinking) and every text inside the page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import { DiagnosticList } from '../../../src/diagnostics.js';
import { buildSectorModel } from '../../../src/document/index.js';
import type { Briefing } from '../../../src/document/model.js';
import { chartJobs, figureAssets, renderChartsById } from '../../../src/pipeline/chart-step.js';
import { BuildSession } from '../../../src/pipeline/sessions.js';
import { renderBriefingPdf } from '../../../src/render/pdf/index.js';
import { ONE_PAGER_TYPE_SCALE } from '../../../src/render/pdf/one-pager.js';
import { testFonts } from '../../support/theme.js';
import { allText, DATE, defaultTheme, open, pageItems } from './read.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
const SECTOR = 'next-generation-logic';
const FILLER = [
  'regional',
  'semiconductor',
  'research',
  'and',
  'production',
  'support',
  'for',
  'advanced',
  'logic',
];

/** A name of exactly `length` characters that starts with the programme's own token. */
function programmeName(i: number, length: number): string {
  let name = `Programme K${String(i).padStart(3, '0')}`;
  for (let w = 0; name.length < length; w++) name += ` ${FILLER[(i + w) % FILLER.length]}`;
  return name.slice(0, Math.max(length, 15)).trimEnd();
}

async function sectorWith(names: readonly string[]): Promise<Dataset> {
  const data = parse(readFileSync(JAPAN, 'utf8')) as {
    sources: { id: string }[];
    programs: Record<string, unknown>[];
  };
  // Each generated programme cites a real citation of the fixture (its quote is in its source,
  // the provenance check reads them), a different one each, so the page cites many sources.
  const citations = [
    ...data.programs,
    ...((data as unknown as { investments: Record<string, unknown>[] }).investments ?? []),
  ].flatMap((record) => (record.cite as { source: string; quote: string }[] | undefined) ?? []);
  // The stored sources stay where the fixture keeps them (the dataset is written elsewhere).
  const meta = (data as unknown as { meta: Record<string, unknown> }).meta;
  meta.sourceFolder = join(dirname(JAPAN), String(meta.sourceFolder ?? 'sources'));
  // The fixture's own programmes leave the sector (they stay in the dataset, which refers to them).
  for (const programme of data.programs) {
    const sectors = (programme.sectors as string[] | undefined)?.filter((id) => id !== SECTOR);
    if (sectors?.length) programme.sectors = sectors;
    else delete programme.sectors;
  }
  const generated = names.map((name, i) => ({
    id: `generated-${i + 1}`,
    name,
    kind: 'programme',
    // One a year, so time order is generation order; each cites another source.
    year: 1990 + i,
    sectors: [SECTOR],
    goals: ['Expand capacity in line with the published plan and report progress each year'],
    cite: [citations[i % citations.length]],
  }));
  data.programs.push(...generated);
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-one-pager-')), 'data.yaml');
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
  const loaded = await loadDatasetFile(file);
  if (!loaded.dataset) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
  return loaded.dataset;
}

/** The sector's model from the shipped template, its chart a blank drawing of the usual size. */
async function onePager(dataset: Dataset): Promise<{ model: Briefing; bytes: Uint8Array; codes: string[] }> {
  const theme = await defaultTheme();
  const { catalogue } = await chartJobs(dataset, theme, join(ROOT, 'templates', 'charts'), testFonts);
  const built = buildSectorModel({
    dataset,
    charts: catalogue,
    templatesDir: join(ROOT, 'templates'),
    sectorId: SECTOR,
  });
  if (!built.model) throw new Error(JSON.stringify(built.diagnostics.slice(0, 3)));
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="520" height="300"></svg>';
  const assets = new Map();
  for (const section of built.model.sections)
    for (const block of section.blocks)
      if (block.type === 'figure') {
        assets.set(block.image.svg, {
          mime: 'image/svg+xml',
          bytes: new TextEncoder().encode(svg),
          width: 520,
          height: 300,
        });
        assets.set(block.image.png, { mime: 'image/png', bytes: new Uint8Array(), width: 520, height: 300 });
      }
  const diagnostics = new DiagnosticList();
  const bytes = await renderBriefingPdf(built.model, assets, theme, {
    variant: 'one-pager',
    fonts: testFonts,
    date: DATE,
    diagnostics,
  });
  return { model: built.model, bytes, codes: diagnostics.items.map((d) => `${d.code} ${d.message}`) };
}

/**
 * Type never under the one scale, every text inside the page: each programme line is set at the
 * body size (the old fitting shrank a full page's type to 0.8 of it), nothing but citation marks
 * is smaller than the small size, and no text leaves the sheet. At most eight programmes show (five
 * before "Why it matters" kept only the sentences naming the sector, six before the channels
 * that name it in none were put in one line, templates/sector.md.hbs).
 */
async function expectScaleAndFrame(pdf: Awaited<ReturnType<typeof open>>, programmes: number): Promise<void> {
  const theme = await defaultTheme();
  const page = await pdf.getPage(1);
  const [, , width = 0, height = 0] = page.view;
  const items = await pageItems(pdf, 1);
  for (const item of items) {
    expect([item.str, item.x >= 0, item.x + item.width <= width + 0.5]).toEqual([item.str, true, true]);
    expect([item.str, item.y >= 0, item.y + item.height <= height]).toEqual([item.str, true, true]);
    // Citation marks (superscript numbers) are the only text under the small size.
    if (!/^[\d,\s]+$/.test(item.str))
      expect([item.str, item.height]).toEqual([
        item.str,
        expect.toSatisfy((h: number) => h >= theme.sizes.small * ONE_PAGER_TYPE_SCALE - 0.05),
      ]);
  }
  const lines = items.filter((i) => /^Programme K\d{3}/.test(i.str));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(Math.min(8, programmes));
  for (const line of lines) expect(line.height).toBeCloseTo(theme.sizes.body * ONE_PAGER_TYPE_SCALE, 1);
  expect(theme.sizes.body * ONE_PAGER_TYPE_SCALE).toBeGreaterThanOrEqual(9);
}

async function check(names: readonly string[]): Promise<{ shown: number; moved: number }> {
  const { bytes, codes } = await onePager(await sectorWith(names));
  expect(codes).toEqual([]);
  const pdf = await open(bytes);
  expect(pdf.numPages).toBe(1);
  await expectScaleAndFrame(pdf, names.length);
  const text = (await allText(pdf)).join(' ').replace(/\s+/g, ' ');
  const shownFlags = names.map((_, i) => text.includes(`K${String(i).padStart(3, '0')}`));
  const shown = shownFlags.filter(Boolean).length;
  // The first ones in time order, none skipped.
  expect(shownFlags).toEqual(names.map((_, i) => i < shown));
  expect(shown).toBeGreaterThan(0);
  const line = /(\d+) more programmes? in the full briefing/.exec(text);
  const moved = line ? Number(line[1]) : 0;
  expect(shown + moved).toBe(names.length);
  if (moved === 1) expect(text).toContain('1 more programme in the full briefing');
  if (moved > 1) expect(text).toContain(`${moved} more programmes in the full briefing`);
  return { shown, moved };
}

describe('one-pager for any number of programmes', () => {
  it('is one page with 1 to 40 programmes and names up to 120 characters; "N more" counts what moved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((count) =>
            fc.array(fc.integer({ min: 15, max: 120 }), { minLength: count, maxLength: count }),
          ),
        async (lengths) => {
          await check(lengths.map((length, i) => programmeName(i, length)));
        },
      ),
      {
        numRuns: 6,
        seed: 13,
        examples: [[[120]], [Array.from({ length: 12 }, () => 120)], [Array.from({ length: 40 }, () => 120)]],
      },
    );
  }, 240_000);

  it('a sector with 12 programmes is one page that shows some and says how many moved', async () => {
    const names = Array.from({ length: 12 }, (_, i) => programmeName(i, 60 + i * 5));
    const { shown, moved } = await check(names);
    expect(shown).toBeGreaterThan(1);
    expect(moved).toBe(12 - shown);
  }, 60_000);

  it("the Japan fixture's next-generation logic page, its chart drawn, is one page (it needed two)", async () => {
    const loaded = await loadDatasetFile(JAPAN);
    const dataset = loaded.dataset as Dataset;
    const theme = await defaultTheme();
    const chartsDir = join(ROOT, 'templates', 'charts');
    const { catalogue } = await chartJobs(dataset, theme, chartsDir, testFonts);
    const built = buildSectorModel({
      dataset,
      charts: catalogue,
      templatesDir: join(ROOT, 'templates'),
      sectorId: SECTOR,
    });
    if (!built.model) throw new Error('no model');
    const { charts } = await renderChartsById(
      dataset,
      theme,
      chartsDir,
      [`sector-${SECTOR}`],
      new BuildSession(),
    );
    const assets = new Map(figureAssets(built.model, new Map(charts.map((c) => [c.id, c]))));
    const diagnostics = new DiagnosticList();
    const bytes = await renderBriefingPdf(built.model, assets, theme, {
      variant: 'one-pager',
      fonts: testFonts,
      date: DATE,
      diagnostics,
    });
    expect(diagnostics.items).toEqual([]);
    const pdf = await open(bytes);
    expect(pdf.numPages).toBe(1);
    const text = (await allText(pdf)).join(' ').replace(/\s+/g, ' ');
    const programmes = dataset.programs.filter((p) => p.sectors?.includes(SECTOR));
    const more = /(\d+) more programmes? in the full briefing/.exec(text);
    const moved = Number(more?.[1] ?? 0);
    // The list: from its heading to its more line (the chart above names programmes too).
    const end = more?.index ?? text.length;
    const list = text.slice(text.lastIndexOf('Programmes', end), end);
    const shown = programmes.filter((p) => list.includes(p.name.slice(0, 30))).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown + moved).toBe(programmes.length);
  }, 60_000);
});
