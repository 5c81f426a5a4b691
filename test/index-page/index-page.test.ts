/**
 * out/index.html from a manifest (src/pipeline/index-page/): every manifest entry listed and
 * linked, dataset text escaped (a `<script>` or `javascript:` in data prints as text), a CSP
 * that allows nothing but the page's own style sheet, and the same bytes from the same input.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { formatBytes, indexCsp, indexHtml } from '../../src/pipeline/index-page/html.js';
import { type IndexJob, indexPageOf } from '../../src/pipeline/index-page/rows.js';
import { INDEX_STYLE } from '../../src/pipeline/index-page/style.js';
import { coverSvg, coverThumbnail } from '../../src/pipeline/index-page/thumbnail.js';
import type { Manifest, ManifestOutput } from '../../src/pipeline/manifest.js';
import { escapeXml } from '../../src/text/xml.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HOSTILE = '<script>alert(1)</script> & "quotes"';

let dataset: Dataset;
beforeAll(async () => {
  const loaded = await loadDatasetFile(join(ROOT, 'data', 'korea-emerging-tech.yaml'));
  if (!loaded.dataset) throw new Error('the shipped dataset does not load');
  dataset = loaded.dataset;
});

function output(path: string, job: string, extra: Partial<ManifestOutput> = {}): ManifestOutput {
  const sha256 = createHash('sha256').update(path).digest('hex');
  return { path, job, bytes: path.length * 1000, sha256, key: 'k', inputs: {}, ...extra };
}

function manifestOf(outputs: ManifestOutput[], buildTime = '2025-07-15T00:00:00.000Z'): Manifest {
  return {
    manifestVersion: 1,
    briefkitVersion: '9.9.9',
    buildTime,
    inputFiles: {},
    outputs,
  };
}

const JOBS = new Map<string, IndexJob>([
  ['briefing', { format: 'pdf', model: 'briefing' }],
  ['deck', { format: 'pptx', model: 'deck' }],
  ['sector-x', { format: 'pdf', model: 'briefing', sectorId: 'x' }],
]);

const OUTPUTS = [
  output('briefing.pdf', 'briefing', { pages: 12, title: 'The briefing', subtitle: 'A subtitle' }),
  output('deck.pptx', 'deck', { slides: 9, title: 'The deck' }),
  output('sectors/x y#1.pdf', 'sector-x', { pages: 1, title: 'Sector X' }),
  output('charts/a.svg', 'chart:a'),
  output('charts/a.png', 'chart:a'),
  output('extra/notes.txt', 'something-else'),
];

function pageHtml(outputs: ManifestOutput[], data: Dataset = dataset): string {
  return indexHtml(
    indexPageOf({
      manifest: manifestOf(outputs),
      dataset: data,
      jobs: JOBS,
      chartTitles: new Map([['a', 'Chart A']]),
      thumbnails: new Map(),
    }),
  );
}

describe('the index page', () => {
  it('gives a build date only when it is not the as-of date the manifest falls back to', () => {
    const page = (buildTime: string) =>
      indexHtml(
        indexPageOf({
          manifest: manifestOf(OUTPUTS, buildTime),
          dataset,
          jobs: JOBS,
          chartTitles: new Map(),
          thumbnails: new Map(),
        }),
      );
    expect(page(`${dataset.meta.asOf}T00:00:00.000Z`)).not.toContain('Built');
    expect(page('2031-02-03T04:05:06.000Z')).toContain('Built');
  });

  it('lists and links every output of the manifest, with its size and sha256', () => {
    const html = pageHtml(OUTPUTS);
    for (const o of OUTPUTS) {
      const href = o.path.split('/').map(encodeURIComponent).join('/');
      expect(html, o.path).toContain(`href="${href}"`);
      expect(html, o.path).toContain(o.sha256);
      expect(html, o.path).toContain(formatBytes(o.bytes));
    }
    expect(html).toContain('12 pages');
    expect(html).toContain('9 slides');
    expect(html).toContain('The briefing');
    expect(html).toContain('Chart A');
  });

  it('shows the dataset’s edition, dates and every source', () => {
    const html = pageHtml(OUTPUTS);
    if (dataset.publication.edition) expect(html).toContain(dataset.publication.edition);
    for (const source of dataset.sources) expect(html).toContain(escapeXml(source.title));
    expect(html).toContain(`lang="${dataset.meta.language}"`);
  });

  it('escapes dataset and template text, and links no javascript: address', () => {
    const hostile = structuredClone(dataset) as Dataset;
    hostile.meta.title = HOSTILE;
    const first = hostile.sources[0];
    if (!first) throw new Error('the dataset has no source');
    first.title = HOSTILE;
    first.url = 'javascript:alert(1)';
    const html = pageHtml(
      [output('briefing.pdf', 'briefing', { title: HOSTILE, subtitle: HOSTILE })],
      hostile,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('allows no script: its CSP names only its own style sheet, by hash', () => {
    const html = pageHtml(OUTPUTS);
    const hash = createHash('sha256').update(INDEX_STYLE).digest('base64');
    expect(indexCsp()).toContain(`style-src 'sha256-${hash}'`);
    expect(indexCsp()).toMatch(/^default-src 'none';/);
    expect(html).toContain(`content="${indexCsp()}"`);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('is the same bytes from the same manifest, whatever the order of its entries', () => {
    expect(pageHtml([...OUTPUTS].reverse())).toBe(pageHtml(OUTPUTS));
  });
});

describe('the cover thumbnail', () => {
  const colours = {
    text: '#111111',
    muted: '#555555',
    background: '#FFFFFF',
    accent: '#0B3C5D',
    accentLight: '#E6EEF4',
    grid: '#DDDDDD',
    palette: ['#000000', '#111111', '#222222', '#333333'],
    target: '#D55E00',
  };

  it('is a PNG drawn the same way twice, shaped like the page or the slide', async () => {
    const a = await coverThumbnail({ shape: 'A4', colours });
    const b = await coverThumbnail({ shape: 'A4', colours });
    expect(a.src).toBe(b.src);
    expect(a.src).toMatch(/^data:image\/png;base64,/);
    expect(a.height).toBeGreaterThan(a.width);
    const slide = await coverThumbnail({ shape: 'slide', colours });
    expect(slide.height).toBeLessThan(slide.width);
  });

  it('draws the theme’s accent and the first chart when there is one', () => {
    const png = new Uint8Array([1, 2, 3]);
    const svg = coverSvg({ shape: 'A4', colours, chart: { png, width: 2, height: 1 } });
    expect(svg).toContain(colours.accent);
    expect(svg).toContain(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(coverSvg({ shape: 'A4', colours })).not.toContain('<image');
  });
});
