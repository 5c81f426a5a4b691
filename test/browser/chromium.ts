/**
 * A real browser for the end-to-end checks of HTML outputs: Debian's chromium (.ci/run installs
 * it; puppeteer-core downloads no browser) driven headless with a fresh profile. A page is opened
 * from a file or from a given 127.0.0.1 origin; every request to any other place is recorded and
 * failed, so a test can assert that nothing leaves the page. axe-core runs inside the page for the
 * WCAG 2.2 AA rules; screenshots and a printout (page.pdf) come from the same page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PaperFormat } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { endToEndTools } from '../render/tools.js';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags the brief of issue 17 fixed: no GPU, no sandbox (root in CI), nothing in the background. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** axe-core's tags for WCAG 2.2 level AA (each level's A and AA rules). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Whether chromium is here; under CI a missing one fails the file as the other tools do. */
export function hasChromium(purpose: string): boolean {
  return endToEndTools(purpose, 'chromium');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type error and uncaught page errors, as text. */
  consoleErrors: string[];
  /** Every request that went (or tried to go) anywhere but the page's own origin: failed. */
  outsideRequests: string[];
  /** Own-origin requests that failed (a missing file, say). */
  failedRequests: string[];
}

export interface BrowserSession {
  /** Opens a file path or an http://127.0.0.1 URL; waits until the network is idle. */
  open(target: string, options?: { width?: number; height?: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** The origin a target counts as "its own": file: for a path, the URL's origin for http. */
function ownOrigin(url: string): string {
  return url.startsWith('file:') ? 'file:' : new URL(url).origin;
}

function isOwn(requestUrl: string, origin: string): boolean {
  // data: URLs are the page's own bytes (embedded fonts and images), not a request out.
  if (requestUrl.startsWith('data:') || requestUrl === 'about:blank') return true;
  if (origin === 'file:') return requestUrl.startsWith('file:');
  try {
    return new URL(requestUrl).origin === origin;
  } catch {
    return false;
  }
}

export async function launchChromium(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'briefkit-chromium-'));
  // headless: false stops puppeteer adding its own headless flag: ours (--headless) is in FLAGS.
  const browser: Browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: FLAGS,
    userDataDir: profile,
  });
  return {
    async open(target, options = {}) {
      const url = /^https?:|^file:/.test(target) ? target : pathToFileURL(target).href;
      const origin = ownOrigin(url);
      const page = await browser.newPage();
      await page.setViewport({ width: options.width ?? 1280, height: options.height ?? 900 });
      const opened: OpenedPage = { page, consoleErrors: [], outsideRequests: [], failedRequests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') opened.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => opened.consoleErrors.push(String(error)));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (isOwn(request.url(), origin)) void request.continue();
        else {
          opened.outsideRequests.push(request.url());
          void request.abort('blockedbyclient');
        }
      });
      page.on('requestfailed', (request) => {
        if (isOwn(request.url(), origin)) opened.failedRequests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'networkidle0' });
      return opened;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is. The source is evaluated through the
 * DevTools protocol, which a page's Content-Security-Policy does not govern, so a page that
 * forbids every script can still be checked.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags: string[]) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe and document are the page's globals (no DOM lib here)
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }),
    );
  }, WCAG_22_AA);
}

/** A PNG of the page at a width: the viewport's height, or the whole page with fullPage. */
export async function screenshot(
  page: Page,
  width: number,
  options: { height?: number; fullPage?: boolean } = {},
): Promise<Uint8Array> {
  await page.setViewport({ width, height: options.height ?? 900 });
  return page.screenshot({ type: 'png', fullPage: options.fullPage ?? false });
}

/** The printout the browser makes (print media, the page's own @page size unless a format is given). */
export async function printToPdf(page: Page, format?: PaperFormat): Promise<Uint8Array> {
  await page.emulateMediaType('print');
  const pdf = await page.pdf({
    printBackground: true,
    preferCSSPageSize: format === undefined,
    ...(format ? { format } : {}),
  });
  await page.emulateMediaType(undefined);
  return pdf;
}

/** Runs a check with one browser, always closing it. */
export async function withChromium<T>(run: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = await launchChromium();
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}
