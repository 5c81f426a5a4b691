import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BuildFonts } from '../../src/theme/build-fonts.js';

const require = createRequire(import.meta.url);
const file = require.resolve('pretendard/dist/public/static/alternative/Pretendard-Regular.ttf');

describe('the shared parsed font', () => {
  it('gives every glyph its own code point, whoever asked for it first', () => {
    // A fresh session: no other test touched this font.
    const font = new BuildFonts().open(file);
    // Outlines of composite glyphs fetch their components with no code points; pdfkit then
    // wrote those empty code points into ToUnicode (a lost comma in the extracted text).
    for (const char of ';:!?äöüéÄÖÜ₩…') void font.glyphForCodePoint(char.codePointAt(0) ?? 0).path;
    for (let gid = 1; gid < 400; gid++) void font.getGlyph(gid).path;
    const run = font.layout('a, b. c; d: é');
    const codePoints = run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('');
    expect(codePoints).toBe('a, b. c; d: é');
  });
});
