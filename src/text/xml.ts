/**
 * The one XML escaper for every XML briefkit writes itself: the PDF's XMP packet
 * (render/pdf/xmp.ts), the deck's app.xml and chart parts (render/pptx/render.ts,
 * chart-style.ts) and the SVG's <title>/<desc> (charts/render.ts).
 */

/** Characters XML 1.0 forbids anywhere in a document; no field should carry them. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export interface XmlEscapeOptions {
  /** Also writes `'` as `&apos;` (only app.xml needs it: attribute values here use `"`). */
  apostrophe?: boolean;
}

/** Escapes text for XML content or a double-quoted attribute, dropping forbidden characters. */
export function escapeXml(text: string, options: XmlEscapeOptions = {}): string {
  const escaped = text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return options.apostrophe === true ? escaped.replace(/'/g, '&apos;') : escaped;
}
