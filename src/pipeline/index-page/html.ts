/**
 * out/index.html from the page model (rows.ts): one self-contained file a team can put on an
 * intranet as it is. No script; a Content-Security-Policy meta tag allows nothing but its own
 * style sheet (by hash) and data: images (the thumbnails). Every text from the dataset, the
 * templates or the manifest goes through `escapeXml`, so `<script>` in a title prints as text;
 * a link is written only for an http(s) address. Same input, same bytes.
 */
import { createHash } from 'node:crypto';
import { isSafeLink } from '../../dataset/links.js';
import { htmlHead } from '../../text/html-head.js';
import { escapeXml } from '../../text/xml.js';
import type { IndexChartRow, IndexDocumentRow, IndexFileRow, IndexPage, IndexSource } from './rows.js';
import { INDEX_STYLE } from './style.js';

export { INDEX_FILE } from '../manifest.js';

const text = (value: string) => escapeXml(value);

/** A relative link to a file of out/: each segment percent-encoded (a space, `#`, `?`). */
function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function webLink(url: string, label: string): string {
  return isSafeLink(url) ? `<a href="${text(url)}" rel="noreferrer">${label}</a>` : label;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function lengthOf(row: IndexDocumentRow): string {
  if (row.pages !== undefined) return `${row.pages} page${row.pages === 1 ? '' : 's'}`;
  if (row.slides !== undefined) return `${row.slides} slide${row.slides === 1 ? '' : 's'}`;
  return '';
}

function documentRow(row: IndexDocumentRow): string {
  // The thumbnail repeats what the link says: decorative, so empty alt text.
  const picture = row.thumbnail
    ? `<img src="${row.thumbnail.src}" alt="" width="${row.thumbnail.width}" height="${row.thumbnail.height}">`
    : '';
  const sub = row.subtitle ? `<span class="sub">${text(row.subtitle)}</span>` : '';
  return `<tr>
<th scope="row"><div class="doc">${picture}<div><a class="name" href="${hrefOf(row.path)}">${text(row.title)}</a>${sub}<span class="kind">${text(row.path)}</span></div></div></th>
<td data-label="Kind">${text(row.kind)} <span class="kind">${text(row.format)}</span></td>
<td data-label="Length" class="num">${lengthOf(row)}</td>
<td data-label="Size" class="num">${formatBytes(row.bytes)}</td>
<td data-label="SHA-256"><code class="hash">${text(row.sha256)}</code></td>
</tr>`;
}

function documentsTable(rows: IndexDocumentRow[]): string {
  if (rows.length === 0) return '';
  return `<table class="outputs">
<caption>Each document of this edition, with its length, file size and SHA-256 checksum</caption>
<thead><tr><th scope="col">Document</th><th scope="col">Kind</th><th scope="col">Length</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${rows.map(documentRow).join('\n')}
</tbody>
</table>`;
}

function fileCells(file: IndexFileRow): string {
  return `<td data-label="File"><a href="${hrefOf(file.path)}">${text(file.path)}</a></td>
<td data-label="Size" class="num">${formatBytes(file.bytes)}</td>
<td data-label="SHA-256"><code class="hash">${text(file.sha256)}</code></td>`;
}

function chartRows(chart: IndexChartRow): string {
  return chart.files
    .map(
      (file) =>
        `<tr>\n<th scope="row">${text(chart.title)} <span class="kind">${text(file.format)}</span></th>\n${fileCells(file)}\n</tr>`,
    )
    .join('\n');
}

function filesTable(caption: string, first: string, body: string): string {
  if (body === '') return '';
  return `<table class="outputs">
<caption>${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col">File</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function sourceItem(source: IndexSource): string {
  const title = `<cite>${text(source.title)}</cite>`;
  const parts = [
    source.author ? text(source.author) : undefined,
    source.url ? webLink(source.url, title) : title,
    source.publisher ? text(source.publisher) : undefined,
    source.date ? text(source.date) : undefined,
  ].filter((p): p is string => p !== undefined);
  return `<li>${parts.join('. ')}.</li>`;
}

function header(page: IndexPage): string {
  const facts = page.facts
    .map(([label, value]) => `<div><dt>${text(label)}</dt><dd>${text(value)}</dd></div>`)
    .join('');
  const by = page.publisher
    ? `<p>${page.publisher.url ? webLink(page.publisher.url, text(page.publisher.name)) : text(page.publisher.name)}</p>`
    : '';
  return `<header>
${by}<h1>${text(page.title)}</h1>
${page.subtitle ? `<p class="subtitle">${text(page.subtitle)}</p>\n` : ''}<dl class="facts">${facts}</dl>
</header>`;
}

function footer(page: IndexPage): string {
  const lines = [
    page.licence
      ? `<p>Licence: ${page.licence.url ? webLink(page.licence.url, text(page.licence.name)) : text(page.licence.name)}.</p>`
      : '',
    page.contact ? `<p>Contact: ${text(page.contact)}</p>` : '',
    `<p>To check a download, compare its SHA-256 (for example <code>sha256sum briefing.pdf</code>) with the table. Made with briefkit ${text(page.briefkitVersion)}; <a href="manifest.json">manifest.json</a> lists every file with the inputs it was built from.</p>`,
  ];
  return `<footer>\n${lines.filter(Boolean).join('\n')}\n</footer>`;
}

/** The CSP: the style sheet by its hash, data: images, nothing else (no script, no request). */
export function indexCsp(): string {
  const hash = createHash('sha256').update(INDEX_STYLE).digest('base64');
  return `default-src 'none'; img-src data:; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}

export function indexHtml(page: IndexPage): string {
  const charts = filesTable('Charts, as SVG and PNG files', 'Chart', page.charts.map(chartRows).join('\n'));
  const others = filesTable(
    'Other files',
    'Kind',
    page.others.map((f) => `<tr>\n<th scope="row">${text(f.format)}</th>\n${fileCells(f)}\n</tr>`).join('\n'),
  );
  const sources =
    page.sources.length > 0
      ? `<h2 id="sources">Sources used</h2>\n<ol class="sources">\n${page.sources.map(sourceItem).join('\n')}\n</ol>\n${page.provenance ? `<p>${text(page.provenance)}</p>\n` : ''}`
      : '';
  const head = htmlHead({
    language: page.language,
    csp: indexCsp(),
    meta: [['referrer', 'no-referrer']],
    title: `${page.title}: documents`,
    after: [`<style>${INDEX_STYLE}</style>`],
  });
  return `${head}<body>
${header(page)}
<main>
<h2 id="documents">Documents</h2>
${documentsTable(page.documents)}
${charts ? `<h2 id="charts">Charts</h2>\n${charts}\n` : ''}${others ? `<h2 id="other-files">Other files</h2>\n${others}\n` : ''}${sources}</main>
${footer(page)}
</body>
</html>
`;
}
