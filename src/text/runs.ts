/**
 * Text split into runs by script and font coverage: the ONE splitter every renderer uses (the
 * PDF's text drawing and measuring, the charts' measuring and outlines, the deck's runs), so what
 * is measured is what is drawn. A run is a stretch of one script (spaces, digits and punctuation
 * join their neighbours) drawn in the first face of the stack that has all of its glyphs, at one
 * bidi embedding level (Unicode bidi algorithm, bidi-js), so right-to-left words can be ordered
 * inside left-to-right text.
 *
 * This is the bottom layer: it knows faces only as coverage predicates (theme/stack.ts builds them).
 */
import bidiModule, { type Bidi } from 'bidi-js';

// bidi-js is CommonJS whose typings declare an ES default export: Node hands the factory itself
// to a default import, the typings a namespace holding it. Narrow cast at the library boundary.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ??
  (bidiModule as unknown as () => Bidi)) as () => Bidi;

/** What the splitter needs to know of a face. */
export interface RunFace {
  /** Whether the face has a glyph for the code point (in every weight the renderers use). */
  covers(codePoint: number): boolean;
  /** Unicode script names this face is preferred for, ahead of the faces before it (e.g. Han). */
  scripts: readonly string[];
}

export interface TextRun {
  text: string;
  /** Index of the face in the stack; -1 when no face has the glyph (document/coverage.ts refuses that). */
  face: number;
  /** Bidi embedding level: odd is right to left. */
  level: number;
}

/** Scripts told apart; Hiragana, Katakana and Bopomofo are written with Han in one run. */
export const KNOWN_SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hangul',
  'Han',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Arabic',
  'Hebrew',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Ethiopic',
  'Tibetan',
] as const;

const SCRIPT_PATTERNS = KNOWN_SCRIPTS.map(
  (name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const,
);
const GROUP: Record<string, string> = { Hiragana: 'Han', Katakana: 'Han', Bopomofo: 'Han' };
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
/** Characters of scripts written right to left, or bidi controls: only then is bidi run. */
const NEEDS_BIDI =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}\u200F\u202B\u202E\u2067]/u;

/**
 * Script per code point. Module scope on purpose: a pure memo of Unicode's script property
 * (fixed by the Node version), the same for every build; bounded by the code points seen.
 */
const scriptCache = new Map<number, string>();

/** The script of one character, or '' for spaces, digits, punctuation and combining marks. */
export function scriptOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  let script = scriptCache.get(code);
  if (script === undefined) {
    script = NEUTRAL.test(char) ? '' : (SCRIPT_PATTERNS.find(([, p]) => p.test(char))?.[0] ?? 'Other');
    scriptCache.set(code, script);
  }
  return script;
}

interface Segment {
  chars: string[];
  scripts: Set<string>;
  group: string;
}

/** Stretches of one script group; neutral characters join the stretch before (or the first one). */
function scriptSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let leading: string[] = [];
  for (const char of text) {
    const script = scriptOf(char);
    const last = segments[segments.length - 1];
    if (script === '') {
      if (last) last.chars.push(char);
      else leading.push(char);
      continue;
    }
    const group = GROUP[script] ?? script;
    if (last && last.group === group) {
      last.chars.push(char);
      last.scripts.add(script);
    } else {
      segments.push({ chars: [...leading, char], scripts: new Set([script]), group });
      leading = [];
    }
  }
  if (leading.length > 0) segments.push({ chars: leading, scripts: new Set(), group: '' });
  return segments;
}

/** Faces in the order a segment tries them: those preferred for its scripts first. */
function faceOrder(faces: readonly RunFace[], scripts: Set<string>): number[] {
  const all = faces.map((_, i) => i);
  const preferred = all.filter((i) => faces[i]?.scripts.some((s) => scripts.has(s)));
  return [...preferred, ...all.filter((i) => !preferred.includes(i))];
}

const coversChar = (face: RunFace | undefined, char: string) =>
  face !== undefined && (needsNoGlyph(char.codePointAt(0) ?? 0) || face.covers(char.codePointAt(0) ?? 0));

/** Spaces and controls need no glyph (the PDF renderer and the coverage check agree). */
export function needsNoGlyph(codePoint: number): boolean {
  return codePoint <= 0x20 || codePoint === 0xa0;
}

/** Characters with the face each is drawn in: the segment's first face with all its glyphs, else per character. */
function assignFaces(text: string, faces: readonly RunFace[]): { char: string; face: number }[] {
  const out: { char: string; face: number }[] = [];
  for (const segment of scriptSegments(text)) {
    const order = faceOrder(faces, segment.scripts);
    const whole = order.find((i) => segment.chars.every((c) => coversChar(faces[i], c)));
    for (const char of segment.chars) {
      const face = whole ?? order.find((i) => coversChar(faces[i], char)) ?? -1;
      out.push({ char, face });
    }
  }
  return out;
}

/**
 * bidi-js's functions, made on first use: module scope is safe here, the factory returns pure
 * functions of their arguments (no state is kept between calls, so no build sees another's).
 */
let bidi: Bidi | undefined;

/** Embedding levels per character (code point) of a left-to-right paragraph. */
function bidiLevels(text: string): number[] {
  if (!NEEDS_BIDI.test(text)) return [];
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const out: number[] = [];
  let unit = 0;
  for (const char of text) {
    out.push(levels[unit] ?? 0);
    unit += char.length;
  }
  return out;
}

/** Runs of `text` in logical order: one face and one bidi level each. */
export function splitRuns(text: string, faces: readonly RunFace[]): TextRun[] {
  const assigned = assignFaces(text, faces);
  const levels = bidiLevels(text);
  const runs: TextRun[] = [];
  assigned.forEach(({ char, face }, i) => {
    const level = levels[i] ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.face === face && last.level === level) last.text += char;
    else runs.push({ text: char, face, level });
  });
  return runs;
}

/**
 * A paragraph's base direction (rules P2–P3 of the bidi algorithm, by bidi-js): right to left
 * when its first strong character outside isolates is, a right-to-left mark included. The one
 * decision for every renderer: the deck's `rtl` paragraphs (render/pptx/draw-text.ts).
 */
export function isRightToLeftParagraph(text: string): boolean {
  if (!NEEDS_BIDI.test(text)) return false;
  bidi ??= bidiFactory();
  return (bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0) % 2 === 1;
}

/** Whether any character of `text` is drawn right to left (then lines need visual reordering). */
export function hasRightToLeft(text: string): boolean {
  return NEEDS_BIDI.test(text) && bidiLevels(text).some((level) => level % 2 === 1);
}

/**
 * Items of one line in visual (left-to-right drawing) order: rule L2 of the bidi algorithm,
 * reversing every maximal sequence at level ≥ k, from the highest level down to 1. The text
 * inside a right-to-left item stays logical: the shaper (fontkit) lays an RTL run out right to left.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  const highest = Math.max(0, ...out.map((item) => item.level));
  for (let level = highest; level >= 1; level--) {
    for (let i = 0; i < out.length; i++) {
      if ((out[i]?.level ?? 0) < level) continue;
      let end = i;
      while (end + 1 < out.length && (out[end + 1]?.level ?? 0) >= level) end++;
      const reversed = out.slice(i, end + 1).reverse();
      out.splice(i, reversed.length, ...reversed);
      i = end;
    }
  }
  return out;
}

/** Characters no face of the stack has, once each, in order of appearance. */
export function uncoveredChars(text: string, faces: readonly RunFace[]): string[] {
  const missing = new Set<string>();
  for (const char of text)
    if (!needsNoGlyph(char.codePointAt(0) ?? 0) && !faces.some((f) => f.covers(char.codePointAt(0) ?? 0)))
      missing.add(char);
  return [...missing];
}
