import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chartRenumbering, dosTime } from '../../../src/render/pptx/package.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import { buildSample, DATE, defaultTheme, renderDeck } from './deck-helpers.js';

/** DOS date/time of every local file header in a zip: [time, date] pairs. */
function zipTimes(zip: Uint8Array): [number, number][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: [number, number][] = [];
  for (let i = 0; i + 30 <= zip.length; ) {
    if (view.getUint32(i, true) !== 0x04034b50) break;
    out.push([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]);
    const size = view.getUint32(i + 18, true);
    i += 30 + view.getUint16(i + 26, true) + view.getUint16(i + 28, true) + size;
  }
  return out;
}

const DOS_2025_07_15 = ((2025 - 1980) << 9) | (7 << 5) | 15;

describe('reproducible bytes', () => {
  it('gives identical bytes for two builds of the same deck', async () => {
    const a = await buildSample();
    const b = await buildSample();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('does not depend on how many decks (and charts) the process built before', async () => {
    const theme = await defaultTheme();
    const first = await buildSample();
    // Another deck with its own charts advances pptxgenjs' module-global chart counter.
    const other = sampleDeck();
    other.meta.title = 'Another deck';
    await renderDeck(other, sampleCharts(theme), theme, {
      fonts: testFonts,
      date: new Date('2024-01-02T03:04:05Z'),
    });
    const again = await buildSample();
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Object.keys(unzipSync(again)).filter((n) => n.startsWith('ppt/charts/chart'))).toEqual([
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
    ]);
  });

  it('does not depend on the time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await buildSample();
      process.env.TZ = 'America/Adak';
      const west = await buildSample();
      expect(Buffer.from(east).equals(Buffer.from(west))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('stamps every zip entry, outer and in the chart workbooks, with the build date', async () => {
    const bytes = await buildSample();
    const outer = zipTimes(bytes);
    expect(outer.length).toBe(Object.keys(unzipSync(bytes)).length);
    for (const [time, date] of outer) expect([time, date]).toEqual([0, DOS_2025_07_15]);
    const books = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith('.xlsx'));
    expect(books).toHaveLength(2);
    for (const [, book] of books) {
      for (const [time, date] of zipTimes(book)) expect([time, date]).toEqual([0, DOS_2025_07_15]);
      const core = new TextDecoder().decode(unzipSync(book)['docProps/core.xml']);
      expect(core).toContain('>2025-07-15T00:00:00Z</dcterms:created>');
    }
  });

  it('compresses the package and stays under 2 MB', async () => {
    const bytes = await buildSample();
    const raw = Object.values(unzipSync(bytes)).reduce((sum, d) => sum + d.length, 0);
    expect(bytes.length).toBeLessThan(raw * 0.6);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('renumbers chart parts 1..n in ascending order', () => {
    const map = chartRenumbering([
      'ppt/charts/chart23.xml',
      'ppt/charts/chart9.xml',
      'ppt/slides/slide1.xml',
    ]);
    expect([...map]).toEqual([
      ['9', '1'],
      ['23', '2'],
    ]);
  });

  it('builds DOS times from UTC fields', () => {
    const d = dosTime(new Date('2025-07-15T23:30:10Z'));
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2025, 6, 15, 23, 30,
    ]);
    expect(dosTime(new Date('1970-01-01T00:00:00Z')).getFullYear()).toBe(1980);
    expect(DATE.toISOString()).toBe('2025-07-15T00:00:00.000Z');
  });
});
