/**
 * Is a theme's font file a font? Checked when the theme loads, so a text file renamed `.ttf`
 * or a truncated download is the theme's error at its line, not a crash in the first chart.
 * The check reads and parses through the build's fonts (build-fonts.ts), which the renderers
 * use too, so in this thread it costs nothing the first chart or document would not pay anyway.
 */
import { readFileSync, statSync } from 'node:fs';
import type * as fontkit from 'fontkit';
import { fontTableExtents, probeAdvanceWidth } from '../adapters/fontkit.js';
import type { BuildFonts } from './build-fonts.js';

/** Larger than any single CJK font (Noto Sans CJK is ~16 MB); a bigger file is not one font. */
export const MAX_FONT_BYTES = 64 * 1024 * 1024;
/** A licence is a text file. */
export const MAX_LICENCE_BYTES = 1024 * 1024;

/** The file's bytes, or why it cannot be one of the theme's files. */
function readRegularFile(
  path: string,
  maxBytes: number,
  read: (path: string) => Buffer = readFileSync,
): { bytes?: Buffer; problem?: string } {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { problem: 'is not a regular file' };
    if (stat.size > maxBytes) return { problem: `is ${stat.size} bytes; the limit is ${maxBytes} bytes` };
    return { bytes: read(path) };
  } catch (cause) {
    return {
      problem: `could not be read (${cause instanceof Error ? cause.message : String(cause)})`,
    };
  }
}

/** Why the file at `path` is not a usable TrueType/OpenType font, or undefined when it is one. */
export function fontFileProblem(
  path: string,
  fonts: BuildFonts,
  options: { latin?: boolean } = {},
): string | undefined {
  const read = readRegularFile(path, MAX_FONT_BYTES, (file) => fonts.read(file));
  if (!read.bytes) return read.problem;
  let font: fontkit.Font;
  try {
    font = fonts.parse(read.bytes);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : '';
    return /collection/.test(message)
      ? 'is a font collection; name a single font'
      : 'is not a font file (TrueType or OpenType)';
  }
  try {
    const size = read.bytes.length;
    const cut = fontTableExtents(font).some((t) => t.offset + t.length > size);
    if (cut) return 'is cut short (its tables run past the end of the file)';
    if (!(font.unitsPerEm > 0) || font.numGlyphs === 0) return 'has no glyphs';
    const probe = options.latin === false ? [...font.characterSet].find((c) => c > 0x20) : 0x41;
    if (probe === undefined) return 'has no characters';
    if (options.latin !== false && !font.hasGlyphForCodePoint(0x41)) return 'has no Latin letters';
    if (!(probeAdvanceWidth(font, probe) >= 0)) return 'has broken glyph metrics';
  } catch (cause) {
    return `is a damaged font (${cause instanceof Error ? cause.message : String(cause)})`;
  }
  return undefined;
}

/** Why the licence file cannot be shipped with the outputs, or undefined. */
export function licenceFileProblem(path: string): string | undefined {
  const read = readRegularFile(path, MAX_LICENCE_BYTES);
  if (!read.bytes) return read.problem;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return 'is not UTF-8 text';
  }
  return undefined;
}
