/**
 * The edition's fonts, embedded: each face of the theme's stack subset (HarfBuzz, as the deck's
 * embedded fonts are) to the characters the stack routes to it, compressed to WOFF2 (wawoff2,
 * Google's encoder as WebAssembly) and written as data: URLs in @font-face rules. Each rule's
 * unicode-range is the characters given to that face, so the browser draws every character in
 * the face the PDF draws it in, and the page looks the same with no font installed.
 */
import { createRequire } from 'node:module';
import { FontSubsetter } from '../../adapters/harfbuzz-subset.js';
import type { FontStack, StackFace } from '../../theme/stack.js';

type Compress = (bytes: Uint8Array) => Promise<Uint8Array>;
/**
 * wawoff2's compress function, loaded on first use. Module scope is safe: it is code (a pure
 * function of the bytes it is given), the same for every build in the thread.
 */
let compressor: Compress | undefined;

/** wawoff2 is CommonJS with an Emscripten runtime: loaded once, on the first edition. */
function woff2(): Compress {
  compressor ??= (createRequire(import.meta.url)('wawoff2') as { compress: Compress }).compress;
  return compressor;
}

/** The characters of a page's text, entities decoded (markup adds only ASCII, which the primary face has). */
export function pageCharacters(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot);/g, ' ');
}

/** Code points per face index, as the stack's run splitter assigns them. */
function routedCodePoints(stack: FontStack, text: string): Map<number, Set<number>> {
  const byFace = new Map<number, Set<number>>();
  for (const run of stack.runs(text)) {
    if (run.face < 0) continue;
    let set = byFace.get(run.face);
    if (!set) {
      set = new Set();
      byFace.set(run.face, set);
    }
    for (const char of run.text) {
      const code = char.codePointAt(0);
      if (code !== undefined && code > 0x1f) set.add(code);
    }
  }
  // The primary face always draws ASCII (punctuation the splitter folds into other runs).
  const primary = byFace.get(0) ?? new Set<number>();
  for (let code = 0x20; code < 0x7f; code++) primary.add(code);
  byFace.set(0, primary);
  return byFace;
}

/** unicode-range as ranges of consecutive code points. */
function unicodeRange(codes: readonly number[]): string {
  const parts: string[] = [];
  let start = codes[0];
  let previous = start;
  const hex = (n: number) => n.toString(16).toUpperCase();
  const close = () => {
    if (start === undefined || previous === undefined) return;
    parts.push(start === previous ? `U+${hex(start)}` : `U+${hex(start)}-${hex(previous)}`);
  };
  for (const code of codes.slice(1)) {
    if (previous !== undefined && code === previous + 1) previous = code;
    else {
      close();
      start = code;
      previous = code;
    }
  }
  close();
  return parts.join(', ');
}

type Style = { weight: 400 | 700; italic: boolean; path: (face: StackFace) => string | undefined };
const STYLES: Style[] = [
  { weight: 400, italic: false, path: (face) => face.regularPath },
  { weight: 700, italic: false, path: (face) => face.boldPath },
  { weight: 400, italic: true, path: (face) => face.italicPath },
];

/** The @font-face rules for a page's text, and the CSS family list in stack order. */
export async function embeddedFontCss(
  stack: FontStack,
  text: string,
  read: (path: string) => Uint8Array,
): Promise<{ css: string; families: string }> {
  const routed = routedCodePoints(stack, text);
  const subsetter = new FontSubsetter();
  const rules: string[] = [];
  for (const [index, face] of stack.faces.entries()) {
    const codes = [...(routed.get(index) ?? [])].sort((a, b) => a - b);
    if (codes.length === 0) continue;
    for (const style of STYLES) {
      const path = style.path(face);
      if (!path) continue;
      const subset = subsetter.subset(read(path), codes);
      if (!subset) continue;
      const data = Buffer.from(await woff2()(subset)).toString('base64');
      rules.push(
        `@font-face{font-family:${cssString(face.family)};font-style:${style.italic ? 'italic' : 'normal'};` +
          `font-weight:${style.weight};font-display:block;unicode-range:${unicodeRange(codes)};` +
          `src:url(data:font/woff2;base64,${data}) format("woff2")}`,
      );
    }
  }
  const families = [...stack.faces.map((face) => cssString(face.family)), 'sans-serif'].join(',');
  return { css: rules.join('\n'), families };
}

function cssString(text: string): string {
  return `"${text.replace(/["\\<>]/g, '')}"`;
}
