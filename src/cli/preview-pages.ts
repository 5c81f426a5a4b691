/**
 * What `briefkit preview` adds to what it serves, in the served copy only (the files in out/
 * stay script-free): the live-reload script, a link to it in each HTML page, and that page's
 * Content-Security-Policy rewritten to allow exactly it (`script-src 'self'` for the script,
 * `connect-src 'self'` for its event stream). Also the page shown while the last build failed:
 * its diagnostics (file:line:col, message, hint) instead of the stale outputs.
 */
import { createHash } from 'node:crypto';
import { type Diagnostic, formatPath } from '../diagnostics.js';
import { htmlHead } from '../text/html-head.js';
import { decodeEntities, escapeXml } from '../text/xml.js';

export const PREVIEW_PREFIX = '/__briefkit/';
export const EVENTS_PATH = `${PREVIEW_PREFIX}events`;
export const RELOAD_SCRIPT_PATH = `${PREVIEW_PREFIX}reload.js`;

/** Reloads the page when a build ends (succeeded: the new outputs; failed: its diagnostics). */
export const RELOAD_SCRIPT = `"use strict";
(function () {
  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("build", function () { location.reload(); });
})();
`;

const SCRIPT_TAG = `<script src="${RELOAD_SCRIPT_PATH}" defer></script>`;
const CSP_META =
  /<meta\s+http-equiv=(["'])content-security-policy\1\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>/i;

/** A CSP with `script-src` and `connect-src` set to 'self' (a repeated directive would be ignored). */
export function previewCsp(policy: string): string {
  const kept = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^(script-src|connect-src)(\s|$)/i.test(d));
  return [...kept, "script-src 'self'", "connect-src 'self'"].join('; ');
}

/** The served copy of an HTML page: its CSP allows the reload script, which it links. */
export function injectReload(html: string): string {
  const withCsp = html.replace(
    CSP_META,
    (_all, _quote: string, double: string | undefined, single: string | undefined) =>
      `<meta http-equiv="Content-Security-Policy" content="${escapeXml(previewCsp(decodeEntities(double ?? single ?? '')))}">`,
  );
  const head = /<\/head\s*>/i.exec(withCsp);
  if (!head) return `${SCRIPT_TAG}\n${withCsp}`;
  return `${withCsp.slice(0, head.index)}${SCRIPT_TAG}\n${withCsp.slice(head.index)}`;
}

const PAGE_STYLE = `body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  color: #1f2933; background: #fff; line-height: 1.5; }
h1 { color: #9b1c1c; font-size: 1.5rem; } code { font-size: 0.95rem; background: #f3f4f6; padding: 0 0.2rem; }
li { margin-bottom: 1rem; } .hint { color: #374151; margin: 0.25rem 0 0; }`;

function pageCsp(): string {
  const hash = createHash('sha256').update(PAGE_STYLE).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; script-src 'self'; connect-src 'self'`;
}

function page(title: string, body: string): string {
  const head = htmlHead({
    language: 'en',
    csp: pageCsp(),
    title,
    after: [`<style>${PAGE_STYLE}</style>`, SCRIPT_TAG],
  });
  return `${head}<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function placeOf(d: Diagnostic): string {
  if (!d.file) return '';
  return d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
}

function diagnosticItem(d: Diagnostic): string {
  const place = placeOf(d);
  const path = d.path ? `${escapeXml(typeof d.path === 'string' ? d.path : formatPath(d.path))}: ` : '';
  return `<li>${place ? `<code>${escapeXml(place)}</code> ` : ''}${escapeXml(d.severity)} ${escapeXml(d.code)}: ${path}${escapeXml(d.message)}${d.hint ? `<p class="hint">Hint: ${escapeXml(d.hint)}</p>` : ''}</li>`;
}

/** The page every request gets while the last build failed. */
export function failurePage(diagnostics: readonly Diagnostic[], message?: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const shown = errors.length > 0 ? errors : diagnostics;
  const list = shown.length > 0 ? `<ol>\n${shown.map(diagnosticItem).join('\n')}\n</ol>` : '';
  const extra = message ? `<pre>${escapeXml(message)}</pre>` : '';
  return page(
    'Build failed: briefkit preview',
    `<h1>The last build failed</h1>
<p>Nothing was published; out/ still holds the previous build, which is not shown. Fix the problems below: this page reloads when the next build ends.</p>
${list}${extra}`,
  );
}

/** The page shown before the first build has published anything. */
export function waitingPage(): string {
  return page(
    'Building: briefkit preview',
    '<h1>Building…</h1>\n<p>This page reloads when the build ends.</p>',
  );
}
