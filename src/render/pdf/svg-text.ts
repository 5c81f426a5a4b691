/**
 * A chart's SVG text for svg-to-pdfkit, split into runs (text/runs.ts): svg-to-pdfkit draws a
 * text element in one font, so each run becomes a tspan naming its face's family (the font hook,
 * document-fonts.ts svgFontCallback, maps it to the embedded face), in visual order, since svg-to-pdfkit
 * has no bidi algorithm. Text drawn wholly in the primary face left to right is left as it is.
 */
import { hasRightToLeft, visualOrder } from '../../text/runs.js';
import { decodeEntities, escapeXml } from '../../text/xml.js';
import type { FontStack } from '../../theme/stack.js';

const TEXT_CONTENT = /(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g;
const TSPAN = /(<tspan\b[^>]*>)([^<]*)(<\/tspan>)/g;

function inFaces(raw: string, stack: FontStack): string {
  const text = decodeEntities(raw);
  const runs = stack.runs(text);
  const rtl = hasRightToLeft(text);
  if (!rtl && runs.every((run) => run.face <= 0)) return raw;
  return (rtl ? visualOrder(runs) : runs)
    .map((run) => {
      const family = stack.families[Math.max(0, run.face)] ?? '';
      const tspan = (text: string) => `<tspan font-family="${escapeXml(family)}">${escapeXml(text)}</tspan>`;
      if (run.level % 2 === 0) return tspan(run.text);
      // svg-to-pdfkit places the words of a tspan left to right, and pdfkit shapes each word
      // with its trailing space (fontkit sets that space on the word's left, right to left):
      // a right-to-left run's words go in reverse, each in a tspan of its own, so every space
      // falls between two words.
      return run.text
        .split(/( +)/)
        .filter((token) => token !== '')
        .reverse()
        .map(tspan)
        .join('');
    })
    .join('');
}

export function svgTextInFaces(svg: string, stack: FontStack): string {
  return svg.replace(TEXT_CONTENT, (_whole, open: string, inner: string, close: string) => {
    const body = inner.includes('<tspan')
      ? inner.replace(TSPAN, (_t, o: string, t: string, c: string) => `${o}${inFaces(t, stack)}${c}`)
      : inFaces(inner, stack);
    return `${open}${body}${close}`;
  });
}
