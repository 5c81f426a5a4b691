/**
 * Where `--emit provenance` says a figure appears: read from the written PDF's pages, a figure
 * is found as a whole figure only (not the "150 billion" of "1,150 billion"), and a figure
 * without a qualifier is not the end of another record's "up to €150 billion".
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import { provenanceOf } from '../../src/pipeline/emit-provenance.js';
import type { ManifestOutput } from '../../src/pipeline/manifest.js';

function pdf(pages: string[]): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const text of pages) {
      doc.addPage();
      doc.font('Helvetica').fontSize(11).text(text, 72, 72, { width: 400 });
    }
    doc.end();
  });
}

const DATASET = [
  'meta: { id: t, title: T, country: Testland, language: en, asOf: 2025-01-01, author: A, currency: EUR }',
  'sources:',
  '  - { id: a, title: Report A }',
  'sectors:',
  '  - { id: h, name: Hydrogen, summary: Hydrogen., cite: [{ source: a, quote: "Hydrogen." }] }',
  'investments:',
  '  - { id: fund, label: Fund, year: 2024, status: allocated, amount: { amount: 150, currency: EUR, scale: billion }, cite: [{ source: a, quote: "In 2024 the fund was given 150 billion euros.", locator: "p. 4" }] }',
  '  - { id: cap, label: Cap, year: 2024, status: allocated, amount: { amount: 150, currency: EUR, scale: billion, qualifier: up-to }, cite: [{ source: a, quote: "In 2024 aid of up to 150 billion euros was approved." }] }',
  '',
].join('\n');

describe('where a figure appears', () => {
  it('finds each figure on its own pages, with its citations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-emit-provenance-'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'data.yaml'), DATASET);
    const loaded = await loadDatasetFile(join(dir, 'data.yaml'));
    if (!loaded.dataset || !loaded.provenance) throw new Error(JSON.stringify(loaded.diagnostics));
    const bytes = await pdf([
      'The cap: up to €150 billion in 2024.',
      'The fund: €150 billion in 2024. The plan: €1,150 billion.',
      'Nothing here but €1,150 billion and €150 billions of words.',
    ]);
    writeFileSync(join(dir, 'out', 'b.pdf'), bytes);
    const outputs = [{ path: 'b.pdf', job: 'briefing' } as ManifestOutput];
    const file = await provenanceOf(loaded.dataset, loaded.provenance, outputs, (p) => join(dir, 'out', p));
    const where = Object.fromEntries(file.figures.map((f) => [f.record, f.appears.map((a) => a.page)]));
    expect(where).toEqual({ 'investments/fund': [2], 'investments/cap': [1] });
    const fund = file.figures.find((f) => f.record === 'investments/fund');
    expect(fund).toMatchObject({
      path: 'investments[0].amount',
      printed: '€150 billion',
      citations: [
        {
          source: 'a',
          title: 'Report A',
          quote: 'In 2024 the fund was given 150 billion euros.',
          locator: 'p. 4',
        },
      ],
    });
  });
});
