import { describe, expect, it } from 'vitest';
import { missingGlyphs, parsedThemeFonts } from '../../../src/render/pdf/document-fonts.js';
import { ins, sampleCharts, sampleOnePager } from '../../fixtures/models/briefing.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme, render } from './read.js';

describe('glyph coverage', () => {
  it('the theme font covers Latin, Hangul, the won sign and the typography used', async () => {
    const fonts = parsedThemeFonts(await defaultTheme(), testFonts);
    expect(
      missingGlyphs(fonts, 'R&D ₩6.8 trillion 반도체·디스플레이 “quotes” — – … • ▲ ◆ ● ÷ ² ³ €'),
    ).toEqual([]);
  });

  it('reports characters the font cannot show instead of drawing boxes silently', async () => {
    const model = sampleOnePager();
    model.sections[0]?.blocks.push({ type: 'paragraph', children: ins('Music 𝄞 and a rocket 🚀.') });
    const { diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    const missing = diagnostics.filter((d) => d.code === 'RENDER_FAILED');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('U+1D11E');
    expect(missing[0]?.message).toContain('U+1F680');
  });
});
