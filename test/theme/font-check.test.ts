/**
 * The theme's font check probes each face without building its code point map
 * (src/adapters/fontkit.ts `probeAdvanceWidth`): the map of a fallback the build never draws in
 * (Noto Sans SC: ~30,000 code points, one cmap lookup each) was most of the theme check's time.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { fontInternals, probeAdvanceWidth } from '../../src/adapters/fontkit.js';
import { BuildFonts } from '../../src/theme/build-fonts.js';
import { fontFileProblem } from '../../src/theme/font-check.js';

const require = createRequire(import.meta.url);
const notoSc = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

describe('theme font check', () => {
  it('accepts a large face with a handful of cmap lookups, not one per code point', () => {
    const fonts = new BuildFonts();
    const font = fonts.open(notoSc);
    const lookup = vi.spyOn(fontInternals(font)._cmapProcessor, 'lookup');
    expect(fontFileProblem(notoSc, fonts)).toBeUndefined();
    expect(lookup.mock.calls.length).toBeGreaterThan(0);
    expect(lookup.mock.calls.length).toBeLessThan(10);
    lookup.mockRestore();
  });

  it('leaves a probed glyph to be settled on its first real use (its lowest ordinary code point)', () => {
    const font = new BuildFonts().open(notoSc);
    // The Kangxi radical ⽔ (U+2F54) and the ideograph 水 (U+6C34) share one glyph.
    const radical = 0x2f54;
    const ideograph = 0x6c34;
    expect(font.glyphForCodePoint(radical).id).toBe(font.glyphForCodePoint(ideograph).id);
    const fresh = new BuildFonts().open(notoSc);
    const width = probeAdvanceWidth(fresh, radical);
    expect(width).toBe(font.glyphForCodePoint(radical).advanceWidth);
    expect(fresh.glyphForCodePoint(radical).codePoints).toEqual([ideograph]);
  });
});
