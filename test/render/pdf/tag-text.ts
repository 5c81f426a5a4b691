/**
 * The text a reader of the tag tree gets (poppler's `pdfinfo -struct-text`, which reads each
 * element's marked content as drawn, spaces included) against the page's words (pdf.js text
 * items, which split at every line and every change of style or baseline).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The tag tree's text: the content of each block element concatenated as a reader does,
 * inline elements (Link, Span) run into their block's text, blocks separated by a space.
 */
export function structText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-tags-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  const out = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const blocks: string[] = [];
  let current = '';
  // A Figure is read by its Alt text (figure.ts): the chart's drawn labels are not its words.
  let figureIndent: number | undefined;
  for (const line of out.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (figureIndent !== undefined && indent > figureIndent) continue;
    figureIndent = /^\s*Figure\b/u.test(line) ? indent : undefined;
    const content = /^\s*"(.*)"$/u.exec(line);
    if (content) current += content[1];
    else if (!line.includes('(inline)') && !/^\s*Object \d+/u.test(line)) {
      blocks.push(current);
      current = '';
    }
  }
  blocks.push(current);
  return blocks.join(' ');
}

/** Words: runs of letters and figures, with the joiners a word or number keeps inside it. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’.,&/-][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
}

/** The page's words, every text item read on its own. */
export async function pageWords(pdf: PDFDocumentProxy): Promise<string[]> {
  const out: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) out.push(...words(item.str));
  }
  return out;
}

/** Tag-tree words that are two consecutive page words run together ("economicdiplomacy"). */
export function fusions(tagWords: readonly string[], page: readonly string[]): string[] {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < page.length; i++) pairs.add(`${page[i]}${page[i + 1]}`);
  const known = new Set(page);
  return [...new Set(tagWords.filter((w) => !known.has(w) && pairs.has(w)))];
}

/** Tag-tree words that are not page words at all. */
export function strangers(tagWords: readonly string[], page: readonly string[]): string[] {
  const known = new Set(page);
  return [...new Set(tagWords.filter((w) => !known.has(w)))];
}
