/**
 * Shaping results kept between builds. Shaping each word with fontkit (GSUB/GPOS) is about
 * half of a briefing's first render (~400 ms of ~800, measured), and the result depends only
 * on the word and the font file. A build saves the runs its thread shaped; the next build
 * loads them, so a one-figure change does not shape every word again. Restored runs hold the
 * same glyph ids, code points and positions fontkit computed, so the PDF bytes are identical.
 */
import type * as fontkit from 'fontkit';
import { layoutCacheFor, type ParsedFonts } from './document-fonts.js';

interface StoredRun {
  /** Glyph ids. */
  g: number[];
  /** Each glyph's code points (ligatures have several; ToUnicode needs them). */
  c: number[][];
  /** Per glyph: xAdvance, yAdvance, xOffset, yOffset, advanceWidth (pdfkit's 1000-unit scale). */
  p: number[];
  /** The run's advance width. */
  w: number;
}

type StoredFont = Record<string, StoredRun>;

export interface StoredShaping {
  version: 1;
  regular: StoredFont;
  bold: StoredFont;
}

/** The fields of a shaped run pdfkit reads (see EmbeddedFont.layout / encode). */
interface Run {
  glyphs: fontkit.Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

const MAX_RUNS_PER_FONT = 50_000;

function store(font: fontkit.Font): StoredFont {
  const out: StoredFont = {};
  const cache = layoutCacheFor(font) as Record<string, Run>;
  for (const text of Object.keys(cache).sort().slice(0, MAX_RUNS_PER_FONT)) {
    const run = cache[text] as Run;
    out[text] = {
      g: run.glyphs.map((g) => g.id),
      c: run.glyphs.map((g) => [...g.codePoints]),
      p: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
      w: run.advanceWidth,
    };
  }
  return out;
}

export function exportShaping(fonts: ParsedFonts): StoredShaping {
  return { version: 1, regular: store(fonts.regular), bold: store(fonts.bold) };
}

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((n) => typeof n === 'number' && Number.isFinite(n));

function isStoredRun(value: unknown): value is StoredRun {
  if (!value || typeof value !== 'object') return false;
  const run = value as Partial<StoredRun>;
  return (
    isNumbers(run.g) &&
    Array.isArray(run.c) &&
    run.c.length === run.g.length &&
    run.c.every(isNumbers) &&
    isNumbers(run.p) &&
    run.p.length === run.g.length * 5 &&
    typeof run.w === 'number'
  );
}

function restore(font: fontkit.Font, stored: unknown): void {
  if (!stored || typeof stored !== 'object') return;
  const cache = layoutCacheFor(font) as Record<string, Run>;
  for (const [text, run] of Object.entries(stored as Record<string, unknown>)) {
    if (text in cache || !isStoredRun(run)) continue;
    if (run.g.some((id) => id < 0 || id >= font.numGlyphs)) continue;
    const p = run.p;
    cache[text] = {
      glyphs: run.g.map((id, i) => font.getGlyph(id, run.c[i])),
      positions: run.g.map((_, i) => ({
        xAdvance: p[i * 5] as number,
        yAdvance: p[i * 5 + 1] as number,
        xOffset: p[i * 5 + 2] as number,
        yOffset: p[i * 5 + 3] as number,
        advanceWidth: p[i * 5 + 4] as number,
      })),
      advanceWidth: run.w,
    };
  }
}

/** Loads stored runs into this thread's caches; anything malformed is ignored, never fatal. */
export function importShaping(fonts: ParsedFonts, data: unknown): void {
  if (!data || typeof data !== 'object' || (data as { version?: unknown }).version !== 1) return;
  const stored = data as Partial<StoredShaping>;
  restore(fonts.regular, stored.regular);
  restore(fonts.bold, stored.bold);
}
