/**
 * Line breaking with the theme font's advance widths (fontkit), so the deck knows how many
 * lines a paragraph takes before PowerPoint does. The shared line breaker (text/line-break.ts)
 * breaks only at spaces (Korean typography keeps words whole, and a renderer breaking more
 * often only needs fewer lines); a word wider than the box wraps inside itself, as PowerPoint
 * does, and its lines are counted.
 */
import { type BreakWord, breakWords, joinsPrevious, splitAtSpaces } from '../../text/line-break.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { LINE, PARA_GAP } from './geometry.js';
import type { Para, ParaKind, Run } from './styled-runs.js';

/** A word or a space with its run's style. */
interface Token {
  run: number;
  text: string;
  space: boolean;
}

/**
 * Citation marks are drawn raised and smaller, but how much smaller is the viewer's choice
 * (PowerPoint and LibreOffice differ): measure them at full size, on the safe side.
 */
const SUPERSCRIPT_SCALE = 1;

/** Type size of a paragraph kind relative to the body size. */
export function kindSize(kind: ParaKind, size: number): number {
  return kind === 'heading' ? Math.round(size * 1.1) : size;
}

/** Left indent in points for bullets, numbers and quotes. */
export function kindIndent(kind: ParaKind, size: number): number {
  // Numbers need room for "10." and up; bullets only for the dot.
  if (kind === 'number') return Math.round(size * 2);
  return kind === 'bullet' ? Math.round(size * 1.3) : kind === 'quote' ? size : 0;
}

/** A word of one run with the spaces that follow it, which stay on its line. */
interface RunWord extends BreakWord {
  tokens: Token[];
}

function tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  runs.forEach((run, i) => {
    for (const part of splitAtSpaces(run.text)) out.push({ run: i, text: part, space: part.trim() === '' });
  });
  return out;
}

function tokenWidth(
  token: Token,
  runs: readonly Run[],
  size: number,
  m: TextMeasurer,
  bold: boolean,
): number {
  const run = runs[token.run];
  const scale = run?.superscript ? SUPERSCRIPT_SCALE : 1;
  return m.width(token.text, size * scale, bold || run?.bold === true);
}

/**
 * Words are cut at every run boundary too (a line may break where the style changes), but for
 * a piece that opens with a word joiner (a citation mark after its word): no viewer breaks
 * there, so it joins the word before it. Spaces before the first word are dropped, later ones
 * count towards their word's line.
 */
function runWords(runs: readonly Run[], size: number, m: TextMeasurer, bold: boolean): RunWord[] {
  const words: RunWord[] = [];
  for (const token of tokens(runs)) {
    const w = tokenWidth(token, runs, size, m, bold);
    const last = words[words.length - 1];
    if (token.space) {
      if (last) {
        last.tokens.push(token);
        last.space += w;
      }
      continue;
    }
    if (last && last.space === 0 && joinsPrevious(token.text)) {
      last.tokens.push(token);
      last.width += w;
      continue;
    }
    words.push({ tokens: [token], width: w, space: 0 });
  }
  return words;
}

/** Breaks runs into lines no wider than `width` points; a word wider than a line gets lines of its own. */
export function wrapLines(
  runs: readonly Run[],
  size: number,
  width: number,
  m: TextMeasurer,
  bold = false,
): Run[][] {
  const lines = breakWords(runWords(runs, size, m, bold), width, { wide: 'wrap-inside' });
  if (lines.length === 0) lines.push([]);
  return lines.map((words) =>
    rebuildRuns(
      words.flatMap((word) => word.tokens),
      runs,
    ),
  );
}

function rebuildRuns(line: readonly Token[], runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  let previous = -1;
  for (const token of line) {
    const source = runs[token.run];
    const last = out[out.length - 1];
    if (!source) continue;
    if (last && previous === token.run) last.text += token.text;
    else out.push({ ...source, text: token.text });
    previous = token.run;
  }
  return out;
}

/** Wrapped lines of a paragraph at a body size in a box `width` points wide. */
export function paraLines(para: Para, size: number, width: number, m: TextMeasurer): Run[][] {
  const s = kindSize(para.kind, size);
  return wrapLines(para.runs, s, width - kindIndent(para.kind, size), m, para.kind === 'heading');
}

/** Height in points of a paragraph, with the gap before it unless it opens the box. */
export function paraHeight(para: Para, size: number, width: number, m: TextMeasurer, first: boolean): number {
  const s = kindSize(para.kind, size);
  const lines = paraLines(para, size, width, m).length;
  return lines * s * LINE + (first ? 0 : s * PARA_GAP);
}

export function parasHeight(paras: readonly Para[], size: number, width: number, m: TextMeasurer): number {
  return paras.reduce((sum, p, i) => sum + paraHeight(p, size, width, m, i === 0), 0);
}
