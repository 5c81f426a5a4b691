/**
 * A chart's shaped text in the PDF (src/render/pdf/svg-draw.ts): every glyph the shaper gives is
 * drawn, marks with no advance included (svg-to-pdfkit skipped them: "भंडारण" lost its anusvara,
 * Arabic its dots), and a Devanagari label carries its text as ActualText (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { parsedThemeFonts, registerFonts, svgFontCallback } from '../../../src/render/pdf/document-fonts.js';
import { newDocument, type PdfDoc } from '../../../src/render/pdf/pdfkit-slice.js';
import { drawChartSvg } from '../../../src/render/pdf/svg-draw.js';
import { svgTextInFaces } from '../../../src/render/pdf/svg-text.js';
import { defaultTheme, testFonts } from '../../support/theme.js';

/** The content operators drawing `label` as a chart's SVG text. */
async function drawn(label: string): Promise<{ ops: string[]; layoutGlyphs: number }> {
  const theme = await defaultTheme();
  const fonts = parsedThemeFonts(theme, testFonts);
  const doc: PdfDoc = newDocument({ autoFirstPage: false, bufferPages: true });
  registerFonts(doc, fonts);
  doc.addPage({ size: 'A4' });
  const ops: string[] = [];
  const write = doc.addContent.bind(doc);
  doc.addContent = (data: string) => {
    ops.push(data);
    return write(data);
  };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text x="10" y="20" font-family="Pretendard" font-size="11px">${label}</text></svg>`;
  const stack = fonts.stack;
  drawChartSvg(doc, svgTextInFaces(svg, stack), 0, 0, {
    width: 300,
    height: 40,
    fontCallback: svgFontCallback(doc),
    imageCallback: () => '',
    documentCallback: () => null,
    warningCallback: () => {},
  });
  const layoutGlyphs = stack.runs(label).reduce((n, run) => {
    const face = stack.faces[Math.max(0, run.face)];
    return n + (face ? face.regular().layout(run.text).glyphs.length : 0);
  }, 0);
  return { ops, layoutGlyphs };
}

const glyphsDrawn = (ops: readonly string[]) => ops.filter((op) => /^<[0-9a-f]+> Tj$/.test(op)).length;

describe('shaped chart text in the PDF', () => {
  it('draws the anusvara and every other mark of a Devanagari label, with its text as ActualText', async () => {
    const { ops, layoutGlyphs } = await drawn('भंडारण');
    expect(glyphsDrawn(ops)).toBe(layoutGlyphs);
    const actual = ops.find((op) => op.includes('/ActualText'));
    const utf16 = [...'भंडारण'].map((c) =>
      (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0'),
    );
    expect(actual).toBe(`/Span <</ActualText <FEFF${utf16.join('')}>>> BDC`);
  });

  it('draws the dots of an Arabic label (marks of no advance)', async () => {
    const { ops, layoutGlyphs } = await drawn('البحرية');
    expect(glyphsDrawn(ops)).toBe(layoutGlyphs);
  });
});
