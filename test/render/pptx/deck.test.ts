import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import {
  buildSample,
  DATE,
  defaultTheme,
  type Parts,
  paragraphs,
  renderDeck,
  runs,
  slideNames,
  text,
  unzip,
} from './deck-helpers.js';
import { xmlProblem } from './xml-check.js';

let parts: Parts;
let slides: string[];

beforeAll(async () => {
  parts = unzip(await buildSample());
  slides = slideNames(parts).map((n) => text(parts, n));
});

/** The text of a slide's title placeholder. */
function titleOf(xml: string): string {
  const sp = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\s[^>]*type="title"[\s\S]*?<\/p:sp>/.exec(xml)?.[0] ?? '';
  return runs(sp).join('');
}

describe('deck package', () => {
  it('puts every model slide in order, continuations numbered "(continued, 2/3)" right after their slide', () => {
    const model = sampleDeck().slides.map((s) => s.title);
    const titles = slides.map(titleOf);
    const CONTINUED = / \(continued, (\d+)\/(\d+)\)$/;
    // Drop continuations: what is left is the model's slide list, in order.
    expect(titles.filter((t) => !CONTINUED.test(t))).toEqual(model);
    titles.forEach((t, i) => {
      const m = CONTINUED.exec(t);
      if (!m) return;
      const [, k, n] = m.map(Number) as [number, number, number];
      const base = t.replace(CONTINUED, '');
      // Slide k of n follows slide k - 1 of the same title; the first is the plain title.
      expect(titles[i - 1]).toBe(k === 2 ? base : `${base} (continued, ${k - 1}/${n})`);
      if (k === n) expect(titles[i + 1]?.startsWith(`${base} (continued`)).toBe(false);
      else expect(titles[i + 1]).toBe(`${base} (continued, ${k + 1}/${n})`);
    });
    expect(slides.length).toBeGreaterThan(model.length);
  });

  it('keeps every bullet and every table row exactly once across continuation slides', () => {
    const all = slides.flatMap(paragraphs);
    for (let k = 1; k <= 11; k++) {
      expect(all.filter((p) => p.startsWith(`Point ${k}:`))).toHaveLength(1);
    }
    for (let k = 1; k <= 22; k++) {
      expect(all.filter((p) => p.startsWith(`Field ${k}:`))).toHaveLength(1);
    }
    // The header row is repeated on each page of the long table.
    const pages = slides.filter((s) => titleOf(s).startsWith('The strategic technology fields'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(paragraphs(page).slice(0, 5)).toContain('Share (%)');
  });

  it('writes key figures, Hangul and ₩ as real text runs', () => {
    const all = slides.flatMap(runs).join('\n');
    for (const figure of [
      '₩58 trillion',
      '₩100 trillion',
      '1,012',
      '반도체',
      '국가전략기술',
      '₩6.8 trillion',
    ]) {
      expect(all).toContain(figure);
    }
    expect(text(parts, 'ppt/theme/theme1.xml')).toContain('typeface="Pretendard"');
    expect(slides[1]).toContain('<a:latin typeface="Pretendard"');
  });

  it('has well-formed XML in every part, including the chart workbooks', () => {
    for (const [name, data] of Object.entries(parts)) {
      if (/\.(xml|rels)$/.test(name)) expect([name, xmlProblem(strFromU8(data))]).toEqual([name, undefined]);
      if (name.endsWith('.xlsx')) {
        for (const [inner, bytes] of Object.entries(unzipSync(data))) {
          if (/\.(xml|rels)$/.test(inner))
            expect([inner, xmlProblem(strFromU8(bytes))]).toEqual([inner, undefined]);
        }
      }
    }
  });

  it('keeps one paragraph-properties element per paragraph (bullets survive)', () => {
    for (const xml of slides) {
      for (const m of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect((m[1] ?? '').match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    }
    expect(slides[1]).toMatch(/<a:buChar char="&#x2022;"\/><\/a:pPr><a:r>/);
  });

  it('draws native charts with the data, series names, number format, axis titles and log scale', () => {
    const charts = Object.keys(parts)
      .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
      .sort();
    expect(charts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']);
    const bar = text(parts, 'ppt/charts/chart1.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<c:logBase val="10"/>');
    expect(bar).toContain('Budget (₩ trillion)');
    expect(bar).toContain('formatCode="#,##0.0"');
    expect(bar).toContain('KRW trillion (log scale)');
    for (const v of ['100', '58', '30', '6.8', '3']) expect(bar).toContain(`<c:v>${v}</c:v>`);
    expect(bar).toContain('<c:v>AI strategy</c:v>');
    // Every bar labelled (issue 11: the deck labelled every other bar).
    expect(bar).toContain('<c:tickLblSkip val="1"/>');
    const line = text(parts, 'ppt/charts/chart2.xml');
    expect(line).toContain('<c:lineChart>');
    expect(line).toMatch(/<c:v>Private<\/c:v>[\s\S]*<c:v>Public<\/c:v>/);
    expect(line).toContain('<c:dispBlanksAs val="gap"/>');
    expect(line).not.toContain('<c:v></c:v>');
    // The data opens in the chart's sheet: the workbook holds the values and the series names.
    const rels = text(parts, 'ppt/charts/_rels/chart1.xml.rels');
    const target = /Target="\.\.\/embeddings\/([^"]+)"/.exec(rels)?.[1] ?? '';
    const book = unzipSync(parts[`ppt/embeddings/${target}`] ?? new Uint8Array());
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    const shared = strFromU8(book['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<v>6.8</v>');
    expect(shared).toContain('Budget (₩ trillion)');
  });

  it('gives every chart and picture alt text, and embeds only PNG images', () => {
    const frames = slides.flatMap((s) =>
      [...s.matchAll(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g)].map((m) => m[0]),
    );
    const chartFrames = frames.filter((f) => f.includes('drawingml/2006/chart'));
    expect(chartFrames).toHaveLength(2);
    for (const f of chartFrames) expect(/descr="([^"]+)"/.exec(f)?.[1]?.length ?? 0).toBeGreaterThan(20);
    const pics = slides.flatMap((s) => [...s.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((m) => m[0]));
    expect(pics).toHaveLength(1);
    expect(pics[0]).toContain('descr="Robot density per 10,000 manufacturing workers: Korea 1,012');
    const media = Object.keys(parts).filter((n) => n.startsWith('ppt/media/'));
    expect(media.length).toBeGreaterThan(0);
    for (const name of media) {
      expect(name).toMatch(/\.png$/);
      expect([...(parts[name] ?? []).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
  });

  it('has speaker notes on every slide, with the sources behind the figures', () => {
    const notes = Object.keys(parts).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes).toHaveLength(slides.length);
    const chartSlide = slides.findIndex((s) => titleOf(s) === 'Budgets of the flagship programmes');
    const rels = text(parts, `ppt/slides/_rels/slide${chartSlide + 1}.xml.rels`);
    const notesPart = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)?.[1];
    const notesText = runs(text(parts, `ppt/notesSlides/${notesPart}`)).join('\n');
    expect(notesText).toContain('The log scale keeps the small programmes visible');
    expect(notesText).toContain('[1] Jaemin Park, The Development of Emerging Technologies');
  });

  it('puts the as-of date and sources in the footer of content slides only, with slide numbers', () => {
    const cover = slides[0] ?? '';
    expect(runs(cover).join(' ')).not.toContain('As of');
    const content = slides.filter((s) => !/BRIEFKIT_(TITLE|SECTION)/.test(s) && titleOf(s) !== '');
    for (const s of slides.slice(1)) {
      if (runs(s).some((r) => r.startsWith('As of'))) expect(s).toContain('type="sldNum"');
    }
    const bars = slides.find((s) => titleOf(s) === 'Budgets of the flagship programmes') ?? '';
    expect(runs(bars)).toContain('As of 15 July 2025 · Source: [1] Jaemin Park 2025');
    expect(content.length).toBeGreaterThan(10);
  });

  it('styles table headers and right-aligns the figures', () => {
    const table = slides.find((s) => titleOf(s) === 'Programmes at a glance') ?? '';
    const header = /<a:tr\b[\s\S]*?<\/a:tr>/.exec(table)?.[0] ?? '';
    expect(header).toContain('<a:srgbClr val="0B3C5D"/>');
    const rows = [...table.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((m) => m[0]);
    const budgetCell = rows[1]?.split(/<a:tc(?=[ >])/)[3] ?? '';
    expect(budgetCell).toContain('₩58.0 trillion');
    expect(budgetCell).toContain('algn="r"');
    expect(rows[1]?.split(/<a:tc(?=[ >])/)[1]).toContain('algn="l"');
  });

  it('sets the metadata with fixed dates', () => {
    const core = text(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>South Korea&apos;s Emerging-Technology Push</dc:title>');
    expect(core).toContain('<dc:creator>briefkit briefing team</dc:creator>');
    expect(core).toContain('<dc:subject>Emerging technologies in South Korea</dc:subject>');
    expect(core).toContain('>2025-07-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2025-07-15T00:00:00Z</dcterms:modified>');
    expect(text(parts, 'docProps/app.xml')).toContain('<Company>Policy Analysis Unit</Company>');
    expect(text(parts, 'ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  });
});

describe('native chart labels (issue 11)', () => {
  it('wraps a long category of a horizontal bar chart to the label column, as the drawing does', async () => {
    const theme = await defaultTheme();
    const charts = sampleCharts(theme);
    const budgets = charts.get('programme-budgets');
    if (!budgets?.plot) throw new Error('no bar chart in the sample');
    const long =
      'National public–private semiconductor and ultra-long-distance quantum communication programme';
    charts.set('programme-budgets', {
      ...budgets,
      plot: { ...budgets.plot, categories: [long, ...budgets.plot.categories.slice(1)] },
    });
    const parts = unzip(await renderDeck(sampleDeck(), charts, theme, { fonts: testFonts, date: DATE }));
    const bar = text(parts, 'ppt/charts/chart1.xml');
    const label = [...bar.matchAll(/<c:v>([^<]*)<\/c:v>/g)]
      .map((m) => m[1] ?? '')
      .find((v) => v.startsWith('National'));
    expect(label?.split('\n').length).toBeGreaterThan(1);
    expect(label?.replace(/\n/g, ' ')).toBe(long);
  });
});
