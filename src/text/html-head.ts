/**
 * The start of an HTML page briefkit writes itself, up to and with `</head>`: the doctype, the
 * language, the character set, a Content-Security-Policy, the viewport and the title, then what
 * the page adds. One writer for out/index.html (pipeline/index-page/html.ts) and the pages
 * `briefkit preview` serves (cli/preview-pages.ts); each passes its own policy and title.
 */
import { escapeXml } from './xml.js';

export interface HtmlHead {
  /** The page's BCP 47 language tag (`lang`). */
  language: string;
  /** The Content-Security-Policy, written as a meta tag (escaped here). */
  csp: string;
  /** The page's title as text (escaped here). */
  title: string;
  /** `<meta name=… content=…>` pairs written before the title (escaped here). */
  meta?: readonly (readonly [name: string, content: string])[];
  /** Markup after the title (a style sheet, a script tag), each written as it is, one a line. */
  after?: readonly string[];
}

/** `<!DOCTYPE html>` to `</head>`, each element on its own line, ending in a newline. */
export function htmlHead(head: HtmlHead): string {
  const lines = [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(head.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeXml(head.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(head.meta ?? []).map(
      ([name, content]) => `<meta name="${escapeXml(name)}" content="${escapeXml(content)}">`,
    ),
    `<title>${escapeXml(head.title)}</title>`,
    ...(head.after ?? []),
    '</head>',
  ];
  return `${lines.join('\n')}\n`;
}
