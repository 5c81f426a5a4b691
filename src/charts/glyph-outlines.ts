/**
 * Text → glyph outlines for the PNG: resvg spends ~50 ms per chart shaping text with the
 * multi-megabyte font files and ~8 ms drawing the rest (measured). Vega laid the text out with
 * our advance-width metrics (theme/metrics.ts), so placing each glyph at the sum of advances
 * reproduces that layout exactly; the outlines come from the same font, parsed once.
 *
 * The input is SVG that vega's own renderer wrote: `<text>` elements with text-anchor,
 * transform, font-size, font-weight, fill and opacity, and `<tspan x="0" dy="…">` lines.
 */
import type * as fontkit from 'fontkit';
import { visualOrder } from '../text/runs.js';
import { decodeEntities } from '../text/xml.js';
import { needsShaping } from '../theme/metrics.js';
import type { FontStack } from '../theme/stack.js';

/** A text element, self-closing (empty) or with content. */
const TEXT = /<text\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text>)/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const TSPAN = /<tspan\b([^>]*)>([\s\S]*?)<\/tspan>/g;
/** Attributes that style the whole text and carry over to the group of outlines. */
const KEPT = new Set(['transform', 'fill', 'opacity', 'fill-opacity', 'clip-path']);

interface GlyphOutline {
  advance: number;
  d: string;
}

/**
 * Outlines and path ids per parsed font. Module scope is safe: keyed by the font object, which
 * belongs to one build's fonts (theme/build-fonts.ts) and goes with them.
 */
const outlines = new WeakMap<fontkit.Font, Map<number, GlyphOutline>>();

function glyphOutline(font: fontkit.Font, codePoint: number): GlyphOutline {
  let byCode = outlines.get(font);
  if (!byCode) {
    byCode = new Map();
    outlines.set(font, byCode);
  }
  let outline = byCode.get(codePoint);
  if (!outline) {
    const glyph = font.glyphForCodePoint(codePoint);
    outline = { advance: glyph.advanceWidth, d: glyph.path.toSVG() };
    byCode.set(codePoint, outline);
  }
  return outline;
}

function attributes(text: string): Map<string, string> {
  return new Map([...text.matchAll(ATTRIBUTE)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** The lines of a text element with their vertical offsets (tspans with dy, or one line). */
function lines(inner: string): { text: string; dy: number }[] {
  if (!inner.includes('<tspan')) return [{ text: decodeEntities(inner), dy: 0 }];
  let y = 0;
  return [...inner.matchAll(TSPAN)].map((m) => {
    y += Number(attributes(m[1] ?? '').get('dy') ?? 0);
    return { text: decodeEntities(m[2] ?? ''), dy: y };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * SVG path data per glyph id of a parsed font (a glyph outside the code-point map, as shaping
 * gives, has no code point to key `outlines` by). Module scope is safe for the same reason: keyed by
 * the font object of one build's fonts, and a glyph's outline never changes.
 */
const byGlyphId = new WeakMap<fontkit.Font, Map<number, string>>();

function glyphPath(font: fontkit.Font, glyph: fontkit.Glyph): string {
  let paths = byGlyphId.get(font);
  if (!paths) {
    paths = new Map();
    byGlyphId.set(font, paths);
  }
  let d = paths.get(glyph.id);
  if (d === undefined) {
    d = glyph.path.toSVG();
    paths.set(glyph.id, d);
  }
  return d;
}

/** A glyph placed in font units from the start of its run. */
interface Placed {
  d: string;
  x: number;
  y: number;
  scale: number;
}

/**
 * One run's glyphs: summed advances (as theme/metrics.ts measures them), or shaped by fontkit for
 * the scripts that join or reorder (Arabic, Devanagari…); fontkit lays a right-to-left run out
 * right to left, so the run's text stays logical.
 */
function runGlyphs(font: fontkit.Font, text: string, size: number): { placed: Placed[]; width: number } {
  const scale = size / font.unitsPerEm;
  const placed: Placed[] = [];
  let x = 0;
  if (needsShaping(text)) {
    const run = font.layout(text);
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i];
      const d = glyphPath(font, glyph);
      if (d)
        placed.push({
          d,
          x: x + (position?.xOffset ?? 0) * scale,
          y: -(position?.yOffset ?? 0) * scale,
          scale,
        });
      x += (position?.xAdvance ?? glyph.advanceWidth) * scale;
    });
    return { placed, width: x };
  }
  for (const char of text) {
    const glyph = glyphOutline(font, char.codePointAt(0) ?? 0);
    if (glyph.d) placed.push({ d: glyph.d, x, y: 0, scale });
    x += glyph.advance * scale;
  }
  return { placed, width: x };
}

function outlineLine(
  stack: FontStack,
  bold: boolean,
  text: string,
  size: number,
  anchor: string,
  dy: number,
): string {
  const runs = visualOrder(stack.runs(text)).map((run) => {
    const face = stack.faces[Math.max(0, run.face)] ?? stack.faces[0];
    return face ? runGlyphs(face.font({ bold }), run.text, size) : { placed: [], width: 0 };
  });
  const width = runs.reduce((sum, run) => sum + run.width, 0);
  let x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  const paths: string[] = [];
  for (const run of runs) {
    for (const glyph of run.placed)
      paths.push(
        `<path transform="translate(${round(x + glyph.x)},${round(dy + glyph.y)}) scale(${round(glyph.scale)},${round(-glyph.scale)})" d="${glyph.d}"/>`,
      );
    x += run.width;
  }
  return paths.join('');
}

/** Replaces every `<text>` of a vega SVG by groups of glyph outlines in the same place. */
export function outlineSvgText(svg: string, stack: FontStack): string {
  return svg.replace(TEXT, (_whole, rawAttributes: string, inner: string | undefined) => {
    if (inner === undefined) return '';
    const attrs = attributes(rawAttributes);
    const bold = /^(bold|[6-9]00)$/.test(attrs.get('font-weight') ?? '');
    const size = Number.parseFloat(attrs.get('font-size') ?? '11');
    const anchor = attrs.get('text-anchor') ?? 'start';
    const kept = [...attrs].filter(([name]) => KEPT.has(name)).map(([name, value]) => ` ${name}="${value}"`);
    const body = lines(inner)
      .map((line) => outlineLine(stack, bold, line.text, size, anchor, line.dy))
      .join('');
    // x/y position the text inside its transform (vega puts everything in `transform`).
    const x = Number.parseFloat(attrs.get('x') ?? '0') || 0;
    const y = Number.parseFloat(attrs.get('y') ?? '0') || 0;
    const placed = x || y ? `<g transform="translate(${x},${y})">${body}</g>` : body;
    return `<g${kept.join('')}>${placed}</g>`;
  });
}
