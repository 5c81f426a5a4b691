/**
 * The index page's thumbnails let resvg's native memory go as they are drawn
 * (src/pipeline/index-page/write.ts `thumbnailsOf`): the collection hook runs once after each
 * document's thumbnail, with the chart looked up in the outputs, and the hook changes no byte.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverThumbnail } from '../../src/pipeline/index-page/thumbnail.js';
import { type ThumbnailDoc, thumbnailsOf } from '../../src/pipeline/index-page/write.js';
import type { ManifestOutput } from '../../src/pipeline/manifest.js';

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

const dir = mkdtempSync(join(tmpdir(), 'briefkit-thumbnails-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = (path: string, job: string): ManifestOutput => ({
  path,
  job,
  bytes: 1,
  sha256: 'x',
  key: 'k',
  inputs: {},
});

const doc = (id: string, chartIds: string[]): ThumbnailDoc => ({
  id,
  chartIds,
  job: { options: { variant: 'one-pager' } },
  model: { kind: 'briefing' },
});

describe('the index page’s thumbnails', () => {
  it('run the collection hook after each one, and draw the same bytes with or without it', async () => {
    // A real PNG to stand for a chart: a thumbnail's own.
    const png = Buffer.from(
      (await coverThumbnail({ shape: 'slide', colours })).src.split(',')[1] ?? '',
      'base64',
    );
    writeFileSync(join(dir, 'a.png'), png);
    const outputs = [output('charts/a.svg', 'chart:a'), output('charts/a.png', 'chart:a')];
    const docs = [doc('one', ['a']), doc('two', []), doc('three', ['a'])];
    const staging = { pathOf: (path: string) => join(dir, path.replace('charts/', '')) };
    const drawnAtEachCall: number[] = [];
    let thumbnailsSoFar = 0;
    const counted = await thumbnailsOf(
      staging,
      docs,
      outputs,
      { colours },
      {
        draw: async (input) => {
          thumbnailsSoFar++;
          return coverThumbnail(input);
        },
        afterEach: async () => {
          drawnAtEachCall.push(thumbnailsSoFar);
        },
      },
    );
    // One call after each drawing (the first and third documents share theirs).
    expect(drawnAtEachCall).toEqual([1, 2]);
    const plain = await thumbnailsOf(staging, docs, outputs, { colours }, { afterEach: async () => {} });
    expect([...counted.entries()]).toEqual([...plain.entries()]);
    // The chart is found: a document that places it has a different picture from one that does not.
    expect(counted.get('one')?.src).toBe(counted.get('three')?.src);
    expect(counted.get('one')?.src).not.toBe(counted.get('two')?.src);
  });
});
