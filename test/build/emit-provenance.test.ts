/**
 * `--emit provenance`: out/provenance.json, published with the outputs, lists every figure of
 * the dataset with its citations and where each output prints it; the manifest carries the
 * provenance summary. Pages are checked with poppler's pdftotext, an extractor independent of
 * the one the build uses; every slide showing a figure has its quote in the speaker notes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProvenanceFile } from '../../src/pipeline/emit-provenance.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { buildIn, builtProject, cli, snapshot } from './project.js';

const read = <T>(dir: string, file: string): T =>
  JSON.parse(readFileSync(join(dir, 'out', file), 'utf8')) as T;
const digits = (text: string) => text.replace(/\s+/gu, ' ');

describe('--emit provenance', () => {
  it('publishes out/provenance.json with every figure, its citations and its pages and slides', async () => {
    const dir = builtProject();
    const before = snapshot(dir);
    const result = cli(dir, ['build', '--emit', 'provenance', '--jobs', '1']);
    expect(result.status, result.stderr).toBe(0);
    const manifest = read<Manifest>(dir, 'manifest.json');
    const provenance = read<ProvenanceFile>(dir, 'provenance.json');
    // The outputs themselves are the ones the plain build made.
    const after = snapshot(dir);
    for (const [path, hash] of before) if (!/manifest\.json$/.test(path)) expect(after.get(path)).toBe(hash);
    expect(manifest.provenance).toMatchObject({ file: 'provenance.json', notVerifiable: [] });
    // Every quote of the shipped dataset is found in its source.
    expect(manifest.provenance?.quotes).toBeGreaterThan(40);
    expect(manifest.provenance?.quotesFound).toBe(manifest.provenance?.quotes);
    expect(manifest.provenance?.figuresPrinted).toBe(
      provenance.figures.filter((f) => f.appears.length > 0).length,
    );
    expect(provenance.figures.length).toBeGreaterThanOrEqual(11);
    const pages = new Map(manifest.outputs.map((o) => [o.path, o.pages ?? o.slides ?? 0]));
    for (const figure of provenance.figures) {
      expect(figure.citations.length, figure.record).toBeGreaterThan(0);
      for (const c of figure.citations) expect(c.quote).toBeTruthy();
      for (const at of figure.appears) {
        const place = at.page ?? at.slide ?? 0;
        expect(place).toBeGreaterThanOrEqual(1);
        expect(place).toBeLessThanOrEqual(pages.get(at.file) ?? 0);
        if (at.page !== undefined) {
          const text = spawnSync(
            'pdftotext',
            ['-f', `${at.page}`, '-l', `${at.page}`, join(dir, 'out', at.file), '-'],
            {
              encoding: 'utf8',
            },
          ).stdout;
          const number = /[\d.,]+/u.exec(figure.printed)?.[0] ?? '';
          expect(digits(text), `${figure.printed} on ${at.file} p. ${at.page}`).toContain(number);
        }
        // The deck's speaker notes give the quote of every figure a slide shows.
        if (at.slide !== undefined)
          expect(at.notesQuote, `${figure.printed} on slide ${at.slide}`).toBe(true);
      }
    }
    // The headline figure is printed in the briefing and the deck.
    const printed = provenance.figures.filter((f) => f.appears.some((a) => a.document === 'briefing'));
    expect(printed.length).toBeGreaterThan(5);
    expect(provenance.figures.some((f) => f.appears.some((a) => a.document === 'deck'))).toBe(true);

    // A build without it drops the file (it would describe other outputs) and keeps the summary.
    const plain = await buildIn(dir, { force: false });
    expect(plain.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(join(dir, 'out', 'provenance.json'))).toBe(false);
    const summary = read<Manifest>(dir, 'manifest.json').provenance;
    expect(summary?.quotes).toBeGreaterThan(40);
    expect(summary?.quotesFound).toBe(summary?.quotes);
    expect(summary?.file).toBeUndefined();
  });

  it('is refused with --shard: it lists every output of a whole build (exit 2)', () => {
    const dir = builtProject();
    const result = cli(dir, ['build', '--emit', 'provenance', '--shard', '1/2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--shard');
  });
});
