/**
 * The one XML escaper for every XML briefkit writes itself: the PDF's XMP packet
 * (render/pdf/xmp.ts), the deck's app.xml and chart parts (render/pptx/render-deck.ts,
 * chart-style.ts) and the SVG's <title>/<desc> (charts/draw-charts.ts).
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

/** The text of XML character data: the five named entities and numeric references decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body[0] !== '#') return named[body.toLowerCase()] ?? entity;
    const code =
      body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
