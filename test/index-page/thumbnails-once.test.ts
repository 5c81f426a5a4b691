/**
 * The index page draws one cover thumbnail per distinct drawing (src/pipeline/index-page/write.ts
 * `thumbnailsOf`): the briefing, its companion and its HTML edition open with the same chart on
 * the same page shape, and one-pagers without a chart all draw the bare schematic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverInput } from '../../src/pipeline/index-page/thumbnail.js';
import { thumbnailsOf } from '../../src/pipeline/index-page/write.js';
import type { PlannedDocument } from '../../src/pipeline/jobs.js';
import type { ManifestOutput } from '../../src/pipeline/manifest.js';
import { defaultTheme } from '../support/theme.js';

/** The fields thumbnailsOf reads of a planned document. */
function doc(id: string, kind: 'briefing' | 'deck', chartIds: string[]): PlannedDocument {
  const planned = { id, chartIds, model: { kind }, job: { options: { pageSize: 'A4' } } };
  return planned as unknown as PlannedDocument;
}

function output(path: string, job: string): ManifestOutput {
  return { path, job, bytes: 1, sha256: '0'.repeat(64), key: 'k', inputs: {} };
}

describe('cover thumbnails', () => {
  it('draws each distinct shape and first chart once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-thumbs-'));
    // Enough of a PNG for its IHDR size: width 40, height 20 at bytes 16–23.
    const png = Buffer.alloc(24);
    png.writeUInt32BE(40, 16);
    png.writeUInt32BE(20, 20);
    writeFileSync(join(dir, 'a.png'), png);
    const drawn: CoverInput[] = [];
    const thumbnails = await thumbnailsOf(
      { pathOf: (path) => join(dir, path) },
      [
        doc('briefing', 'briefing', ['a']),
        doc('evidence', 'briefing', ['a']),
        doc('one-ai', 'briefing', []),
        doc('one-quantum', 'briefing', []),
        doc('deck', 'deck', ['a']),
      ],
      [output('a.png', 'chart:a')],
      await defaultTheme(),
      {
        draw: async (input) => {
          drawn.push(input);
          return { src: `data:${drawn.length}`, width: 72, height: 100 };
        },
      },
    );
    expect(drawn.map((d) => [d.shape, d.chart?.width ?? null])).toEqual([
      ['A4', 40],
      ['A4', null],
      ['slide', 40],
    ]);
    expect(thumbnails.get('evidence')).toBe(thumbnails.get('briefing'));
    expect(thumbnails.get('one-quantum')).toBe(thumbnails.get('one-ai'));
    expect(thumbnails.get('deck')?.src).toBe('data:3');
  });
});
