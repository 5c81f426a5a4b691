/**
 * The browser helpers catch what they are for: on a page made to fail, a console error, a
 * request to another host, an axe violation and an html-validate message are each reported;
 * on a clean page none is. Without this, a helper that saw nothing would pass every HTML test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserSession,
  hasChromium,
  launchChromium,
  printToPdf,
  screenshot,
} from './chromium.js';
import { validateHtml } from './html-validate.js';

const CLEAN = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Clean</title></head>
<body><main><h1>Clean page</h1><p>Nothing here leaves the page.</p></main></body></html>
`;

const BROKEN = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Broken</title></head>
<body><img src="http://203.0.113.9/pixel.png"><script>console.error('made to fail')</script>
<p style="color:#ddd;background:#fff">Low contrast</p></body></html>
`;

const dir = mkdtempSync(join(tmpdir(), 'briefkit-browser-'));
const cleanPath = join(dir, 'clean.html');
const brokenPath = join(dir, 'broken.html');
writeFileSync(cleanPath, CLEAN);
writeFileSync(brokenPath, BROKEN);

describe.runIf(hasChromium('the browser helper checks'))('the browser helpers', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => session?.close());

  it('report nothing on a clean page, and make a screenshot and a printout', async () => {
    const opened = await session.open(cleanPath);
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.outsideRequests).toEqual([]);
    expect(await axeViolations(opened.page)).toEqual([]);
    const png = await screenshot(opened.page, 390);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    const pdf = await printToPdf(opened.page, 'A4');
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await validateHtml(CLEAN)).toEqual([]);
  });

  it('report the console error, the outside request and the violations of a broken page', async () => {
    const opened = await session.open(brokenPath);
    expect(opened.consoleErrors.join('\n')).toContain('made to fail');
    expect(opened.outsideRequests).toEqual(['http://203.0.113.9/pixel.png']);
    const ids = (await axeViolations(opened.page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
    const rules = (await validateHtml(BROKEN)).map((m) => m.rule);
    expect(rules).toEqual(expect.arrayContaining(['wcag/h37', 'no-inline-style']));
  });
});
