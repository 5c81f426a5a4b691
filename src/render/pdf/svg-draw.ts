/**
 * A chart's SVG drawn into the PDF by svg-to-pdfkit, with two repairs for shaped scripts
 * (Devanagari, Arabic…), whose text svg-to-pdfkit draws glyph by glyph:
 *
 * - Marks are drawn, where the shaper puts them. svg-to-pdfkit skips every glyph whose advance width is zero, and the
 *   marks a shaper positions (Devanagari's anusvara and reph, Arabic's dots in Noto Sans Arabic)
 *   have none: "भंडारण" was drawn "भडारण". Such a glyph is reported with a width too small to
 *   move anything (its position comes from its offsets and the advances, not its width), and
 *   its vertical offset is turned to the SVG's downward y.
 * - The text is extractable. A shaped word's glyphs are in visual order (the i-matra before
 *   its consonant), conjuncts are one glyph, and a glyph shared by two letters (Arabic teh
 *   marbuta's final form drawn as heh with dots) maps to one of them in ToUnicode: pdftotext
 *   gave back "िग्रड" for "ग्रिड". Each text object holding a shaped script is wrapped in a
 *   `/Span` marked-content sequence with its text as `ActualText` (ISO 32000-1, 14.9.4), in
 *   logical order. Text of other scripts is written exactly as before.
 */
import { type EncodedPosition, wrapFontEncode } from '../../adapters/pdfkit.js';
import { hasRightToLeft } from '../../text/runs.js';
import { drawSvg, type PdfDoc, type SvgOptions } from './pdfkit-slice.js';

/** A zero-advance glyph's reported width: non-zero for svg-to-pdfkit, nothing on the page. */
const MARK_WIDTH = 1e-6;
/** Scripts whose glyphs a shaper reorders, joins or marks (Hebrew through Myanmar, Arabic forms). */
const SHAPED =
  /[\u0590-\u08FF\u0900-\u0DFF\u0E00-\u0EFF\u0F00-\u0FFF\u1000-\u109F\u1780-\u17FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Glyphs per text object beyond which its text is not searched for (a chart label is short). */
const MAX_GLYPHS = 400;

/** `text` as a PDF text string: UTF-16BE with a byte-order mark, in hex. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** What each encoded word was, by font and glyph sequence. */
class EncodedWords {
  private readonly words = new Map<string, string>();

  record(fontId: string, glyphs: readonly string[], text: string): void {
    if (glyphs.length > 0) this.words.set(`${fontId}:${glyphs.join(' ')}`, text);
  }

  /** The text of a glyph sequence, as the words encoded into it (longest first); undefined if unknown. */
  textOf(fontId: string, glyphs: readonly string[]): string | undefined {
    if (glyphs.length === 0 || glyphs.length > MAX_GLYPHS) return undefined;
    let text = '';
    let i = 0;
    while (i < glyphs.length) {
      let found = false;
      for (let end = glyphs.length; end > i; end--) {
        const word = this.words.get(`${fontId}:${glyphs.slice(i, end).join(' ')}`);
        if (word === undefined) continue;
        text += word;
        i = end;
        found = true;
        break;
      }
      if (!found) return undefined;
    }
    return text;
  }
}

/**
 * The text object's text in logical order. svg-text.ts writes a right-to-left run's words in
 * reverse (svg-to-pdfkit places words left to right): reversed again here.
 */
function logical(drawn: string): string {
  return hasRightToLeft(drawn) && !/[A-Za-z0-9]/.test(drawn) ? drawn.split(/( +)/).reverse().join('') : drawn;
}

const TJ = /^<([0-9a-f]+)> Tj$/i;
const TF = /^\/(\S+) [\d.]+ Tf$/;

/** Buffers each BT…ET svg-to-pdfkit writes, and writes it back, wrapped in ActualText when shaped. */
function interceptText(doc: PdfDoc, words: EncodedWords): () => void {
  const original = doc.addContent;
  let buffer: string[] | undefined;
  const write = (data: string) => original.call(doc, data);
  doc.addContent = function addContent(data: string) {
    if (buffer === undefined) {
      if (data !== 'BT') return write(data);
      buffer = [data];
      return this;
    }
    buffer.push(data);
    if (data !== 'ET') return this;
    const lines = buffer;
    buffer = undefined;
    const fontId = lines.map((l) => TF.exec(l)?.[1]).find((id) => id !== undefined) ?? '';
    const glyphs = lines.flatMap((l) => TJ.exec(l)?.[1] ?? []);
    const text = words.textOf(fontId, glyphs);
    const actual = text !== undefined && SHAPED.test(text) && !hasRightToLeft(text);
    if (actual) write(`/Span <</ActualText ${pdfTextString(logical(text))}>> BDC`);
    for (const line of lines) write(line);
    if (actual) write('EMC');
    return this;
  };
  return () => {
    // The instance's own property goes: the prototype's method is pdfkit's again.
    delete (doc as Partial<PdfDoc>).addContent;
  };
}

/** Whether svg-to-pdfkit would drop or misplace the glyph (see `forSvgToPdfkit`). */
const needsRepair = (p: EncodedPosition) => p.advanceWidth === 0 || p.yOffset !== 0;

/**
 * A position as svg-to-pdfkit must see it: a mark's zero width made non-zero (else it is not
 * drawn), and the vertical offset negated, since svg-to-pdfkit adds a shaper's offset (up, in
 * font space) to an SVG y (down): an Arabic dot raised by the font was drawn lower.
 */
const forSvgToPdfkit = (p: EncodedPosition): EncodedPosition =>
  needsRepair(p)
    ? { ...p, advanceWidth: p.advanceWidth === 0 ? MARK_WIDTH : p.advanceWidth, yOffset: -p.yOffset }
    : p;

/** drawSvg (pdfkit.ts) with marks drawn and shaped text extractable (see the file comment). */
export function drawChartSvg(doc: PdfDoc, svg: string, x: number, y: number, options: SvgOptions): void {
  const words = new EncodedWords();
  const undo: (() => void)[] = [];
  const wrapped = new Set<string>();
  const fontCallback: SvgOptions['fontCallback'] = (family, bold, italic, flags) => {
    const name = options.fontCallback(family, bold, italic, flags);
    // Once per font per drawing: the font's own wrapper (glyph-aliases.ts) stays under this one.
    if (wrapped.has(name)) return name;
    wrapped.add(name);
    const restore = wrapFontEncode(doc, name, (fontId, text, [glyphs, positions]) => {
      words.record(fontId, glyphs, text);
      // pdfkit's positions are its shared layout cache's: copied, never changed.
      return [glyphs, positions.some(needsRepair) ? positions.map(forSvgToPdfkit) : positions];
    });
    if (restore) undo.push(restore);
    return name;
  };
  const restoreContent = interceptText(doc, words);
  try {
    drawSvg(doc, svg, x, y, { ...options, fontCallback });
  } finally {
    restoreContent();
    for (const restore of undo) restore();
  }
}
