import { escapeXml } from '../../text/xml.js';

/**
 * Escaping for the HTML edition: every string that reaches the page passes through here, so
 * dataset or template text (`<script>`, a quote that ends an attribute) always prints as text.
 */

/** Characters not allowed in an HTML document (C0 controls but tab/newline/CR, noncharacters, lone surrogates). */
const ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding characters HTML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content or an attribute value (always written in double quotes). */
export function escapeHtml(text: string): string {
  return escapeXml(text.replace(ILLEGAL, ''), { apostrophe: true });
}

/**
 * A link target the edition may write: http(s) and mailto only. Anything else (`javascript:`,
 * `data:`, a relative path) gives undefined and the link prints as its text.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** An id safe in an attribute and a fragment: letters, digits, `-` and `_`. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
