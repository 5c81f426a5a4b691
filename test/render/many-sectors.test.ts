/**
 * The shipped templates with 500 sectors whose names are three times as long (issue 10, item
 * 19): no text leaves its box. The deck's sector section listed every name in its subtitle,
 * one label that cannot continue onto another slide (RENDER_OVERFLOW at deck.md.hbs); it lists
 * them only while six fit. The documents are rendered from their models with stand-in charts:
 * drawing 500 per-sector charts is the chart stage's (test/charts/limit.test.ts draws the
 * charts that grow with the sectors), and a whole 500-sector build takes minutes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { type Diagnostic, DiagnosticList } from '../../src/diagnostics.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/index.js';
import type { Deck } from '../../src/document/model.js';
import type { ChartEntry } from '../../src/document/template-data.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { renderBriefingPdf } from '../../src/render/pdf/index.js';
import { renderDeckPptx } from '../../src/render/pptx/index.js';
import type { Theme } from '../../src/theme/schema.js';
import { runsText } from '../document/support.js';
import { type FixtureChart, withFigures } from '../fixtures/figures.js';
import { manySectorsDataset } from '../support/many-sectors.js';
import { DATE, defaultTheme, testFonts } from '../support/theme.js';

/** Each size is generated and loaded (with its provenance check) once for the file's tests. */
const loadedStress = new Map<number, Promise<Dataset>>();

function stressDataset(count: number): Promise<Dataset> {
  let loaded = loadedStress.get(count);
  if (!loaded) {
    loaded = loadStressDataset(count);
    loadedStress.set(count, loaded);
  }
  return loaded;
}

async function loadStressDataset(count: number): Promise<Dataset> {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-sectors-')), 'data.yaml');
  writeFileSync(file, manySectorsDataset('data/korea-emerging-tech.yaml', count, 3));
  const loaded = await loadDatasetFile(file);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!loaded.dataset) throw new Error('the stress dataset does not load');
  return loaded.dataset;
}

/** The catalogue as planning makes it, and a blank drawing for every chart: the documents' layout is under test. */
async function standInCharts(
  dataset: Dataset,
  theme: Theme,
): Promise<{
  catalogue: ChartEntry[];
  charts: Map<string, FixtureChart>;
}> {
  const { catalogue } = await chartJobs(dataset, theme, 'templates/charts', testFonts);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="520" height="260"></svg>';
  // A chart too tall for a page comes as parts, each placed as a "(continued)" figure.
  const entries = catalogue.flatMap((c) => [c, ...(c.continued ?? [])]);
  const charts = new Map(
    entries.map((c): [string, FixtureChart] => [
      c.id,
      {
        id: c.id,
        title: c.title,
        description: c.description,
        svg,
        png: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
        width: 520,
        height: 260,
        table: c.figure.table,
        sources: c.figure.sources,
        notes: c.figure.notes,
      },
    ]),
  );
  return { catalogue, charts };
}

const errors = (list: DiagnosticList): Diagnostic[] => list.items.filter((d) => d.severity === 'error');

/** The text of each line and paragraph of the deck's targets slide. */
function targetLines(deck: Deck): { lines: string[]; paragraphs: string[] } {
  // Its title is a sentence on when the targets fall due: "X's targets fall due from 2024 to 2031."
  const slide = deck.slides.find((s) =>
    /\b(targets? (all )?falls? due|one target in the sources falls due)\b.*\.$/.test(s.title),
  );
  if (!slide) throw new Error('no targets slide');
  return {
    lines: slide.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((item) => runsText(item)) : [])),
    paragraphs: slide.blocks.flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : [])),
  };
}

describe('500 sectors with long names', () => {
  it('the deck renders without overflow; its targets slide names the sectors without one, or counts them', async () => {
    const theme = await defaultTheme();
    for (const count of [6, 500]) {
      const dataset = await stressDataset(count);
      const { catalogue, charts } = await standInCharts(dataset, theme);
      const built = buildDeckModel({ dataset, charts: catalogue, templatesDir: 'templates' });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (!built.model) throw new Error('no deck model');
      const { lines, paragraphs } = targetLines(built.model);
      // One line a target (eight at most), whatever the number of sectors.
      expect(lines).toHaveLength(Math.min(8, dataset.targets.length));
      const targeted = new Set(dataset.targets.flatMap((t) => t.sectors ?? []));
      const without = dataset.sectors.filter((s) => !targeted.has(s.id));
      const note =
        paragraphs.find((p) =>
          /^(Sectors without a target in the sources: |The sources report no target for )/.test(p),
        ) ?? '';
      // Names print as written, in a list after the colon (templates/deck.md.hbs); past eight, a count.
      if (without.length <= 8) for (const s of without) expect(note).toContain(s.shortName ?? s.name);
      else
        expect(note).toBe(
          `The sources report no target for ${without.length} of the ${count} focus sectors.`,
        );
      const diagnostics = new DiagnosticList();
      const deck = withFigures(built.model, charts);
      await renderDeckPptx(deck.model, deck.assets, theme, { fonts: testFonts, date: DATE, diagnostics });
      expect(errors(diagnostics)).toEqual([]);
    }
  });

  it('the briefing and the one-pagers render without overflow', async () => {
    const theme = await defaultTheme();
    const dataset = await stressDataset(500);
    const { catalogue, charts } = await standInCharts(dataset, theme);
    const briefing = buildBriefingModel({ dataset, charts: catalogue, templatesDir: 'templates' });
    expect(briefing.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!briefing.model) throw new Error('no briefing model');
    const diagnostics = new DiagnosticList();
    const filled = withFigures(briefing.model, charts);
    await renderBriefingPdf(filled.model, filled.assets, theme, {
      fonts: testFonts,
      variant: 'briefing',
      date: DATE,
      diagnostics,
    });
    // One shipped sector (with programmes and targets) and one copy (with none).
    for (const sector of [dataset.sectors[1], dataset.sectors[499]]) {
      if (!sector) throw new Error('missing sector');
      const one = buildSectorModel({
        dataset,
        charts: catalogue,
        templatesDir: 'templates',
        template: 'sector.md.hbs',
        sectorId: sector.id,
      });
      if (!one.model) throw new Error(`no one-pager for ${sector.id}`);
      const page = withFigures(one.model, charts);
      await renderBriefingPdf(page.model, page.assets, theme, {
        fonts: testFonts,
        variant: 'one-pager',
        date: DATE,
        diagnostics,
      });
    }
    expect(errors(diagnostics)).toEqual([]);
  });
});
