/** Flattens model inlines into styled pieces of text the line breaker can measure. */

import { isSafeLink } from '../../dataset/links.js';
import type { Inline } from '../../document/model.js';
import { placeCitationMarks } from './citation-marks.js';

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  /** External link target: only ever a web address (isSafeLink). */
  link?: string;
  /** A citation number: drawn as a superscript linked to the sources list. */
  cite?: number;
}

export interface Piece {
  /** `\n` alone is a forced line break. */
  text: string;
  style: RunStyle;
}

const PLAIN: RunStyle = { bold: false, italic: false };

export function flattenInlines(inlines: readonly Inline[], base: RunStyle = PLAIN): Piece[] {
  const out: Piece[] = [];
  const walk = (nodes: readonly Inline[], style: RunStyle): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          if (node.text) out.push({ text: node.text, style });
          break;
        case 'strong':
          walk(node.children, { ...style, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...style, italic: true });
          break;
        case 'link':
          // Anything but a web address is drawn as the text it is: no colour, no annotation.
          walk(node.children, isSafeLink(node.url) ? { ...style, link: node.url } : style);
          break;
        case 'citation': {
          // Adjacent citations read "1,2": the comma is a superscript too.
          const previous = out[out.length - 1];
          if (previous?.style.cite !== undefined)
            out.push({ text: ',', style: { ...previous.style, cite: 0 } });
          out.push({ text: String(node.number), style: { ...style, link: undefined, cite: node.number } });
          break;
        }
        case 'break':
          out.push({ text: '\n', style });
          break;
      }
    }
  };
  walk(placeCitationMarks(inlines), base);
  return out;
}

/** The plain text of inlines, for outlines, alt text, metadata and tests. */
export function plainText(inlines: readonly Inline[]): string {
  return flattenInlines(inlines)
    .map((p) => (p.style.cite !== undefined ? '' : p.text === '\n' ? ' ' : p.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
