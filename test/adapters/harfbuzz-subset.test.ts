/**
 * Upgrade test for src/adapters/harfbuzz-subset.ts: fails when harfbuzzjs's subsetter module
 * no longer exports what the adapter calls or subsets differently from what the deck needs.
 * After an upgrade, re-check the adapter, then update ADAPTER_CHECKED_AGAINST.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontSubsetter } from '../../src/adapters/harfbuzz-subset.js';
import { ADAPTER_CHECKED_AGAINST, versions } from './pinned.js';

const require = createRequire(import.meta.url);
const arabic = readFileSync(
  require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
);

describe('harfbuzz subset adapter (upgrade test)', () => {
  it('was checked against the installed and pinned harfbuzzjs', () => {
    expect(versions('harfbuzzjs')).toEqual({
      installed: ADAPTER_CHECKED_AGAINST.harfbuzzjs,
      pinned: ADAPTER_CHECKED_AGAINST.harfbuzzjs,
    });
  });

  it('keeps the characters asked for, the tables a viewer shapes with and the licence names', () => {
    const text = 'طاقة الرياح';
    const subset = new FontSubsetter().subset(
      arabic,
      [...text].map((c) => c.codePointAt(0) ?? 0),
    );
    expect(subset).toBeDefined();
    const font = fontkit.create(Buffer.from(subset ?? new Uint8Array())) as fontkit.Font;
    const original = fontkit.create(arabic) as fontkit.Font;
    for (const char of text) expect(font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(true);
    expect(font.hasGlyphForCodePoint('ب'.codePointAt(0) ?? 0)).toBe(false);
    const bytes = Buffer.from(subset ?? new Uint8Array());
    const tags = Array.from({ length: bytes.readUInt16BE(4) }, (_, i) =>
      bytes.toString('latin1', 12 + 16 * i, 16 + 16 * i),
    );
    for (const table of ['cmap', 'name', 'OS/2', 'GSUB', 'GPOS', 'glyf']) expect(tags).toContain(table);
    // The joining forms come along: more glyphs than characters.
    expect(font.numGlyphs).toBeGreaterThan(new Set(text).size);
    expect(font.numGlyphs).toBeLessThan(original.numGlyphs / 10);
    expect(font.getName('licenseURL', 'en')).toBe(original.getName('licenseURL', 'en'));
    expect(font.getName('licenseURL', 'en')).toMatch(/^https?:/);
  });

  it('gives the same bytes for the same input', () => {
    const codes = [...'الرياح'].map((c) => c.codePointAt(0) ?? 0);
    const a = new FontSubsetter().subset(arabic, codes);
    const b = new FontSubsetter().subset(arabic, codes);
    expect(Buffer.from(a ?? []).equals(Buffer.from(b ?? []))).toBe(true);
  });
});
