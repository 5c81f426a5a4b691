/**
 * The shipped one-pager as a fixed grid, for every sector of the Korea dataset and the Japan
 * fixture: one page at one type scale for the whole set, its sources in at most three lines
 * at the foot (the full references are in the briefing), the message
 * first, the figures as cards and each stated once, no chart (a timeline of one to three
 * points said nothing the lists do not), why it matters internationally, what to watch.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenseOf } from '../../../src/dataset/figure-time.js';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import { DiagnosticList } from '../../../src/diagnostics.js';
import { sectorWatch } from '../../../src/document/helpers-sector-brief.js';
import { buildSectorModel } from '../../../src/document/index.js';
import { chartJobs } from '../../../src/pipeline/chart-step.js';
import { renderBriefingPdf } from '../../../src/render/pdf/index.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme, open, pageItems, structRoles } from './read.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATASETS = {
  korea: join(ROOT, 'data', 'korea-emerging-tech.yaml'),
  japan: join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml'),
};

async function pages(dataset: Dataset) {
  const theme = await defaultTheme();
  const { catalogue } = await chartJobs(dataset, theme, join(ROOT, 'templates', 'charts'), testFonts);
  const out = [];
  for (const sector of dataset.sectors) {
    const built = buildSectorModel({
      dataset,
      charts: catalogue,
      templatesDir: join(ROOT, 'templates'),
      sectorId: sector.id,
    });
    if (!built.model) throw new Error(JSON.stringify(built.diagnostics.slice(0, 3)));
    const diagnostics = new DiagnosticList();
    const bytes = await renderBriefingPdf(built.model, new Map(), theme, {
      variant: 'one-pager',
      fonts: testFonts,
      date: DATE,
      diagnostics,
    });
    out.push({ sector, model: built.model, bytes, codes: diagnostics.items.map((d) => d.code) });
  }
  return out;
}

describe.each(Object.entries(DATASETS))('the %s one-pagers', (_name, file) => {
  it('are one full page each: message, figures once, programmes, international stakes, what to watch', async () => {
    const dataset = (await loadDatasetFile(file)).dataset;
    if (!dataset) throw new Error(`${file} does not load`);
    const scales = new Set<string>();
    for (const { sector, model, bytes, codes } of await pages(dataset)) {
      expect([sector.id, codes]).toEqual([sector.id, []]);
      const pdf = await open(bytes);
      expect([sector.id, pdf.numPages]).toEqual([sector.id, 1]);
      const headings = model.sections.map((s) => s.title);
      expect(headings[0]).toBe('In brief');
      const channels = dataset.channels.filter((c) => c.sectors?.includes(sector.id));
      if (channels.length) expect(headings).toContain('Why it matters internationally');
      // "What to watch" lists the analyst's watch items on the sector's records (sectorWatch)
      // and its targets still ahead at the as-of date (toWatch).
      const ahead = (t: Dataset['targets'][number]) =>
        tenseOf(t, dataset.meta.asOf, dataset.meta.fiscalYear) !== 'past';
      const byId = new Map<string, unknown>(
        Object.entries(dataset).flatMap(([list, rows]) =>
          Array.isArray(rows) ? rows.map((r: { id?: string }) => [r.id ?? '', { list, record: r }]) : [],
        ),
      );
      const watched = sectorWatch(
        dataset.analysis.watch.map((w) => ({ ...w, basedOn: w.basedOn.map((id) => byId.get(id)) })),
        sector.id,
        dataset.sectors.length,
      );
      expect(headings.includes('What to watch')).toBe(
        watched.length > 0 || dataset.targets.some((t) => t.sectors?.includes(sector.id) && ahead(t)),
      );
      // No chart on the page.
      expect((await structRoles(pdf)).filter((n) => n.role === 'Figure')).toEqual([]);
      // The page is full: its text reaches the last fifth of the page (the footer aside).
      const page = await pdf.getPage(1);
      const height = page.view[3] ?? 0;
      const items = (await pageItems(pdf, 1)).filter((i) => !i.str.includes(`As of ${model.meta.asOfLabel}`));
      const lowest = Math.min(...items.map((i) => i.y));
      // One type scale for every page of the set (the old fitting set a short page 1.45 times
      // larger and shrank a full one to 0.8): the headings and the sources line measure the same.
      const heading = items.find((i) => i.str === 'In brief');
      const sourcesLabel = items.find((i) => i.str.startsWith('Sources:'));
      scales.add(JSON.stringify([heading?.height.toFixed(2), sourcesLabel?.height.toFixed(2)]));
      // The sources take at most three lines, above the footer, and name the full briefing.
      const footer = Math.min(...(await pageItems(pdf, 1)).map((i) => i.y));
      const sourceLines = new Set(
        items
          .filter((i) => i.y <= (sourcesLabel?.y ?? 0) + 0.5 && i.y > footer + 0.5)
          .map((i) => i.y.toFixed(1)),
      );
      expect([sector.id, sourceLines.size]).toEqual([
        sector.id,
        expect.toSatisfy((n: number) => n >= 1 && n <= 3),
      ]);
      // A sector with little on record (a summary and a programme or two) gives a short page, set
      // at the largest size: filling it would take filler. Three records or more fill the page.
      const inSector = (list: readonly { sectors?: readonly string[] }[]) =>
        list.filter((r) => r.sectors?.includes(sector.id)).length;
      const records =
        inSector(dataset.programs) +
        inSector(dataset.targets) +
        inSector(dataset.channels) +
        dataset.indicators.filter((i) => i.sector === sector.id).length;
      if (records >= 3)
        expect([sector.id, (height - lowest) / height]).toEqual([
          sector.id,
          expect.toSatisfy((f: number) => f >= 0.7),
        ]);
      // Each card's figure is stated once: the cards carry the figures, the lists names and dates
      // (the sector's own summary may quote one: that is the dataset's sentence, not the grid's).
      const cards = model.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'kpi' ? b.items : []));
      expect(cards.length).toBeLessThanOrEqual(3);
      const lists = JSON.stringify(model.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'list'));
      for (const card of cards) expect([card.value, lists.includes(card.value)]).toEqual([card.value, false]);
      const text = items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' ');
      for (const card of cards) expect(text).toContain(card.value);
      expect(text).toContain('Full references in the full briefing');
    }
    expect([...scales]).toHaveLength(1);
  }, 240_000);
});

describe('a one-pager with an analyst judgement on its sector', () => {
  it('opens "In brief" with the judgement\'s one-sentence title, cited through its evidence', async () => {
    const loaded = (await loadDatasetFile(DATASETS.korea)).dataset;
    if (!loaded) throw new Error('the shipped dataset does not load');
    const judgement = {
      id: 'ai-fund-scale',
      title:
        'The AI fund is the largest commitment in the programme, and most of it is pledged, not allocated.',
      text: 'The fund dwarfs the other budgets.',
      basedOn: ['strategic-fields-2025'],
      sectors: ['ai'],
    };
    const dataset = {
      ...loaded,
      analysis: { judgements: [judgement], implications: [], watch: [], limits: [] },
    } as Dataset;
    const theme = await defaultTheme();
    const { catalogue } = await chartJobs(dataset, theme, join(ROOT, 'templates', 'charts'), testFonts);
    const built = buildSectorModel({
      dataset,
      charts: catalogue,
      templatesDir: join(ROOT, 'templates'),
      sectorId: 'ai',
    });
    const first = JSON.stringify(built.model?.sections[0]?.blocks[0]);
    expect(first).toContain(judgement.title);
    expect(first.indexOf(judgement.title)).toBeLessThan(first.indexOf('cornerstone'));
    const other = buildSectorModel({
      dataset,
      charts: catalogue,
      templatesDir: join(ROOT, 'templates'),
      sectorId: 'quantum',
    });
    expect(JSON.stringify(other.model)).not.toContain(judgement.title);
  }, 60_000);
});
