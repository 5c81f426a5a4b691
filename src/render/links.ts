/**
 * Which URLs a renderer may turn into a live link. A link in a briefing is clicked by
 * whoever the PDF or deck is handed to: `javascript:` runs script in some viewers, `file:`
 * and `smb:` reach the reader's disk or network (and leak credentials on Windows). Only
 * web addresses are linked; anything else is drawn as the plain text it is. The PDF
 * (src/render/pdf/inline.ts) and the deck (src/render/pptx/draw-text.ts) both ask here.
 */

/** Characters no live link may contain: whitespace, controls, and what breaks out of XML/PDF strings. */
const UNSAFE_CHARACTER = /[\s\p{Cc}\p{Cf}"<>\\`]/u;

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True for an absolute http:/https: URL with a host, and nothing a viewer could read otherwise. */
export function isSafeLink(url: string): boolean {
  // The URL parser silently drops tabs and newlines ("java\nscript:") and trims spaces:
  // judge the text as it will be written, not the parser's cleaned-up copy.
  if (url === '' || UNSAFE_CHARACTER.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!WEB_PROTOCOLS.has(parsed.protocol) || parsed.hostname === '') return false;
  // "https:example.com" parses (as https://example.com) but is not what the text says.
  return url.slice(parsed.protocol.length, parsed.protocol.length + 2) === '//';
}
