import { isSafeLink } from '../../dataset/links.js';
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
 * A link target the edition may write: the address when dataset/links.ts `isSafeLink` accepts
 * it (absolute http(s), no character a viewer could strip or reorder), as the PDF and the deck
 * decide; anything else (`javascript:`, `data:`, `mailto:`, a relative path) gives undefined
 * and the link prints as its text.
 */
export function safeHref(url: string): string | undefined {
  return isSafeLink(url) ? url : undefined;
}

/** An id safe in an attribute and a fragment: letters, digits, `-` and `_`. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
