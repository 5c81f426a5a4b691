/**
 * Rasterised pages (pdftoppm): none is blank, and the cover matches a reviewed reference
 * image within a tolerance. `UPDATE_GOLDEN=1` rewrites the reference; look at it first
 * (pdftoppm -png of the same page) before committing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleBriefing, sampleCharts } from '../../fixtures/models/briefing.js';
import { endToEndTools } from '../tools.js';
import { render } from './read.js';

const REFERENCE = join(import.meta.dirname, 'reference', 'cover.pgm');

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Binary PGM (P5), as `pdftoppm -gray` writes it. */
function parsePgm(bytes: Buffer): Gray {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error('not a binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return {
    width,
    height,
    pixels: new Uint8Array(bytes.subarray(match[0].length, match[0].length + width * height)),
  };
}

function rasterise(pdf: Uint8Array, dpi: number): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-raster-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), join(dir, 'doc.pdf'), join(dir, 'p')]);
  const pages: Gray[] = [];
  for (let n = 1; n < 100; n++) {
    const file = [join(dir, `p-${n}.pgm`), join(dir, `p-${String(n).padStart(2, '0')}.pgm`)].find(existsSync);
    if (!file) break;
    pages.push(parsePgm(readFileSync(file)));
  }
  return pages;
}

const inked = (page: Gray) => page.pixels.filter((v) => v < 200).length / page.pixels.length;

describe('rasterised pages', () => {
  const run = endToEndTools('the raster tests', 'pdftoppm') ? it : it.skip;

  run('no page is blank and the cover matches the reviewed reference', async () => {
    const { bytes } = await render(sampleBriefing(), sampleCharts());
    const pages = rasterise(bytes, 20);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(inked(page), `page ${i + 1} has ink`).toBeGreaterThan(0.01);
    });
    const cover = pages[0];
    if (!cover) throw new Error('no cover');
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(join(import.meta.dirname, 'reference'), { recursive: true });
      writeFileSync(
        REFERENCE,
        Buffer.concat([Buffer.from(`P5\n${cover.width} ${cover.height}\n255\n`), cover.pixels]),
      );
    }
    const reference = parsePgm(readFileSync(REFERENCE));
    expect([cover.width, cover.height]).toEqual([reference.width, reference.height]);
    let diff = 0;
    cover.pixels.forEach((v, i) => {
      diff += Math.abs(v - (reference.pixels[i] ?? 0));
    });
    // Mean absolute difference per pixel, 0–255: text reflow or a moved box exceeds 2.
    expect(diff / cover.pixels.length).toBeLessThan(2);
  });
});
