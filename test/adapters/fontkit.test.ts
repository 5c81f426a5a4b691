/**
 * Upgrade test for src/adapters/fontkit.ts: fails when fontkit's internals the adapter relies
 * on change. After a fontkit upgrade, re-check the adapter, then update ADAPTER_CHECKED_AGAINST.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontSession, fontInternals, fontTableExtents, openFont } from '../../src/adapters/fontkit.js';
import { ADAPTER_CHECKED_AGAINST, versions } from './pinned.js';

const require = createRequire(import.meta.url);
const bytes = readFileSync(
  require.resolve('pretendard/dist/public/static/alternative/Pretendard-Regular.ttf'),
);

/** A font straight from fontkit, without the adapter's patch. */
function rawFont(): fontkit.Font {
  return fontkit.create(Buffer.from(bytes)) as fontkit.Font;
}

describe('fontkit adapter (upgrade test)', () => {
  it('was checked against the installed and pinned fontkit', () => {
    expect(versions('fontkit')).toEqual({
      installed: ADAPTER_CHECKED_AGAINST.fontkit,
      pinned: ADAPTER_CHECKED_AGAINST.fontkit,
    });
  });

  it('finds _cmapProcessor.lookup, agreeing with glyphForCodePoint', () => {
    const font = rawFont();
    const cmap = fontInternals(font)._cmapProcessor;
    expect(typeof cmap?.lookup).toBe('function');
    for (const char of 'a,한₩') {
      const code = char.codePointAt(0) ?? 0;
      expect(cmap.lookup(code)).toBe(font.glyphForCodePoint(code).id);
    }
  });

  it('finds the table directory with every table inside the file', () => {
    const tables = fontTableExtents(rawFont());
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      expect(Number.isInteger(table.offset) && Number.isInteger(table.length)).toBe(true);
      expect(table.offset + table.length).toBeLessThanOrEqual(bytes.length);
    }
  });

  it('routes glyphForCodePoint and layout through this.getGlyph, with writable codePoints', () => {
    const font = rawFont();
    const asked: number[] = [];
    const original = font.getGlyph.bind(font);
    font.getGlyph = (id: number, codePoints?: number[]) => {
      asked.push(id);
      return original(id, codePoints);
    };
    const glyph = font.glyphForCodePoint(0x61);
    expect(asked).toContain(glyph.id);
    asked.length = 0;
    const run = font.layout('ab');
    expect(asked.length).toBeGreaterThanOrEqual(run.glyphs.length);
    expect(Array.isArray(glyph.codePoints)).toBe(true);
    glyph.codePoints = [0x62];
    expect(font.getGlyph(glyph.id).codePoints).toEqual([0x62]);
  });

  it('settles every mapped glyph on its lowest code point, whoever asks first', () => {
    const font = openFont(Buffer.from(bytes));
    const comma = font.glyphForCodePoint(0x2c).id;
    expect(font.getGlyph(comma, []).codePoints).toEqual([0x2c]);
  });

  it('parses each font once per session, and sessions are separate', () => {
    const key = Buffer.from(bytes);
    const one = new FontSession();
    const two = new FontSession();
    expect(one.open(key)).toBe(one.open(key));
    expect(two.open(key)).not.toBe(one.open(key));
  });
});
