/**
 * Real HTML and PDF sources: the Japan fixture stores The Japan Times article as its web page
 * (head, navigation, article, scripts and styles) and the Cabinet Office frame as a two-page PDF
 * (made offline by test/fixtures/sources/japan/make-cao-pdf.mjs). The fixture validates clean with
 * them; a quote is found in the article's text only (not in a script or a style), and a PDF
 * quote's page locator is checked against the PDF's pages.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
const SOURCES = join(ROOT, 'test', 'fixtures', 'sources', 'japan');
const HTML = 'japantimes-2025-05-ai-law.html';
const PDF = 'cao-2024-11-ai-semiconductor-frame.pdf';

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not in the dataset: ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** The fixture over a copy of its sources, the dataset and one source file changed. */
function japan(
  change: (text: string) => string = (t) => t,
  source?: { file: string; change: (text: string) => string },
) {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-fixture-sources-'));
  cpSync(SOURCES, join(dir, 'sources'), { recursive: true });
  if (source) {
    const path = join(dir, 'sources', source.file);
    writeFileSync(path, source.change(readFileSync(path, 'utf8')));
  }
  const text = change(readFileSync(JAPAN, 'utf8')).replace(
    'sourceFolder: ../sources/japan',
    'sourceFolder: sources',
  );
  const file = join(dir, 'japan.yaml');
  writeFileSync(file, text);
  return { file, text };
}

describe('the Japan fixture with an HTML and a PDF source', () => {
  it('names them as its stored files and validates clean, every quote found', async () => {
    const original = readFileSync(JAPAN, 'utf8');
    expect(original).toContain(`file: ${HTML}`);
    expect(original).toContain(`file: ${PDF}`);
    const result = await loadDatasetFile(JAPAN);
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance?.quotesFound).toBe(result.provenance?.quotes);
    expect(result.sourceFiles).toEqual(expect.arrayContaining([join(SOURCES, HTML), join(SOURCES, PDF)]));
  });

  it('HTML: a sentence changed in the article is not found, though a script and a style still hold it', async () => {
    const sentence = 'Parliament on Wednesday enacted a bill to establish a new law';
    const { file, text } = japan(undefined, {
      file: HTML,
      change: (html) =>
        html.replace(`<p>${sentence}`, '<p>Parliament on Wednesday passed a bill to establish a new law'),
    });
    const html = readFileSync(join(SOURCES, HTML), 'utf8');
    expect(html.split(sentence).length).toBeGreaterThan(2);
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['QUOTE_NOT_FOUND', lineOf(text, `          ${sentence}`) - 1],
    ]);
    expect(diagnostics[0]?.hint).toContain('passed a bill');
  });

  it('PDF: the quote is on page 2, so "p. 1" is QUOTE_LOCATOR at the locator, naming p. 2', async () => {
    const { file, text } = japan((t) => t.replace('        locator: p. 2\n', '        locator: p. 1\n'));
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['QUOTE_LOCATOR', lineOf(text, 'locator: p. 1')],
    ]);
    expect(diagnostics[0]?.hint).toContain('p. 2');
  });

  it('PDF: a quote changed is not found, with the closest passage and its page', async () => {
    const { file } = japan((t) => t.replace('等として4兆円以上(金融支援)', '等として5兆円以上(金融支援)'));
    const { diagnostics } = await loadDatasetFile(file);
    const notFound = diagnostics.filter((d) => d.code === 'QUOTE_NOT_FOUND');
    expect(notFound).toHaveLength(1);
    expect(notFound[0]?.hint).toContain('p. 2 of the source');
  });
});
