import { describe, expect, it } from 'vitest';
import { outlineSvgText } from '../../src/charts/glyph-outlines.js';
import { defaultTheme, testFonts } from '../support/theme.js';

const fonts = testFonts.stack(await defaultTheme());
const primary = fonts.faces[0] ?? expect.unreachable('the theme has a primary face');

const translations = (svg: string) =>
  [...svg.matchAll(/<path transform="translate\(([-\d.]+),([-\d.]+)\)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);

describe('text as glyph outlines for the PNG', () => {
  it('draws one path per inked glyph, keeping the transform, fill and opacity', () => {
    const out = outlineSvgText(
      '<svg><text text-anchor="start" transform="translate(5,9)" font-size="10px" fill="#123456" opacity="0.5" role="x">A B</text></svg>',
      fonts,
    );
    expect(out).not.toContain('<text');
    expect(out).toContain('<g transform="translate(5,9)" fill="#123456" opacity="0.5">');
    expect(out).not.toContain('role=');
    expect(translations(out)).toHaveLength(2); // the space has no outline
  });

  it('anchors middle and end on the advance width, as vega measured it', () => {
    const width =
      [...'Semiconductors'].reduce(
        (sum, c) => sum + primary.regular().glyphForCodePoint(c.codePointAt(0) ?? 0).advanceWidth,
        0,
      ) *
      (11 / primary.regular().unitsPerEm);
    const first = (anchor: string) =>
      translations(
        outlineSvgText(`<text text-anchor="${anchor}" font-size="11px">Semiconductors</text>`, fonts),
      )[0]?.[0];
    expect(first('start')).toBe(0);
    expect(first('middle')).toBeCloseTo(-width / 2, 2);
    expect(first('end')).toBeCloseTo(-width, 2);
  });

  it('stacks tspans by their dy, decodes entities and uses the bold face when asked', () => {
    const out = outlineSvgText(
      '<text font-size="10px" font-weight="bold"><tspan>R&amp;D</tspan><tspan x="0" dy="13">&#xD55C;</tspan></text>',
      fonts,
    );
    expect(translations(out).map(([, y]) => y)).toEqual([0, 0, 0, 13]);
    const boldR = primary.bold().glyphForCodePoint(0x52).path.toSVG();
    expect(out).toContain(boldR);
    expect(out).toContain(primary.bold().glyphForCodePoint(0xd55c).path.toSVG());
  });

  it('drops empty self-closing text without swallowing what follows', () => {
    const out = outlineSvgText('<g><text font-size="9px"/><rect/><text font-size="9px">x</text></g>', fonts);
    expect(out.startsWith('<g><rect/><g>')).toBe(true);
    expect(out.endsWith('</g></g>')).toBe(true);
  });
});
