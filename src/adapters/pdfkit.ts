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
 *   resource name, `/F3`, in the content stream).
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
  if (!font || !original || Object.hasOwn(font, 'encode')) return undefined;
  font.encode = (text, features) => wrap(font.id ?? '', text, original.call(font, text, features));
  return () => {
    delete font.encode;
  };
}
