/**
 * No text leaves the page: every line the PDF renderer draws lies inside the page's text
 * frame. A table row too tall for what is left of a page breaks to the next page with the
 * header repeated, and one taller than a whole page continues over several; whatever still
 * cannot fit is reported as RENDER_OVERFLOW at the model node's template position.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { pageGeometry } from '../../../src/render/pdf/style.js';
import { figure } from '../../fixtures/figures.js';
import { ins, sampleBriefing, sampleCharts } from '../../fixtures/models/briefing.js';
import { barChartSvg } from '../../fixtures/models/svg-chart.js';
import { open, pageItems, render } from './read.js';

const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i + 1}`).join(' ');
const POS = { template: 'templates/briefing.md.hbs', line: 42, column: 1 };

/** Body text items outside the text frame (running heads and footers sit in its bands). */
async function outsideFrame(pdf: PDFDocumentProxy, running: readonly string[]): Promise<string[]> {
  const geo = pageGeometry('A4', 20);
  const out: string[] = [];
  for (let p = 2; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const height = (page.view as number[])[3] ?? 0;
    for (const item of await pageItems(pdf, p)) {
      if (running.some((r) => item.str.startsWith(r))) continue;
      const baselineFromTop = height - item.y;
      const inside =
        baselineFromTop >= geo.top - 0.5 &&
        baselineFromTop <= geo.bottom + 0.5 &&
        item.x >= geo.left - 0.5 &&
        item.x + item.width <= geo.right + 0.5;
      if (!inside) out.push(`page ${p}: "${item.str.slice(0, 30)}" at ${baselineFromTop.toFixed(1)}`);
    }
  }
  return out;
}

function briefingWith(...blocks: Block[]) {
  const model = sampleBriefing();
  model.sections[1]?.blocks.push(...blocks);
  return model;
}

const running = (model: ReturnType<typeof sampleBriefing>) => [
  model.meta.shortTitle,
  model.meta.organisation ?? '',
  'Page ',
  'As of ',
];

describe('PDF text stays inside the page', () => {
  it('breaks a table row taller than a page over several pages, header repeated, nothing lost', async () => {
    const tall: Block = {
      type: 'table',
      header: [ins('Programme'), ins('Detail')],
      align: [null, null],
      rows: [
        [ins('First row'), ins('short')],
        // Long enough to span three pages wherever the table starts on its first page.
        [ins('Tall row'), ins(words(2500, 'w'))],
        [ins('Last row'), ins('short')],
      ],
      pos: POS,
    };
    const model = briefingWith(tall);
    const { bytes, diagnostics } = await render(model, sampleCharts());
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(await outsideFrame(pdf, running(model))).toEqual([]);
    const pages: string[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) pages.push((await pageItems(pdf, p)).map((i) => i.str));
    const text = pages.map((items) => items.join(' ')).join(' ');
    for (const w of ['w1', 'w1250', 'w2500', 'Last row']) expect(text).toMatch(new RegExp(`\\b${w}\\b`));
    // The pages the tall row runs over each start with the header.
    const spanned = pages.filter((items) => items.some((s) => /\bw\d+\b/.test(s)));
    expect(spanned.length).toBeGreaterThan(2);
    for (const items of spanned) expect(items.join(' ')).toContain('Programme');
  });

  it('moves a row that fits a fresh page to the next page whole, with the header', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [ins(`Row ${i + 1}`), ins(words(30, `r${i + 1}x`))]);
    const model = briefingWith({
      type: 'table',
      header: [ins('Name'), ins('Words')],
      align: [null, null],
      rows,
    });
    const { bytes, diagnostics } = await render(model, sampleCharts());
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(await outsideFrame(pdf, running(model))).toEqual([]);
    // Each row's words are on one page: a row that fits a page is never cut.
    for (const i of [1, 20, 40, 60]) {
      const on: number[] = [];
      for (let p = 1; p <= pdf.numPages; p++) {
        const items = (await pageItems(pdf, p)).map((it) => it.str).join(' ');
        if (new RegExp(`\\br${i}x\\d+\\b`).test(items)) on.push(p);
      }
      expect(on, `row ${i}`).toHaveLength(1);
    }
  });

  it('shrinks a chart taller than a page to the page', async () => {
    // A bar per record: 400 rows make an SVG about 9,000 px tall.
    const bars = Array.from({ length: 400 }, (_, i) => ({ label: `Bar ${i + 1}`, value: i + 1 }));
    const charts = sampleCharts();
    const base = charts.get('targets');
    if (!base) throw new Error('no fixture chart "targets"');
    const height = 40 + bars.length * 22;
    charts.set('targets', { ...base, svg: barChartSvg(base.title, bars, 'count', 520, height), height });
    const model = briefingWith({ ...figure('targets', '', 'Every bar', 4), pos: POS });
    const { bytes, diagnostics } = await render(model, charts);
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(await outsideFrame(pdf, running(model))).toEqual([]);
    const text = (await Promise.all([...Array(pdf.numPages).keys()].map((p) => pageItems(pdf, p + 1))))
      .flat()
      .map((i) => i.str)
      .join(' ');
    expect(text).toContain('Bar 400');
  });

  it('reports what still cannot fit as RENDER_OVERFLOW at the node template position', async () => {
    // A heading longer than a page: its contents entry cannot fit a contents page either.
    const model = briefingWith({
      type: 'heading',
      level: 2,
      id: 'endless',
      children: ins(words(1400, 'h')),
      pos: POS,
    });
    const { diagnostics } = await render(model, sampleCharts());
    const overflow = diagnostics.filter((d) => d.code === 'RENDER_OVERFLOW');
    expect(overflow.length).toBeGreaterThan(0);
    expect(overflow[0]).toMatchObject({ severity: 'error', file: POS.template, line: POS.line, column: 1 });
    expect(overflow[0]?.message).toMatch(/page \d+/);
  });
});
