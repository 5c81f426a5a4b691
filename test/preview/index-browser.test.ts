/**
 * out/index.html of the shipped project, as the default build writes it, in a real browser
 * (Debian's chromium through test/browser/chromium.ts): no console error, no request leaving
 * the page, axe-core 0 violations at WCAG 2.2 AA at a desktop and a phone width, no
 * sideways scrolling on the phone, html-validate clean, and every manifest entry linked.
 * `UPDATE_SCREENSHOTS=1` also writes docs/html/index-390.png and index-1280.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  hasChromium,
  launchChromium,
  screenshot,
} from '../browser/chromium.js';
import { formatMessages, validateHtml } from '../browser/html-validate.js';
import { builtProject, ROOT } from '../build/project.js';

describe.runIf(hasChromium('the index page browser checks'))('out/index.html in chromium', () => {
  let session: BrowserSession;
  let dir: string;
  beforeAll(async () => {
    dir = builtProject();
    session = await launchChromium();
  });
  afterAll(async () => session?.close());

  it('validates, and links every output of the manifest', async () => {
    const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    const messages = await validateHtml(html);
    expect(messages, formatMessages(messages)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      outputs: { path: string; sha256: string }[];
    };
    for (const o of manifest.outputs) {
      expect(html, o.path).toContain(`href="${o.path.split('/').map(encodeURIComponent).join('/')}"`);
      expect(html, o.path).toContain(o.sha256);
    }
  });

  for (const width of [1280, 390]) {
    it(`has no error, no outside request and no axe violation at ${width} px`, async () => {
      const opened = await session.open(join(dir, 'out', 'index.html'), { width });
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.outsideRequests).toEqual([]);
      expect(opened.failedRequests).toEqual([]);
      expect(await axeViolations(opened.page)).toEqual([]);
      // A phone reads it without scrolling sideways.
      const overflow = await opened.page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // The top of the page, as a reader first sees it (a whole-page PNG would be ~650 KB in docs/).
      const png = await screenshot(opened.page, width, { height: width < 600 ? 1200 : 900 });
      if (process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(join(ROOT, 'docs', 'html'), { recursive: true });
        writeFileSync(join(ROOT, 'docs', 'html', `index-${width}.png`), png);
      }
      await opened.page.close();
    });
  }
});
