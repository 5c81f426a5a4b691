/**
 * The theme's font stack: the primary face and its fallbacks, each read and parsed on first
 * use (a build whose text needs no fallback never opens the 10 MB CJK face). Its faces are what the
 * run splitter (text/runs.ts) chooses from, for every renderer and for the coverage check.
 * A build gets its stack from its fonts (build-fonts.ts `BuildFonts.stack`), which open the files.
 */
import type * as fontkit from 'fontkit';
import { type RunFace, splitRuns, type TextRun } from '../text/runs.js';
import { resolveFontPath } from './font-files.js';
import type { Theme } from './schema.js';

/** Opens the font file at a resolved path (read and parsed once per build: build-fonts.ts). */
export type OpenFont = (path: string) => fontkit.Font;

export interface StackFace {
  family: string;
  regularPath: string;
  boldPath: string;
  /** Only the primary face may have one; undefined: emphasis is drawn upright. */
  italicPath?: string;
  licencePath?: string;
  scripts: readonly string[];
  regular(): fontkit.Font;
  bold(): fontkit.Font;
  italic(): fontkit.Font | undefined;
  /** Regular, bold or italic as asked, falling back to regular for an italic the face lacks. */
  font(style: { bold?: boolean; italic?: boolean }): fontkit.Font;
}

export interface FontStack {
  /** Identifies the stack's files: equal keys, equal stacks. */
  key: string;
  faces: StackFace[];
  /** The faces as the run splitter sees them (coverage in regular and bold). */
  runFaces: RunFace[];
  /** The families in stack order, for messages and the deck. */
  families: string[];
  /** Runs of `text` (text/runs.ts) over this stack. */
  runs(text: string): TextRun[];
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

function face(
  spec: {
    family: string;
    regular: string;
    bold: string;
    italic?: string;
    licence?: string;
    scripts: readonly string[];
  },
  open: OpenFont,
): StackFace {
  const regularPath = resolveFontPath(spec.regular);
  const boldPath = resolveFontPath(spec.bold);
  const italicPath = spec.italic ? resolveFontPath(spec.italic) : undefined;
  const regular = lazy(() => open(regularPath));
  const bold = lazy(() => open(boldPath));
  const italic = lazy(() => (italicPath ? open(italicPath) : undefined));
  return {
    family: spec.family,
    regularPath,
    boldPath,
    ...(italicPath ? { italicPath } : {}),
    ...(spec.licence ? { licencePath: resolveFontPath(spec.licence) } : {}),
    scripts: spec.scripts,
    regular,
    bold,
    italic,
    font(style) {
      if (style.bold) return bold();
      if (style.italic) return italic() ?? regular();
      return regular();
    },
  };
}

export function stackKey(theme: Theme): string {
  const f = theme.fonts;
  return JSON.stringify([
    f.regular,
    f.bold,
    f.italic,
    f.fallbacks.map((b) => [b.regular, b.bold, b.scripts]),
  ]);
}

/** The theme's stack over fonts opened by `open`; build-fonts.ts keeps one per build. */
export function makeFontStack(theme: Theme, open: OpenFont): FontStack {
  const key = stackKey(theme);
  const f = theme.fonts;
  const faces = [
    face(
      {
        family: f.family,
        regular: f.regular,
        bold: f.bold,
        ...(f.italic !== 'none' ? { italic: f.italic } : {}),
        ...(f.licence ? { licence: f.licence } : {}),
        scripts: [],
      },
      open,
    ),
    ...f.fallbacks.map((b) => face(b, open)),
  ];
  const runFaces: RunFace[] = faces.map((item) => {
    const known = new Map<number, boolean>();
    return {
      scripts: item.scripts,
      covers(code) {
        let covered = known.get(code);
        if (covered === undefined) {
          covered = item.regular().hasGlyphForCodePoint(code) && item.bold().hasGlyphForCodePoint(code);
          known.set(code, covered);
        }
        return covered;
      },
    };
  });
  const runCache = new Map<string, TextRun[]>();
  const stack: FontStack = {
    key,
    faces,
    runFaces,
    families: faces.map((item) => item.family),
    runs(text) {
      let runs = runCache.get(text);
      if (!runs) {
        runs = splitRuns(text, runFaces);
        // Bounded: a build measures each word many times, but the set of words is finite.
        if (runCache.size > 50_000) runCache.clear();
        runCache.set(text, runs);
      }
      return runs;
    },
  };
  return stack;
}
