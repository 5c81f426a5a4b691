/**
 * The shipped deck as a presentation, for the Korea dataset and the Japan fixture: ten-odd
 * slides that each carry content, notes that are talking points then the sources once, at most
 * six KPI cards a slide with figures at 28 pt and up, and the package's accessibility parts
 * (tables' header flag and alt text, charts' alt text, app.xml's fonts and titles, title
 * placeholders that the layouts hold too).
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { buildDeckModel } from '../../../src/document/index.js';
import type { Deck } from '../../../src/document/model.js';
import { kpiGrid, kpiValueSize } from '../../../src/render/pptx/draw-kpi.js';
import { BODY_BOX, TYPE } from '../../../src/render/pptx/geometry.js';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { KPI_PER_SLIDE, planDeck } from '../../../src/render/pptx/slide-plan.js';
import type { Theme } from '../../../src/theme/schema.js';
import { buildCharts } from '../../support/charts.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme, paragraphs, runs, slideNames } from './deck-helpers.js';

interface Built {
  model: Deck;
  parts: Record<string, Uint8Array>;
}

const DATASETS = {
  korea: 'data/korea-emerging-tech.yaml',
  japan: 'test/fixtures/datasets/japan-semiconductors-ai.yaml',
} as const;
const built = new Map<string, Built>();
let theme: Theme;

beforeAll(async () => {
  theme = await defaultTheme();
  for (const [name, file] of Object.entries(DATASETS)) {
    const dataset = (await loadDatasetFile(file)).dataset;
    if (!dataset) throw new Error(`${file} does not load`);
    const charts = await buildCharts(dataset, theme);
    const model = buildDeckModel({ dataset, charts: charts.catalogue, templatesDir: 'templates' }).model;
    if (!model) throw new Error(`no deck model for ${file}`);
    const bytes = await renderDeckPptx(model, charts.assetsFor(model), theme, {
      fonts: testFonts,
      date: DATE,
    });
    built.set(name, { model, parts: unzipSync(bytes) });
  }
}, 120_000);

const get = (name: string): Built => {
  const b = built.get(name);
  if (!b) throw new Error(`${name} was not built`);
  return b;
};
const part = (b: Built, name: string) => strFromU8(b.parts[name] ?? new Uint8Array());
const slidesOf = (b: Built) => slideNames(b.parts).map((n) => part(b, n));
/** A slide's notes part, through its relationships. */
function notesOf(b: Built, slide: string): string {
  const rels = part(b, slide.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'));
  const target = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)?.[1];
  return target ? part(b, `ppt/notesSlides/${target}`) : '';
}
/** The text of the shape whose placeholder is the title. */
const titleOf = (xml: string) =>
  [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
    .map((m) => m[0])
    .filter((sp) => /<p:ph\b[^>]*type="title"/.test(sp))
    .flatMap(runs)
    .join('');

describe.each(Object.keys(DATASETS))('the %s deck', (name) => {
  it('has ten-odd slides (title, figures, the argument, outlook, sources), none without content', () => {
    const b = get(name);
    const slides = slidesOf(b);
    expect(slides.length).toBeGreaterThanOrEqual(8);
    // Ten-odd slides as planned: a slide too long for one page continues on the next, titled
    // "(continued, n/m)", and that part is not a new slide (Japan's channels and risks).
    const planned = slides.filter((xml) => !/\(continued, \d+\/\d+\)/.test(titleOf(xml)));
    expect(planned.length).toBeLessThanOrEqual(12);
    expect(slides.length - planned.length).toBeLessThanOrEqual(2);
    expect(b.model.slides.map((s) => s.layout)).not.toContain('section');
    expect(b.model.slides.map((s) => s.title)).not.toContain('Agenda');
    expect(b.model.slides[b.model.slides.length - 1]?.layout).toBe('sources');
    // Content: text beyond the title and the footer line ("As of …") on every slide.
    slides.forEach((xml, i) => {
      const body = paragraphs(xml).filter(
        (p) => p !== titleOf(xml) && !/^As of /.test(p) && !/^\d+$/.test(p),
      );
      const charts = /<p:graphicFrame>|<p:pic>/.test(xml);
      expect([i + 1, body.join(' ').length > 40 || charts]).toEqual([i + 1, true]);
    });
    // No chart repeats a slide: the filler count chart and the indicator tiles are gone.
    const figures = b.model.slides
      .flatMap((s) => [...s.blocks, ...(s.right ?? [])])
      .filter((x) => x.type === 'figure');
    const ids = figures.map((f) => (f.type === 'figure' ? f.chartId : ''));
    expect(ids).not.toContain('sector-summary');
    // The indicator tiles only when there are more indicators than the key figures show.
    if (b.model.slides.some((s) => s.layout === 'kpi') && name === 'korea')
      expect(ids).not.toContain('indicator-highlights');
    expect(new Set(ids).size).toBe(ids.length);
    // Every figure is drawn: one too long to sit beside its text gets a slide of its own.
    const frames = slides.join('').match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? [];
    const natives = frames.filter((f) => f.includes('drawingml/2006/chart')).length;
    const pictures = slides.join('').match(/<p:pic>/g)?.length ?? 0;
    // A picture whose labels would print under 12 pt is placed as its data table (figure-table.ts).
    // Such a table may continue over slides: one frame a slide, one figure.
    const tables = new Set(frames.flatMap((f) => /<p:cNvPr [^>]*name="(Figure \d+) data"/.exec(f)?.[1] ?? []))
      .size;
    expect(natives + pictures + tables).toBe(ids.length);
  });

  it('gives every slide talking points, then its sources under one "Sources:" label', () => {
    const b = get(name);
    for (const slide of slideNames(b.parts)) {
      const notes = runs(notesOf(b, slide)).join('\n');
      const labels = notes.match(/(^|\s)Sources?:/g) ?? [];
      expect([slide, labels.length <= 1]).toEqual([slide, true]);
      const points =
        notes
          .split(/(^|\s)Sources?:/)[0]
          ?.replace(/\s+/g, ' ')
          .trim() ?? '';
      // Talking points are sentences, not a bare slide number.
      expect([slide, points.length > 40]).toEqual([slide, true]);
    }
  });

  it('shows at most six KPI cards a slide, each figure at 28 pt or more', async () => {
    const b = get(name);
    const m = deckMeasurer(testFonts.stack(theme));
    const planned = planDeck(b.model, { theme, m, sources: b.model.sources });
    const kpis = planned.flatMap((p) => (p.kind === 'kpi' ? [p] : []));
    expect(kpis.length).toBeGreaterThan(0);
    expect(KPI_PER_SLIDE).toBeLessThanOrEqual(6);
    for (const p of kpis) {
      expect(p.items.length).toBeLessThanOrEqual(6);
      const cards = kpiGrid(p.items.length, BODY_BOX);
      p.items.forEach((item, i) => {
        const inner = (cards[i]?.w ?? 0) - 0.4;
        expect([item.value, kpiValueSize(item.value, inner, TYPE.kpiValue, m)]).toEqual([
          item.value,
          expect.toSatisfy((size: number) => size >= 28),
        ]);
      });
    }
  });

  it('flags table header rows and gives tables and charts alt text', () => {
    const b = get(name);
    for (const xml of slidesOf(b)) {
      for (const frame of xml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? []) {
        const descr = /<p:cNvPr [^>]*descr="([^"]+)"/.exec(frame)?.[1] ?? '';
        expect(descr.length).toBeGreaterThan(10);
        if (frame.includes('drawingml/2006/table')) {
          expect(frame).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
          expect(descr).toMatch(/^Table: .+\. Columns: .+\. \d+ rows?\.$/);
        }
      }
      for (const pic of xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? [])
        expect(/descr="([^"]+)"/.exec(pic)?.[1]?.length ?? 0).toBeGreaterThan(10);
    }
    if (name === 'japan') expect(slidesOf(b).join('')).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
  });

  it("lists the fonts the slides use and the slides' titles in app.xml", () => {
    const b = get(name);
    const app = part(b, 'docProps/app.xml');
    const listed = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((x) => x[1] ?? '');
    const decode = (s: string) =>
      s
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const titles = slidesOf(b).map(titleOf);
    expect(titles.every((t) => t !== '')).toBe(true);
    expect(listed.map(decode).slice(-titles.length)).toEqual(titles);
    expect(listed.some((s) => /^Slide \d+$/.test(s))).toBe(false);
    const used = new Set(
      Object.entries(b.parts)
        .filter(([n]) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n))
        .flatMap(([, d]) => [...strFromU8(d).matchAll(/<a:(?:latin|ea|cs) typeface="([^"+][^"]*)"/g)])
        .map((x) => x[1]),
    );
    const count = Number(
      /<vt:lpstr>Fonts Used<\/vt:lpstr><\/vt:variant>\s*<vt:variant><vt:i4>(\d+)/.exec(app)?.[1],
    );
    const fonts = listed.slice(3, 3 + count);
    for (const face of used) expect(fonts).toContain(face);
    if (!used.has('Arial')) expect(fonts).not.toContain('Arial');
    if (!used.has('Calibri')) expect(fonts).not.toContain('Calibri');
  });

  it('holds a title placeholder on every slide, its layout and the master, matched by type', () => {
    const b = get(name);
    for (const slide of slideNames(b.parts)) {
      const xml = part(b, slide);
      expect(xml).toMatch(/<p:ph type="title"\/>/);
      const rels = part(b, slide.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'));
      const layout = /slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)?.[1];
      expect(part(b, `ppt/slideLayouts/${layout}`)).toMatch(/<p:ph type="title"\/>/);
    }
    expect(part(b, 'ppt/slideMasters/slideMaster1.xml')).toMatch(/<p:ph type="title"\/>/);
  });
});
