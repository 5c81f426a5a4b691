/**
 * The pdfkit adapter for pdfkit's private members: every use of one is here, and its upgrade
 * test (test/adapters/pdfkit.test.ts) checks each against the pinned version, so a pdfkit
 * upgrade fails there first. The public slice pdfkit is used through is typed in
 * render/pdf/pdfkit-slice.ts.
 *
 * Privates used (pdfkit 0.20.2):
 * - `doc._fontFamilies[name].layoutCache`: a registered font's shaping cache, per document;
 * - `doc._addInfo()`: the XMP info writer `end()` calls when the document has XMP metadata;
 * - `doc._fontFamilies[name].encode(text, features)`: a font's text → glyph ids (hex) and their
 *   positions, which svg-to-pdfkit calls per word (`wrapFontEncode`), and the font's `id` (its
 *   resource name, `/F3`, in the content stream);
 * - `doc._fontFamilies[name].subset.glyphs`, `.unicode` and `.widths`: the font's subset glyph
 *   list, ToUnicode entries and widths by code, to give a shared glyph a second code
 *   (`glyphCodes`).
 */

/** A fontkit shaping result as pdfkit caches it (positions already scaled to 1000 units). */
export type LayoutCache = Record<string, unknown>;

/** A glyph's position as pdfkit's `encode` gives it (1000 units per em). */
export interface EncodedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export type Encode = (text: string, features?: unknown) => [string[], EncodedPosition[]];

interface PdfkitFont {
  id?: string;
  layoutCache?: LayoutCache;
  encode?: Encode;
  subset?: { glyphs?: number[] };
  unicode?: number[][];
  widths?: number[];
}

interface PdfkitPrivates {
  _fontFamilies: Record<string, PdfkitFont | undefined>;
  _addInfo: () => void;
}

function privates(doc: object): PdfkitPrivates {
  // Narrow cast at the library boundary: see the file comment.
  return doc as PdfkitPrivates;
}

/**
 * Shares pdfkit's per-document shaping cache for a registered font across documents.
 * Shaping every word with fontkit (GSUB/GPOS) is most of a render's cost, and the result
 * depends only on the text and the font; each document still builds its own subset.
 * The font must have been selected once (`doc.font(name)`), which is when pdfkit opens it.
 */
export function shareLayoutCache(doc: object, name: string, cache: LayoutCache): void {
  const font = privates(doc)._fontFamilies[name];
  if (font && font.layoutCache !== undefined) font.layoutCache = cache;
}

/**
 * Replaces pdfkit's XMP info writer on this document only: pdfkit's own puts the title,
 * author and subject into the XML unescaped, so `&` or `<` breaks the packet.
 */
export function replaceXmpInfoWriter(doc: object, writeInfo: () => void): void {
  privates(doc)._addInfo = writeInfo;
}

/**
 * Wraps a registered (opened) font's `encode` on this document until the returned undo is
 * called: `wrap` gets the font's resource id, the text and pdfkit's result, and returns what
 * the caller sees. Undefined when the font is not open.
 */
export function wrapFontEncode(
  doc: object,
  name: string,
  wrap: (
    fontId: string,
    text: string,
    encoded: [string[], EncodedPosition[]],
  ) => [string[], EncodedPosition[]],
): (() => void) | undefined {
  const font = privates(doc)._fontFamilies[name];
  const original = font?.encode;
  if (!font || !original) return undefined;
  // A wrapper may wrap another (document-fonts.ts keeps one on for the document's life).
  const own = Object.hasOwn(font, 'encode');
  font.encode = (text, features) => wrap(font.id ?? '', text, original.call(font, text, features));
  return () => {
    if (own) font.encode = original;
    else delete font.encode;
  };
}

/** A font's codes in this document: what ToUnicode says each is, and second codes for a glyph. */
export interface GlyphCodes {
  /** The ToUnicode text of `code` (4 hex digits), '' for a glyph with none (a mark). */
  textOf(code: string): string;
  /**
   * A second code drawing the glyph `code` draws, whose ToUnicode text is `text`: for a glyph
   * two letters share (a final teh marbuta drawn as final heh with dots), so each extracts as
   * the letter it was drawn for.
   */
  alias(code: string, text: string): string;
}

/** `name`'s codes (see GlyphCodes); undefined when the font is not open or not a subset font. */
export function glyphCodes(doc: object, name: string): GlyphCodes | undefined {
  const font = privates(doc)._fontFamilies[name];
  const glyphs = font?.subset?.glyphs;
  const { unicode, widths } = font ?? {};
  if (!glyphs || !unicode || !widths) return undefined;
  const aliases = new Map<string, string>();
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return {
    textOf: (code) => String.fromCodePoint(...(unicode[Number.parseInt(code, 16)] ?? [])),
    alias(code, text) {
      const key = `${code}:${text}`;
      const known = aliases.get(key);
      if (known) return known;
      const index = Number.parseInt(code, 16);
      // The subset copies every entry of its glyph list: the same glyph id twice is two codes.
      glyphs.push(glyphs[index] ?? 0);
      const alias = glyphs.length - 1;
      unicode[alias] = [...text].map((char) => char.codePointAt(0) ?? 0);
      widths[alias] = widths[index] ?? 0;
      aliases.set(key, hex(alias));
      return hex(alias);
    },
  };
}
