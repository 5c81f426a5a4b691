/**
 * Table layout: column widths from measured content, row heights from wrapped cells, the
 * largest size in the table range that fits, else pages that repeat the header row.
 */
import type { Align, Block } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { balancedPages } from './fit.js';
import { FALLBACK_SLACK, inToPt, LINE, TYPE, WIDTH_SLACK } from './geometry.js';
import { wrapLines } from './paragraph-lines.js';
import { inlineRuns, type Run } from './styled-runs.js';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Cell insets in inches: [top/bottom, left/right]. */
export const CELL_PAD_Y = 0.05;
export const CELL_PAD_X = 0.09;
/** The share of its box a table set above TYPE.tableMax may take (the rest is for its takeaway). */
export const SHORT_TABLE_SHARE = 0.45;

export interface TablePage {
  /** Indices into the body rows. */
  rows: number[];
  /** Row heights in inches, header first. */
  rowH: number[];
}

export interface TableLayout {
  size: number;
  header: Run[][];
  body: Run[][][];
  align: ('left' | 'right' | 'center')[];
  colW: number[];
  pages: TablePage[];
}

/** Starts like a figure: a sign, any currency (\p{Sc}, with the letters of US$ or JP¥, or CHF), a digit. */
const NUMERIC = /^[-+−~≈<>]?\s*(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3}\s)?\s*\d/u;

/** The model's alignment, else right for a column whose every filled cell starts like a number. */
export function columnAlign(align: readonly Align[], body: readonly string[][], cols: number) {
  return Array.from({ length: cols }, (_, c) => {
    const given = align[c];
    if (given) return given;
    const cells = body.map((row) => (row[c] ?? '').trim()).filter((t) => t !== '');
    return cells.length > 0 && cells.every((t) => NUMERIC.test(t)) ? ('right' as const) : ('left' as const);
  });
}

const plain = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

function longestWord(runs: readonly Run[], size: number, m: TextMeasurer, bold: boolean): number {
  return Math.max(
    0,
    ...plain(runs)
      .split(/\s+/)
      .map((w) => m.width(w, size, bold)),
  );
}

/**
 * Column widths in inches summing to `width`, proportional to content, never below a column's
 * longest word while the table can hold every column's longest word.
 */
export function columnWidths(
  cells: readonly Run[][][],
  width: number,
  size: number,
  m: TextMeasurer,
  keepWhole: readonly boolean[] = [],
): number[] {
  const cols = Math.max(0, ...cells.map((r) => r.length));
  const pad = inToPt(2 * CELL_PAD_X);
  const total = inToPt(width);
  const natural: number[] = [];
  const word: number[] = [];
  const themeWord: number[] = [];
  const figures: number[] = [];
  for (let c = 0; c < cols; c++) {
    let nat = 0;
    let min = 0;
    let themeMin = 0;
    cells.forEach((row, r) => {
      const runs = row[c] ?? [];
      nat = Math.max(nat, m.width(plain(runs), size, r === 0) / WIDTH_SLACK);
      // A word is never broken, in a fallback font either (geometry.ts FALLBACK_SLACK).
      const longest = longestWord(runs, size, m, r === 0);
      min = Math.max(min, longest / FALLBACK_SLACK);
      themeMin = Math.max(themeMin, longest / WIDTH_SLACK);
    });
    themeWord.push(themeMin + pad);
    // The natural width holds the longest word too: a table with room to spare gives each column
    // a share of it, and "pledged" in a fallback font is wider than its width at WIDTH_SLACK.
    natural.push(Math.max(nat, min) + pad);
    word.push(min + pad);
    // A figure ("US$12.0 billion") reads badly broken: its column keeps its full width if it can,
    // up to a third of the table and its 1/n share.
    const figure = keepWhole[c] ? Math.min(nat + pad, total / 3, total / Math.max(1, cols)) : 0;
    figures.push(figure);
  }
  const sumNat = natural.reduce((a, b) => a + b, 0);
  if (sumNat <= total) return natural.map((n) => (n / sumNat) * width);
  // Too narrow for every longest word in a fallback font: hold them in the theme's fonts.
  const floors = word.reduce((a, b) => a + b, 0) <= total ? word : themeWord;
  const minimum = columnFloors(
    floors,
    figures.map((f, c) => Math.max(f, floors[c] ?? 0)),
    total,
  );
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, total - sumMin);
  const want = natural.map((n, c) => n - (minimum[c] ?? 0));
  const sumWant = want.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((mn, c) => (mn + (spare * (want[c] ?? 0)) / sumWant) / 72);
}

/**
 * Each column's least width, points: what it wants (its longest word, a figure its whole
 * width), the widest claims cut to one level until they fit `total`, never below the longest
 * word. Only a table too narrow for every longest word caps each column at a 1/n share (its
 * words then break, as they must). Capping every column at 1/n, as before, broke a column whose
 * word was wider than its share though the other columns had room to give.
 */
function columnFloors(word: readonly number[], wanted: readonly number[], total: number): number[] {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(word) > total) return wanted.map((w) => Math.min(w, total / Math.max(1, wanted.length)));
  const at = (level: number) => wanted.map((w, c) => Math.max(word[c] ?? 0, Math.min(w, level)));
  if (sum(wanted) <= total) return [...wanted];
  let low = 0;
  let high = Math.max(0, ...wanted);
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (sum(at(mid)) <= total) low = mid;
    else high = mid;
  }
  return at(low);
}

function rowHeight(
  row: readonly Run[][],
  colW: readonly number[],
  size: number,
  m: TextMeasurer,
  bold: boolean,
) {
  let lines = 1;
  row.forEach((runs, c) => {
    const width = inToPt((colW[c] ?? 1) - 2 * CELL_PAD_X) * WIDTH_SLACK;
    lines = Math.max(lines, wrapLines(runs, size, width, m, bold).length);
  });
  return (lines * size * LINE) / 72 + 2 * CELL_PAD_Y + 0.02;
}

function pages(heights: readonly number[], headerH: number, boxH: number): TablePage[] {
  const out: TablePage[] = [];
  let page: TablePage = { rows: [], rowH: [headerH] };
  let used = headerH;
  heights.forEach((h, i) => {
    if (used + h > boxH && page.rows.length > 0) {
      out.push(page);
      page = { rows: [], rowH: [headerH] };
      used = headerH;
    }
    page.rows.push(i);
    page.rowH.push(h);
    used += h;
  });
  out.push(page);
  return out;
}

/** Lays a table out in a box (inches). */
export function layoutTable(table: TableBlock, width: number, height: number, m: TextMeasurer): TableLayout {
  const header = table.header.map((cell) => inlineRuns(cell, { bold: true }));
  const body = table.rows.map((row) => row.map((cell) => inlineRuns(cell)));
  const cols = Math.max(header.length, ...body.map((r) => r.length));
  const align = columnAlign(
    table.align,
    body.map((row) => row.map(plain)),
    cols,
  );
  const at = (size: number): TableLayout => {
    const colW = columnWidths(
      [header, ...body],
      width,
      size,
      m,
      align.map((a) => a === 'right'),
    );
    const headerH = rowHeight(header, colW, size, m, true);
    const heights = body.map((row) => rowHeight(row, colW, size, m, false));
    const split = (h: number) => pages(heights, headerH, h).map((page) => page.rows);
    const rows = balancedPages(split, height);
    return {
      size,
      header,
      body,
      align,
      colW,
      pages: rows.map((page) => ({ rows: page, rowH: [headerH, ...page.map((r) => heights[r] ?? 0)] })),
    };
  };
  // A short table is set larger, up to the size of body text, while it takes at most
  // SHORT_TABLE_SHARE of the height: three rows at 14 pt would sit in the top corner of an
  // empty slide. Any other table takes the largest size in the table range that fits one slide.
  for (let size: number = TYPE.shortTableMax; size >= TYPE.tableMin; size -= 1) {
    const laid = at(size);
    const used = (laid.pages[0]?.rowH ?? []).reduce((sum, h) => sum + h, 0);
    if (laid.pages.length === 1 && (size <= TYPE.tableMax || used <= height * SHORT_TABLE_SHARE)) return laid;
  }
  // Too long for one slide even at the floor: continue one size above it, header repeated.
  return at(TYPE.tableMin + 1);
}
