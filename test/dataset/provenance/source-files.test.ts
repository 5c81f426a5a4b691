/**
 * Sources as files: a quote is checked against a stored plain-text, Markdown, HTML or PDF
 * source; a page locator against the PDF's pages; a source file that cannot be read is an
 * error at the source's `file:` line, and a source without one is "not verifiable".
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { MAX_INPUT_BYTES } from '../../../src/input/read-file.js';

const SENTENCE = 'The Hydrogen Fund will spend over 5 billion euros by 2030.';

function dataset(file: string | undefined, cite: string): string {
  return [
    'meta: { id: t, title: T, country: Testland, language: en, asOf: 2025-01-01, author: A, currency: EUR }',
    'sources:',
    `  - { id: s, title: A report${file ? `, file: ${file}` : ''} }`,
    'sectors:',
    `  - { id: h, name: Hydrogen, summary: Hydrogen., cite: [${cite}] }`,
    'programs:',
    '  - id: fund',
    '    name: Hydrogen Fund',
    '    kind: fund',
    '    budget: { amount: 5, currency: EUR, scale: billion, qualifier: over }',
    `    cite: [${cite}]`,
    '',
  ].join('\n');
}

const quoted = (quote: string, locator?: string) =>
  `{ source: s, quote: ${JSON.stringify(quote)}${locator ? `, locator: ${JSON.stringify(locator)}` : ''} }`;

async function check(
  file: string | undefined,
  content: string | Uint8Array | undefined,
  cite = quoted(SENTENCE),
) {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-sources-'));
  mkdirSync(join(dir, 'sources'));
  if (file && content !== undefined) writeFileSync(join(dir, 'sources', file), content);
  const path = join(dir, 'data.yaml');
  writeFileSync(path, dataset(file, cite));
  return loadDatasetFile(path);
}

function pdf(pages: string[]): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const text of pages) {
      doc.addPage();
      if (text) doc.font('Helvetica').fontSize(11).text(text, 72, 72, { width: 400 });
      else doc.rect(72, 72, 100, 100).fill('#888888');
    }
    doc.end();
  });
}

describe('stored sources in each format', () => {
  it('plain text: the quote is found across its line breaks', async () => {
    const result = await check(
      'r.txt',
      `Intro.\n\nThe Hydrogen Fund will spend over\n5 billion euros by 2030. More.\n`,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance).toMatchObject({ quotes: 2, quotesFound: 2, figures: 1, figuresMatched: 1 });
  });

  it('Markdown: matched as written, emphasis and all', async () => {
    const text = '# Plan\n\n| fund | amount |\n|---|---|\n| Hydrogen | **€5 billion** |\n';
    const ok = await check('r.md', `${text}\n${SENTENCE}\n`, quoted('| Hydrogen | **€5 billion** |'));
    expect(ok.diagnostics.map((d) => d.code)).toEqual(['FIGURE_QUALIFIER']);
  });

  it('HTML: tags, scripts and comments removed, character references decoded', async () => {
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style></head><body>
      <script>var s = "${SENTENCE}";</script><!-- ${SENTENCE} -->
      <p>The <em>Hydrogen</em> Fund will spend over 5&nbsp;billion euros by&#32;2030.</p>
      <p>Japan&rsquo;s plan &amp; Korea&#x2019;s.</p></body></html>`;
    expect((await check('r.html', html)).diagnostics).toEqual([]);
    expect(
      (await check('r.html', html, quoted("Japan's plan & Korea's."))).diagnostics.map((d) => d.code),
    ).toEqual(['FIGURE_NOT_IN_QUOTE']);
    // The sentence is only in a script and a comment here: not text a reader sees.
    const hidden = html.replace(
      '<p>The <em>Hydrogen</em> Fund will spend over 5&nbsp;billion euros by&#32;2030.</p>',
      '',
    );
    expect((await check('r.html', hidden)).diagnostics.map((d) => d.code)).toEqual([
      'QUOTE_NOT_FOUND',
      'QUOTE_NOT_FOUND',
    ]);
  });

  it('PDF: the text layer, with its pages checked against a page locator', async () => {
    const bytes = await pdf(['A first page about something else.', SENTENCE]);
    expect((await check('r.pdf', bytes, quoted(SENTENCE, 'p. 2'))).diagnostics).toEqual([]);
    const off = await check('r.pdf', bytes, quoted(SENTENCE, 'p. 1'));
    expect(off.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['QUOTE_LOCATOR', 5, 'the quote is at p. 2 of its source, not p. 1'],
      ['QUOTE_LOCATOR', 11, 'the quote is at p. 2 of its source, not p. 1'],
    ]);
  });

  it('PDF: a quote not found is answered with the closest passage and its page', async () => {
    const bytes = await pdf(['A first page about something else.', SENTENCE]);
    const { diagnostics } = await check('r.pdf', bytes, quoted(SENTENCE.replace('spend', 'invest')));
    expect(diagnostics.map((d) => d.code)).toEqual(['QUOTE_NOT_FOUND', 'QUOTE_NOT_FOUND']);
    expect(diagnostics[0]?.hint).toContain(`did you mean: "${SENTENCE}" (p. 2 of the source)?`);
    expect(diagnostics[0]?.hint).toContain('The quote has "invest" where the source has "spend".');
  });

  it('an image-only PDF (a scan: the sentence as a picture) says it has no text layer', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="600" height="60" fill="#fff"/><text x="10" y="35" font-size="16" font-family="sans-serif">${SENTENCE}</text></svg>`;
    const png = new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
    const scan = await new Promise<Uint8Array>((resolve) => {
      const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.addPage();
      doc.image(Buffer.from(png), 72, 72, { width: 450 });
      doc.end();
    });
    const { diagnostics } = await check('scan.pdf', scan);
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['SOURCE_NO_TEXT', 3, 'sources[0].file'],
    ]);
    expect(diagnostics[0]?.message).toContain('no text layer');
    expect(diagnostics[0]?.hint).toContain('OCR');
  });

  it('a PDF without a text layer says so, at the source', async () => {
    const { diagnostics } = await check('scan.pdf', await pdf(['']));
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['SOURCE_NO_TEXT', 3, 'sources[0].file'],
    ]);
    expect(diagnostics[0]?.hint).toContain('.txt');
  });
});

describe('a stored source that cannot be read', () => {
  it.each([
    ['missing', 'gone.txt', undefined, 'FILE_NOT_FOUND'],
    ['binary', 'blob.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'FILE_NOT_UTF8'],
    ['not UTF-8', 'latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'FILE_NOT_UTF8'],
    ['not a PDF', 'fake.pdf', 'this is not a PDF', 'FILE_NOT_UTF8'],
    ['of an unknown kind', 'report.docx', 'text', 'DATA_INVALID_VALUE'],
  ])("%s: an error at the source's file: line with what to do", async (_, file, content, code) => {
    const { diagnostics, dataset } = await check(file, content);
    expect(dataset).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([[code, 3, 'sources[0].file']]);
    expect(diagnostics[0]?.message).toContain(file);
    expect(diagnostics[0]?.hint).toBeTruthy();
  });
});

describe('a huge stored source', () => {
  it('is refused before it is read, at the source line: FILE_TOO_LARGE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-sources-'));
    mkdirSync(join(dir, 'sources'));
    const big = join(dir, 'sources', 'big.txt');
    writeFileSync(big, SENTENCE);
    // Sparse: the size is what the guard sees first, nothing is written to disk.
    truncateSync(big, MAX_INPUT_BYTES + 1);
    writeFileSync(join(dir, 'data.yaml'), dataset('big.txt', quoted(SENTENCE)));
    const { diagnostics } = await loadDatasetFile(join(dir, 'data.yaml'));
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['FILE_TOO_LARGE', 3, 'sources[0].file'],
    ]);
    expect(diagnostics[0]?.message).toContain('big.txt');
    // What to do with a big source, not the dataset's own advice ("text written by hand").
    expect(diagnostics[0]?.hint).toMatch(/only the part|pages that hold the quotes/);
  });
});

describe('a stored source that reads but is not usable text', () => {
  it('UTF-16 text is named as UTF-16, with the advice to save it as UTF-8', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...SENTENCE].flatMap((c) => [c.charCodeAt(0), 0])]);
    const { diagnostics } = await check('wide.txt', utf16);
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['FILE_NOT_UTF8', 3, 'sources[0].file'],
    ]);
    expect(diagnostics[0]?.message).toContain('UTF-16');
    expect(diagnostics[0]?.hint).toContain('UTF-8');
  });

  it('an empty file is an error at the source, not a quote "not found" in it', async () => {
    const { diagnostics } = await check('empty.txt', '  \n\n');
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['SOURCE_NO_TEXT', 3, 'sources[0].file'],
    ]);
    expect(diagnostics[0]?.message).toContain('empty');
  });
});

describe('sources without a stored text, and computed figures', () => {
  it('a source without `file` is not verifiable: counted, its figures still checked against the quotes', async () => {
    const result = await check(undefined, undefined);
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance).toMatchObject({ notVerifiable: ['s'], quotesUnchecked: 2, figuresMatched: 1 });
    const wrong = await check(undefined, undefined, quoted('The Hydrogen Fund will spend 5 billion euros.'));
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(['FIGURE_QUALIFIER']);
  });

  it('a figure marked computed needs no quote of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-sources-'));
    const file = join(dir, 'data.yaml');
    const text = dataset(undefined, quoted('The fund was set up.'));
    writeFileSync(file, text);
    expect((await loadDatasetFile(file)).diagnostics.map((d) => d.code)).toEqual(['FIGURE_NOT_IN_QUOTE']);
    writeFileSync(
      file,
      text.replace('qualifier: over }', 'qualifier: over, computed: "the sum of the two tranches" }'),
    );
    const result = await loadDatasetFile(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance).toMatchObject({ figures: 1, figuresComputed: 1, figuresMatched: 0 });
  });
});
