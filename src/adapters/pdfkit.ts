/**
 * The pdfkit adapter for pdfkit's private members: every use of one is here, and its upgrade
 * test (test/adapters/pdfkit.test.ts) checks each against the pinned version, so a pdfkit
 * upgrade fails there first. The public slice pdfkit is used through is typed in
 * render/pdf/pdfkit-slice.ts.
 *
 * Privates used (pdfkit 0.20.2):
 * - `doc._fontFamilies[name].layoutCache`: a registered font's shaping cache, per document;
 * - `doc._addInfo()`: the XMP info writer `end()` calls when the document has XMP metadata.
 */

/** A fontkit shaping result as pdfkit caches it (positions already scaled to 1000 units). */
export type LayoutCache = Record<string, unknown>;

interface PdfkitPrivates {
  _fontFamilies: Record<string, { layoutCache?: LayoutCache } | undefined>;
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
