import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { figureBlocks } from '../../../src/document/figures.js';
import { plainText } from '../../../src/render/pdf/styled-pieces.js';
import { sampleBriefing, sampleCharts } from '../../fixtures/models/briefing.js';
import { allText, open, pageItems, raw, render, structRoles } from './read.js';

const model = sampleBriefing();
const charts = sampleCharts();
let bytes: Uint8Array;
let pdf: PDFDocumentProxy;
let pages: string[];

beforeAll(async () => {
  const result = await render(model, charts);
  expect(result.diagnostics).toEqual([]);
  bytes = result.bytes;
  pdf = await open(bytes);
  pages = await allText(pdf);
});

/** Headings the model asks for, in order, as the renderer titles them. */
function modelHeadings(): string[] {
  const out: string[] = [];
  for (const section of model.sections) {
    out.push(section.title);
    for (const b of section.blocks) if (b.type === 'heading') out.push(plainText(b.children));
  }
  out.push('Sources', 'Appendix: chart data');
  // The appendix titles each figure's data as the figure is captioned, not by the chart's own title.
  for (const f of figureBlocks(model)) out.push(`Figure ${f.number}: ${f.caption}`);
  return out;
}

describe('briefing PDF: content', () => {
  it('has a cover, then the contents, then the body; the appendix comes last', () => {
    expect(pages[0]).toContain(model.meta.title);
    // The box's heading is the template's; the masthead names the publisher, not the author.
    expect(pages[0]).toContain(model.takeawaysTitle ?? 'no takeaways title in the fixture');
    expect(pages[0]).toContain((model.meta.publisher ?? 'no publisher in the fixture').toUpperCase());
    expect(pages[0]).not.toContain(model.meta.author.toUpperCase());
    expect(pages[0]).toContain('As of 15 July 2025');
    expect(pages[1]).toContain('Contents');
    expect(pages[pages.length - 1]).toContain('Appendix: chart data');
    expect(pdf.numPages).toBeGreaterThanOrEqual(6);
    expect(pdf.numPages).toBeLessThanOrEqual(12);
  });

  it('contains every heading, figure, caption and the sources list', () => {
    const text = pages.join('\n');
    for (const heading of modelHeadings()) expect(text).toContain(heading);
    for (const figure of [
      '₩29.8 trillion',
      '₩58 trillion',
      '₩100 trillion',
      '₩44 billion',
      'over 20%',
      '30,000 factories',
    ]) {
      expect(text).toContain(figure);
    }
    for (const f of figureBlocks(model)) expect(text).toContain(`Figure ${f.number}. ${f.caption}`);
    for (const s of model.sources) expect(text).toContain(s.title);
    expect(text).toContain('반도체·디스플레이');
  });

  it('numbers citations as superscripts linked to the sources list', async () => {
    const items = await pageItems(pdf, 4);
    const marks = items.filter((i) => /^[12]$/.test(i.str) && i.height < 7);
    expect(marks.length).toBeGreaterThan(0);
    const links = (await (await pdf.getPage(4)).getAnnotations()) as {
      subtype: string;
      dest?: unknown;
      url?: string;
    }[];
    expect(links.filter((a) => a.subtype === 'Link' && a.dest === 'source-1').length).toBeGreaterThan(0);
    const destinations = await pdf.getDestinations();
    expect(Object.keys(destinations)).toEqual(expect.arrayContaining(['source-1', 'source-2']));
  });

  it('has live external links', async () => {
    const found: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      for (const a of (await (await pdf.getPage(p)).getAnnotations()) as { url?: string }[])
        if (a.url) found.push(a.url);
    }
    expect(found).toContain('https://www.msit.go.kr/eng/');
  });

  it('gives every contents entry the page its heading is on', () => {
    const toc = pages[1] ?? '';
    for (const section of model.sections) {
      const match = new RegExp(`${section.title.replace(/[()]/g, '\\$&')} (\\d+)`).exec(toc);
      expect(match, section.title).not.toBeNull();
      const page = Number(match?.[1]);
      expect(pages[page - 1], `${section.title} on page ${page}`).toContain(section.title);
    }
  });

  it('has an outline mirroring the headings', async () => {
    const outline = await pdf.getOutline();
    const titles: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[]) => {
      for (const item of items) {
        titles.push(item.title);
        walk(item.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(outline);
    expect(titles).toEqual(modelHeadings());
    expect(outline.map((o) => o.title)).toEqual([
      ...model.sections.map((s) => s.title),
      'Sources',
      'Appendix: chart data',
    ]);
  });

  it('has running heads and page N of M everywhere but the cover', () => {
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 2} of ${pages.length}`);
      expect(text).toContain(model.meta.shortTitle);
    });
  });

  it('keeps all text inside the page margins and leaves no page empty', async () => {
    const margin = 20 * (72 / 25.4);
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const [, , width, height] = page.view as [number, number, number, number];
      const items = await pageItems(pdf, p);
      const body = items.filter(
        (i) => !/^Page \d+ of|^As of /.test(i.str) && i.str !== model.meta.shortTitle,
      );
      expect(body.length, `page ${p} has content`).toBeGreaterThan(3);
      for (const item of items) {
        expect(item.x, `${item.str} (page ${p})`).toBeGreaterThanOrEqual(margin - 0.5);
        expect(item.x + item.width, `${item.str} (page ${p})`).toBeLessThanOrEqual(width - margin + 0.5);
        expect(item.y, `${item.str} (page ${p})`).toBeGreaterThanOrEqual(margin - 3);
        expect(item.y + item.height, `${item.str} (page ${p})`).toBeLessThanOrEqual(height - margin + 0.5);
      }
    }
  });
});

describe('briefing PDF: fonts and tags', () => {
  it('embeds and subsets every font, and uses no standard font', () => {
    const text = raw(bytes);
    const fonts = [...text.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Pretendard-/);
    expect(text).not.toMatch(/\/Subtype \/Type1/);
    const descriptors = (text.match(/\/Type \/FontDescriptor/g) ?? []).length;
    expect(descriptors).toBeGreaterThan(0);
    expect((text.match(/\/FontFile2 /g) ?? []).length).toBe(descriptors);
  });

  it('tags headings, lists, tables with header cells, and figures with alt text', async () => {
    const nodes = await structRoles(pdf);
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of [
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'Link',
      'TOC',
      'TOCI',
    ]) {
      expect(roles, role).toContain(role);
    }
    const figures = nodes.filter((n) => n.role === 'Figure');
    // The template's alt text, as the deck has it; the chart's description only when it gives none.
    expect(figures.map((f) => f.alt)).toEqual(['R&D budget', 'AI spending', 'Targets']);
    expect(figures.map((f) => f.alt)).not.toContain(charts.get('budget-by-year')?.description);
  });

  it('marks the running heads as artifacts and the body as structure', async () => {
    const content = await (await pdf.getPage(3)).getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const where = new Map<string, string>();
    for (const item of content.items) {
      if ('type' in item && (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')) {
        // pdfjs reports the tag at run time; its type declares only the id.
        stack.push((item as { tag?: string }).tag ?? '');
      } else if ('type' in item && item.type === 'endMarkedContent') stack.pop();
      else if ('str' in item && item.str.trim()) where.set(item.str, stack[stack.length - 1] ?? 'none');
    }
    expect(where.get(`Page 3 of ${pages.length}`)).toBe('Artifact');
    expect(where.get(model.meta.shortTitle)).toBe('Artifact');
    expect(where.get('Overview')).toBe('H1');
    expect([...where.values()]).not.toContain('none');
  });

  it('is tagged PDF/UA in PDF 1.7 with the language and title shown', () => {
    const text = raw(bytes);
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(text).not.toContain('pdfaid:part');
    expect(text).toContain('/Marked true');
    expect(text).toContain('/Lang (en)');
    expect(text).toContain('/DisplayDocTitle true');
  });
});
