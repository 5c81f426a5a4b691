/**
 * The fontkit adapter: the one place that opens fonts and reaches into fontkit's internals.
 * Its upgrade test (test/adapters/fontkit.test.ts) checks that every internal used here still
 * exists with the expected shape in the pinned version, so a fontkit upgrade fails there first.
 *
 * Internals used (fontkit 2.0.4):
 * - `font._cmapProcessor.lookup(codePoint)`: glyph id of a code point, without creating a Glyph;
 * - `font.getGlyph(id, codePoints)`: replaced per font object (glyphForCodePoint, layout and
 *   composite outlines all call it through `this`), see `canonicalCodePoints`;
 * - `glyph.codePoints`: a writable array that pdfkit reads for the PDF's ToUnicode map;
 * - `font.directory.tables[tag].{offset,length}`: the parsed table directory (theme/font-check.ts).
 */
import * as fontkit from 'fontkit';

export type Font = fontkit.Font;

/** The fontkit internals this adapter relies on; fontkit's typings do not declare them. */
export interface FontkitInternals {
  _cmapProcessor: { lookup(codePoint: number): number };
  directory?: { tables?: Record<string, FontTableExtent> };
}

/** Where a font table lies in the file, as the table directory says. */
export interface FontTableExtent {
  offset: number;
  length: number;
}

export function fontInternals(font: Font): FontkitInternals {
  // Narrow cast at the library boundary: see the file comment.
  return font as unknown as FontkitInternals;
}

/** The font's tables as its directory lists them: a table running past the file's end means a cut file. */
export function fontTableExtents(font: Font): FontTableExtent[] {
  return Object.values(fontInternals(font).directory?.tables ?? {});
}

/**
 * Parsed fonts keyed by their bytes, so a build parses each font once and every user
 * (chart measurer, PDF renderer, outline drawing, coverage check) warms the same glyph caches.
 * An explicit object: each build holds its own (theme/build-fonts.ts), none lives in module scope.
 */
export class FontSession {
  readonly #parsed = new Map<Buffer, Font>();

  open(bytes: Buffer): Font {
    let font = this.#parsed.get(bytes);
    if (!font) {
      font = openFont(bytes);
      this.#parsed.set(bytes, font);
    }
    return font;
  }
}

/** Parses one font (not a collection) and settles its glyphs' code points. */
export function openFont(bytes: Buffer): Font {
  const created = fontkit.create(bytes);
  if (!('unitsPerEm' in created)) throw new Error('font collections are not supported');
  const font = created as Font;
  canonicalCodePoints(font);
  return font;
}

/** Kangxi and CJK radicals, CJK compatibility ideographs and forms: a duplicate's second name. */
function isCompatibility(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x2fdf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff) ||
    (codePoint >= 0x2f800 && codePoint <= 0x2fa1f)
  );
}

/**
 * A compatibility code point's ordinary equivalent when it has one (NFKC): a glyph reached only
 * through an Arabic presentation form (U+FED3 ﻓ) names the letter (U+0641 ف) for extraction.
 */
function canonicalForm(codePoint: number): number {
  if (!isCompatibility(codePoint)) return codePoint;
  const normal = [...String.fromCodePoint(codePoint).normalize('NFKC')];
  return normal.length === 1 ? (normal[0]?.codePointAt(0) ?? codePoint) : codePoint;
}

/** Ordinary code points first, then by value. */
function byPreference(a: number, b: number): number {
  const rank = Number(isCompatibility(a)) - Number(isCompatibility(b));
  return rank !== 0 ? rank : a - b;
}

/**
 * fontkit caches one Glyph object per id with the code points of whoever asked first, and a
 * composite glyph's outline asks for its components with none. pdfkit writes those code points
 * into the PDF's ToUnicode map, so with a font shared across documents a comma drawn after
 * another document used it inside a composite came out as "" (text extraction lost it, and the
 * bytes depended on what the process rendered before). Every glyph the cmap maps gets its
 * lowest mapped code point instead; other glyphs (ligatures) keep the first non-empty ones.
 * Compatibility code points come last: CJK fonts map a Kangxi radical (U+2F54 ⽔) and its
 * ideograph (U+6C34 水) to one glyph, and text extraction must give back the ideograph.
 */
type GetGlyph = (id: number, codePoints?: number[]) => fontkit.Glyph;

/** Each opened font's own getGlyph, before canonicalCodePoints replaced it; keyed by the build's fonts. */
const unsettledGlyph = new WeakMap<Font, GetGlyph>();

/**
 * The advance width of a code point's glyph, read without building the font's code point map
 * (canonicalCodePoints): the theme check probes every face, and a fallback the build never draws
 * in (Noto Sans SC's ~30,000 code points) would otherwise pay for the map. The glyph fontkit
 * caches keeps the probe's code point until getGlyph settles it on its first real use.
 */
export function probeAdvanceWidth(font: Font, codePoint: number): number {
  const getGlyph = unsettledGlyph.get(font) ?? font.getGlyph.bind(font);
  return getGlyph(fontInternals(font)._cmapProcessor.lookup(codePoint), [codePoint]).advanceWidth;
}

function canonicalCodePoints(font: Font): void {
  const cmap = fontInternals(font)._cmapProcessor;
  let lowest: Map<number, number> | undefined;
  // Built on first use: ~20,000 code points, a few milliseconds (a lookup per glyph scanned the cmap).
  const lowestCodePoint = (gid: number) => {
    if (!lowest) {
      lowest = new Map();
      for (const codePoint of [...font.characterSet].sort(byPreference)) {
        const glyph = cmap.lookup(codePoint);
        if (glyph && !lowest.has(glyph)) lowest.set(glyph, canonicalForm(codePoint));
      }
    }
    return lowest.get(gid);
  };
  const original = font.getGlyph.bind(font);
  unsettledGlyph.set(font, original);
  const settled = new Set<number>();
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = original(id, codePoints);
    if (!settled.has(id)) {
      const mapped = lowestCodePoint(id);
      if (mapped !== undefined) {
        glyph.codePoints = [mapped];
        settled.add(id);
      } else if (codePoints.length > 0) {
        glyph.codePoints = codePoints;
        settled.add(id);
      }
    }
    return glyph;
  };
}
