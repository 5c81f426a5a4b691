/** Inline model nodes as HTML: text escaped, links only where dataset/links.ts isSafeLink allows, citations as endnote links. */
import type { Inline } from '../../document/model.js';
import { WORD_JOINER } from '../../text/line-break.js';
import { escapeHtml, safeHref } from './escape.js';
import { scriptText } from './scripts.js';

/**
 * Numbers each citation mark so the endnote can link back to every place that cites it:
 * the k-th mark of source n gets the id `cite-n-k`.
 */
export class CitationMarks {
  readonly #counts = new Map<number, number>();
  /** Per source: the first mark in each section that cites it, with the section's title. */
  readonly #firsts = new Map<number, { id: string; section: string }[]>();
  /** The section being written: back-links name it. */
  section = '';
  /** The document's language: text in other scripts is marked with its own. */
  constructor(readonly language: string) {}

  next(source: number): string {
    const k = (this.#counts.get(source) ?? 0) + 1;
    this.#counts.set(source, k);
    const id = `cite-${source}-${k}`;
    const firsts = this.#firsts.get(source) ?? [];
    if (!firsts.some((f) => f.section === this.section)) firsts.push({ id, section: this.section });
    this.#firsts.set(source, firsts);
    return id;
  }

  /**
   * Where source n is cited: the first mark of each section, in document order. One back-link
   * per section, not per mark: a source cited 70 times would otherwise end in 70 arrows.
   */
  backLinks(source: number): { id: string; section: string }[] {
    return this.#firsts.get(source) ?? [];
  }
}

export function sourceAnchor(number: number): string {
  return `source-${number}`;
}

/**
 * A citation mark: a superscript link to the endnote, with an id the endnote links back to. A
 * word joiner opens it: a browser breaks lines across the tags as UAX #14 allows, between "."
 * and "[" (Chromium put "[1]" alone on a line after "2028." at 11 of 170 widths, none with the
 * joiner), as the deck does (render/pptx/styled-runs.ts citationMark).
 */
export function citationHtml(number: number, marks: CitationMarks): string {
  const id = marks.next(number);
  return `<sup class="cite">${WORD_JOINER}<a id="${id}" href="#${sourceAnchor(number)}" aria-label="Source ${number}">[${number}]</a></sup>`;
}

export function inlineHtml(inlines: readonly Inline[], marks: CitationMarks): string {
  return inlines.map((node) => inlineNode(node, marks)).join('');
}

function inlineNode(node: Inline, marks: CitationMarks): string {
  switch (node.type) {
    case 'text':
      return scriptText(node.text, marks.language);
    case 'strong':
      return `<strong>${inlineHtml(node.children, marks)}</strong>`;
    case 'emphasis':
      return `<em>${inlineHtml(node.children, marks)}</em>`;
    case 'link': {
      const href = safeHref(node.url);
      const body = inlineHtml(node.children, marks);
      return href ? `<a href="${escapeHtml(href)}">${body}</a>` : body;
    }
    case 'citation':
      return citationHtml(node.number, marks);
    case 'break':
      return '<br>';
  }
}

/** The plain text of inlines (headings in the contents, titles). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link')
        return inlineText(node.children);
      if (node.type === 'break') return ' ';
      return '';
    })
    .join('');
}
