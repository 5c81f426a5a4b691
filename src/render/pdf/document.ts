/**
 * Creates the pdfkit document: tagged PDF/UA by default, PDF/A-2b on request (with
 * PDF 1.7 set, or pdfkit silently stays PDF 1.3 without XMP: STACK.md), fixed dates so
 * the bytes and /ID are reproducible, escaped XMP, and the theme fonts registered.
 */
import type { DocumentMeta } from '../../document/model.js';
import { BRIEFKIT_VERSION } from '../../version.js';
import { type ParsedFonts, registerFonts } from './document-fonts.js';
import { newDocument, type PdfDoc } from './pdfkit-slice.js';
import type { PageGeometry } from './style.js';
import { installXmp } from './xmp.js';

export interface DocumentOptions {
  pdfa: boolean;
  date: Date;
}

/** Info-dictionary strings must not carry control characters (they end up in the XMP too). */
function clean(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f || code === 0xfffe || code === 0xffff ? ' ' : char;
  }
  return out.trim();
}

export function createDocument(
  meta: DocumentMeta,
  geo: PageGeometry,
  fonts: ParsedFonts,
  options: DocumentOptions,
): PdfDoc {
  const author = clean(meta.organisation ? `${meta.author}, ${meta.organisation}` : meta.author);
  const creator = `briefkit ${BRIEFKIT_VERSION}`;
  const info = {
    Title: clean(meta.title),
    Author: author,
    Subject: clean(meta.subject),
    Keywords: clean(meta.keywords.join(', ')),
    Creator: creator,
    Producer: `${creator} (pdfkit)`,
    CreationDate: options.date,
    ModDate: options.date,
  };
  const doc = newDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: geo.size,
    margin: geo.margin,
    pdfVersion: '1.7',
    tagged: true,
    subset: options.pdfa ? 'PDF/A-2b' : 'PDF/UA',
    lang: meta.language,
    displayTitle: true,
    info,
    // No default font: pdfkit would load Helvetica; and a default given as a font object
    // makes every later font('Body') call re-open the font and compare name tables
    // (pdfkit's isEqualFont), which cost ~35 ms a document.
    font: null,
  });
  installXmp(doc, {
    title: info.Title,
    author,
    subject: info.Subject,
    keywords: info.Keywords,
    creator,
    producer: info.Producer,
    language: meta.language,
    date: options.date,
  });
  registerFonts(doc, fonts);
  return doc;
}
