/**
 * The HTML edition in a real browser (Debian's chromium, test/browser/chromium.ts): the shipped
 * briefing.html of the default build renders with no console error and no request leaving the
 * page, every chart has its alt text, axe finds nothing at WCAG 2.2 AA (light and dark scheme),
 * html-validate passes, the printout keeps its text inside the page; dataset text that looks like
 * markup or a script link prints as text; the same model gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/document/model.js';
import { renderBriefingHtml } from '../../../src/render/html/document.js';
import {
  axeViolations,
  type BrowserSession,
  hasChromium,
  launchChromium,
  printToPdf,
} from '../../browser/chromium.js';
import { formatMessages, validateHtml } from '../../browser/html-validate.js';
import { builtProject } from '../../build/project.js';
import { withFigures } from '../../fixtures/figures.js';
import { sampleBriefing, sampleCharts } from '../../fixtures/models/briefing.js';
import { DATE, defaultTheme, testFonts } from '../../support/theme.js';
import { endToEndTools } from '../tools.js';

async function renderHtml(placed: Briefing): Promise<string> {
  const { model, assets } = withFigures(placed, sampleCharts());
  return renderBriefingHtml(model, { assets, theme: await defaultTheme(), fonts: testFonts, date: DATE });
}

const INJECTED = '<script>document.title="owned"</script><img src=x onerror=alert(1)>';

function injectedModel(): Briefing {
  const model = sampleBriefing();
  model.meta.title = `Title ${INJECTED}`;
  const first = model.sections[0];
  if (!first) throw new Error('the fixture has a section');
  first.blocks.unshift({
    type: 'paragraph',
    children: [
      { type: 'text', text: INJECTED },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'javascript:alert(1)' }] },
    ],
  });
  return model;
}

describe('the HTML edition, as text', () => {
  it('gives the same bytes for the same model', async () => {
    expect(await renderHtml(sampleBriefing())).toBe(await renderHtml(sampleBriefing()));
  });

  it('escapes dataset text: a script or a javascript: link prints as text', async () => {
    const html = await renderHtml(injectedModel());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // The injected title is long on purpose: html-validate's title-length advice is not the point here.
    expect(await validateHtml(html, { 'long-title': 'off' })).toEqual([]);
  });
});

describe.runIf(hasChromium('the HTML edition browser checks'))(
  'the shipped briefing.html in chromium',
  () => {
    let session: BrowserSession;
    let file: string;
    beforeAll(async () => {
      file = join(builtProject(), 'out', 'briefing.html');
      session = await launchChromium();
    });
    afterAll(async () => session?.close());

    it('is under 1 MB and validates', async () => {
      const html = readFileSync(file, 'utf8');
      expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
      const messages = await validateHtml(html);
      expect(messages, formatMessages(messages)).toEqual([]);
    });

    it('renders with no console error, no request out, alt text on every chart, 0 axe violations', async () => {
      const opened = await session.open(file);
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.outsideRequests).toEqual([]);
      expect(opened.failedRequests).toEqual([]);
      const charts = await opened.page.$$eval('svg[role="img"]', (svgs) =>
        svgs.map((svg) => {
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
          return ids.map((id: string) => svg.ownerDocument.getElementById(id)?.textContent?.trim() ?? '');
        }),
      );
      const figures = await opened.page.$$eval('figure', (list) => list.length);
      expect(charts.length).toBe(figures);
      expect(charts.length).toBeGreaterThan(0);
      for (const [title, desc] of charts) {
        expect(title).toBeTruthy();
        expect(desc).toBeTruthy();
      }
      expect(await opened.page.$$eval('script', (list) => list.length)).toBe(0);
      expect(await axeViolations(opened.page)).toEqual([]);
      await opened.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect(await axeViolations(opened.page)).toEqual([]);
    });

    it.runIf(endToEndTools('the printout check', 'pdftotext'))(
      'prints with every word inside the page',
      async () => {
        const opened = await session.open(file);
        for (const format of ['A4', 'Letter'] as const) {
          const pdf = join(mkdtempSync(join(tmpdir(), 'briefkit-print-')), 'print.pdf');
          writeFileSync(pdf, await printToPdf(opened.page, format));
          const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
          });
          const pages = [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
          expect(pages.length).toBeGreaterThan(1);
          let words = 0;
          for (const [, width, height, body] of pages) {
            for (const w of (body ?? '').matchAll(
              /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g,
            )) {
              words += 1;
              const [x0, y0, x1, y1] = w.slice(1).map(Number) as [number, number, number, number];
              expect(x0).toBeGreaterThanOrEqual(0);
              expect(y0).toBeGreaterThanOrEqual(0);
              expect(x1).toBeLessThanOrEqual(Number(width));
              expect(y1).toBeLessThanOrEqual(Number(height));
            }
          }
          expect(words).toBeGreaterThan(100);
        }
      },
    );

    it('shows injected text as text in the browser, and runs none of it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'briefkit-inject-'));
      const path = join(dir, 'injected.html');
      writeFileSync(path, await renderHtml(injectedModel()));
      const opened = await session.open(path);
      expect(await opened.page.title()).toContain('<script>');
      const text = await opened.page.$eval('main', (main) => main.textContent ?? '');
      expect(text).toContain(INJECTED);
      expect(await opened.page.$$eval('a[href^="javascript:"]', (list) => list.length)).toBe(0);
      expect(opened.consoleErrors).toEqual([]);
    });
  },
);
