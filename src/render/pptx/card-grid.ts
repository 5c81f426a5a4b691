/**
 * The KPI card grid, measured (issue 11): how many cards a slide takes, in how many columns,
 * how tall the cards are and what size each text is set at, from the real font's widths. The
 * planner groups a slide's cards with it and the drawing (draw-kpi.ts) places them with it, so
 * both agree. Cards keep their standard 2 in height while their text fits it; a card whose label
 * needs more grows (every card of the slide with it, so they read as one grid), and when the
 * grid grown at the least sizes would not fit the body, fewer cards go on each slide and the rest
 * continue on numbered slides. Nothing on a card is set under MIN_CARD_TEXT_PT, and a figure
 * under READABLE only when it is alone on its slide and still does not fit the slide's width.
 */
import type { KpiItem } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { kpiNote } from '../kpi-note.js';
import { fittingSize, wrapWidth } from './fit.js';
import { type Box, FALLBACK_SLACK, inToPt, TYPE, WIDTH_SLACK } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import { oneLine } from './sanitize.js';
import { citationMark, type Para, type Run } from './styled-runs.js';

/** Space between columns and between rows of cards, inches. */
export const CARD_GAP = 0.3;
export const ROW_GAP = 0.2;
/** Text inset from the card's sides (the accent bar is on the left). */
export const CARD_PAD = 0.2;
/** A card's standard height: a figure's two lines and three lines of label. */
export const CARD_H = 2.0;
/** The figure's box: two lines at READABLE (a figure wraps between its words before it goes below it). */
export const VALUE_H = 1.0;
/** Space above the figure and under the label (with the figure's box: what a card holds besides its label). */
const VALUE_TOP = 0.12;
const LABEL_TOP = 0.15;
const CARD_BOTTOM = 0.12;
/** The note's least box, and its inset from the card's bottom. */
export const NOTE_H = 0.3;
const NOTE_BOTTOM = 0.08;
/** Measured heights are rounded; a box this much taller than its text keeps the text in. */
const SLACK_IN = 0.01;
/** At most six cards a slide: more and the figures get too small to read from the back of a room. */
export const MAX_CARDS = 6;
/** No label or note on a card is set smaller: a room reads 12 pt from its back rows. */
export const MIN_CARD_TEXT_PT = 12;
const NOTE_PT = 12;

/**
 * Sizes a figure is set at: READABLE and up, on one line or wrapped between its words, so it
 * reads from the back of a room; past that one line down to ONE_LINE_FLOOR.
 */
export const READABLE = 28;
export const ONE_LINE_FLOOR = 16;
/** Points a figure in a set of cards may lose to fit its box in a fallback font (fallbackValueSize). */
export const FALLBACK_SHRINK = 4;

/** Cards a row: up to three in one row, four as two by two, five or six as rows of three. */
export const kpiColumns = (count: number): number => (count <= 3 ? Math.max(1, count) : count === 4 ? 2 : 3);

/** Inches a text of `paras` takes `width` inches wide at `size`. */
const textH = (paras: readonly Para[], size: number, width: number, m: TextMeasurer) =>
  parasHeight(paras, size, wrapWidth(inToPt(width)), m) / 72;

/** The largest size at which every word of `text` fits a line `line` pt wide (a figure never breaks). */
function wordsFitSize(text: string, line: number, m: TextMeasurer): number {
  const widest = Math.max(1e-6, ...text.split(/\s+/).map((w) => m.width(w, 1, true)));
  return Math.max(1, Math.floor(line / widest));
}

/**
 * The size `text` is set at in a box `width` × VALUE_H inches: the largest from `max` down to
 * READABLE at which it is one line, else at which it wraps between words only (each word fits
 * the line) and its lines fit the box; else the largest one-line size down to ONE_LINE_FLOOR;
 * else ONE_LINE_FLOOR wrapped between words, in a value box grown to its lines (kpiValueBoxH),
 * or smaller only when a word is wider than the line at the floor. A number is never broken in
 * two ("1,430,000,0" / "00"): the figure shrinks instead.
 */
export function kpiValueSize(text: string, width: number, max: number, m: TextMeasurer): number {
  const line = inToPt(width) * WIDTH_SLACK;
  const oneLine = (size: number) => m.width(text, size, true) <= line;
  const words = text.split(/\s+/).filter(Boolean);
  const para = valuePara(text);
  const wrapped = (size: number) =>
    words.every((w) => m.width(w, size, true) <= line) &&
    fittingSize([para], inToPt(width), inToPt(VALUE_H), size, size, m) !== undefined;
  const readable = Math.min(max, READABLE);
  for (let size = max; size >= readable; size--) if (oneLine(size)) return size;
  for (let size = max; size >= readable; size--) if (wrapped(size)) return size;
  for (let size = readable - 1; size >= ONE_LINE_FLOOR; size--) if (oneLine(size)) return size;
  // Shrinking further to keep the lines in VALUE_H set long figures at 8 pt and less: the
  // figure stays at the floor and its box grows instead (the card with it, kpiLayout).
  return Math.min(ONE_LINE_FLOOR, wordsFitSize(text, line, m));
}

const valuePara = (text: string): Para => ({ kind: 'body', runs: [{ text, bold: true }] });

/**
 * The size a figure set at `size` in a box `width` × `height` inches is drawn at: the largest from
 * `size` down to `floor` at which its words and lines also fit in a fallback font (geometry.ts
 * FALLBACK_SLACK), else `floor` (its box then grows, kpiLayout). The box is anchored in its
 * middle, so a line more than it holds spills over the label below (the Japan "up to JP¥1,722.5
 * billion" in DejaVu Sans: three lines at 28 pt in a box of two). Only such a figure shrinks:
 * the grid, planned at the theme's sizes, keeps its cards (growing the box instead split six
 * cards over two slides).
 */
export function fallbackValueSize(
  text: string,
  size: number,
  width: number,
  height: number,
  floor: number,
  m: TextMeasurer,
): number {
  const line = inToPt(width) * FALLBACK_SLACK;
  const words = text.split(/\s+/).filter(Boolean);
  const low = Math.min(size, floor);
  for (let s = size; s >= low; s--) {
    if (!words.every((w) => m.width(w, s, true) <= line)) continue;
    if (parasHeight([valuePara(text)], s, line, m) <= inToPt(height)) return s;
  }
  return low;
}

/** The value box's height for `text` at `size`, `width` inches wide: VALUE_H, or as tall as its lines. */
export function kpiValueBoxH(text: string, size: number, width: number, m: TextMeasurer): number {
  return Math.max(VALUE_H, textH([valuePara(text)], size, width, m) + SLACK_IN);
}

/** The item without a note that only repeats its label. */
export function withoutRepeatedNote(item: KpiItem): KpiItem {
  const { note, ...rest } = item;
  const kept = kpiNote(item.label, note);
  return kept ? { ...rest, note: kept } : rest;
}

/** A card's label: its text, then its citation numbers as superscripts. */
export function labelPara(item: KpiItem): Para {
  const runs: Run[] = [{ text: oneLine(item.label) }];
  for (const n of item.citations)
    runs.push({ text: citationMark(n, runs[runs.length - 1]), superscript: true });
  return { kind: 'body', runs };
}

export function notePara(note: string): Para {
  return { kind: 'body', runs: [{ text: oneLine(note), italic: true }] };
}

/** One card as drawn: its panel, its text boxes and the figure's size. */
export interface CardLayout {
  card: Box;
  value: Box;
  label: Box;
  note?: Box;
  valueSize: number;
}

export interface KpiGridLayout {
  columns: number;
  rows: number;
  cards: CardLayout[];
  labelSize: number;
  noteSize: number;
  /** Inches the grid takes down the slide (0 without cards). */
  height: number;
  /** Every text fits its box at the least sizes or more, and the grid fits its box. */
  fits: boolean;
}

/** The figure sizes of a set: one size, so the figures read as a set, but for one that fits only smaller. */
function valueSizes(items: readonly KpiItem[], inner: number, m: TextMeasurer): number[] {
  const own = items.map((item) => kpiValueSize(oneLine(item.value), inner, TYPE.kpiValue, m));
  const setSize = Math.min(TYPE.kpiValue, ...own.filter((size) => size >= ONE_LINE_FLOOR));
  return own.map((size) => Math.min(size, setSize));
}

/** The card height the items need with their labels at `size` (the notes at NOTE_PT). */
function neededHeight(
  items: readonly KpiItem[],
  inner: number,
  valueH: number,
  size: number,
  m: TextMeasurer,
): number {
  return Math.max(
    0,
    ...items.map((item) => {
      const label = textH([labelPara(item)], size, inner, m);
      return LABEL_TOP + valueH + label + CARD_BOTTOM + noteBoxH(item, inner, m) + SLACK_IN;
    }),
  );
}

/** The note's box height: NOTE_H, or as tall as its lines at NOTE_PT. */
function noteBoxH(item: KpiItem, inner: number, m: TextMeasurer): number {
  if (!item.note) return 0;
  return Math.max(NOTE_H, textH([notePara(item.note)], NOTE_PT, inner, m) + SLACK_IN);
}

/**
 * The cards of `given` laid out in `box`: the standard height at the largest label size that
 * fits it, else cards as tall as the labels need at the largest size at which the grid still
 * fits the box, else (it does not fit: `fits` is false) at the least sizes.
 */
export function kpiLayout(given: readonly KpiItem[], box: Box, m: TextMeasurer): KpiGridLayout {
  const items = given.map(withoutRepeatedNote);
  const n = items.length;
  const columns = kpiColumns(n);
  const rows = n === 0 ? 0 : Math.ceil(n / columns);
  const w = (box.w - CARD_GAP * (columns - 1)) / columns;
  const inner = w - 2 * CARD_PAD;
  const values = valueSizes(items, inner, m);
  // One value box height for the grid, so its labels start on one line across the cards.
  const themeH = Math.max(
    VALUE_H,
    ...items.map((item, i) => kpiValueBoxH(oneLine(item.value), values[i] ?? READABLE, inner, m)),
  );
  // A set of cards keeps its figures near READABLE (a fallback font costs at most FALLBACK_SHRINK).
  const floor = n > 1 ? READABLE - FALLBACK_SHRINK : ONE_LINE_FLOOR;
  const drawn = items.map((item, i) =>
    fallbackValueSize(oneLine(item.value), values[i] ?? READABLE, inner, themeH, floor, m),
  );
  // Grown further only for a figure too long to fit even at the floor in a fallback font.
  const valueH = Math.max(
    themeH,
    ...items.map(
      (item, i) =>
        parasHeight(
          [valuePara(oneLine(item.value))],
          drawn[i] ?? READABLE,
          inToPt(inner) * FALLBACK_SLACK,
          m,
        ) /
          72 +
        SLACK_IN,
    ),
  );
  const gridH = (cardH: number) => (rows === 0 ? 0 : rows * cardH + (rows - 1) * ROW_GAP);
  // The standard height when two rows of it fit the box, as the least height a card takes.
  const least = gridH(CARD_H) <= box.h ? CARD_H : 0;
  const heightAt = (size: number) => Math.max(least, neededHeight(items, inner, valueH, size, m));
  const sizes = Array.from({ length: TYPE.kpiLabel - MIN_CARD_TEXT_PT + 1 }, (_, i) => TYPE.kpiLabel - i);
  // The largest label size at the standard height, else the largest at which the grown grid fits.
  const choice =
    sizes.find((size) => least > 0 && heightAt(size) <= least) ??
    sizes.find((size) => gridH(heightAt(size)) <= box.h);
  const cardH = heightAt(choice ?? MIN_CARD_TEXT_PT);
  const labelSize = choice ?? MIN_CARD_TEXT_PT;
  const valuesFit = values.every((size) => size >= READABLE) || n === 1;
  const cards = items.map((item, i): CardLayout => {
    const card = {
      x: box.x + (i % columns) * (w + CARD_GAP),
      y: box.y + Math.floor(i / columns) * (cardH + ROW_GAP),
      w,
      h: cardH,
    };
    const x = card.x + CARD_PAD;
    const noteH = noteBoxH(item, inner, m);
    const label = {
      x,
      y: card.y + LABEL_TOP + valueH,
      w: inner,
      h: cardH - valueH - LABEL_TOP - CARD_BOTTOM - noteH,
    };
    return {
      card,
      value: { x, y: card.y + VALUE_TOP, w: inner, h: valueH },
      label,
      ...(item.note ? { note: { x, y: card.y + cardH - noteH - NOTE_BOTTOM, w: inner, h: noteH } } : {}),
      valueSize: drawn[i] ?? READABLE,
    };
  });
  return {
    columns,
    rows,
    cards,
    labelSize,
    noteSize: NOTE_PT,
    height: gridH(cardH),
    fits: choice !== undefined && valuesFit && gridH(cardH) <= box.h,
  };
}

/**
 * The items in slides of cards: the fewest slides, at most MAX_CARDS each, whose grids all fit
 * `box`, the cards spread evenly (seven cards: 4 + 3, not 6 + 1). A card that does not fit even
 * alone goes on a slide of its own (the drawing reports what still runs over).
 */
export function kpiGroups(items: readonly KpiItem[], box: Box, m: TextMeasurer): KpiItem[][] {
  const n = items.length;
  if (n === 0) return [[]];
  for (let count = Math.ceil(n / MAX_CARDS); count < n; count++) {
    const groups = evenGroups(items, count);
    if (groups.every((group) => kpiLayout(group, box, m).fits)) return groups;
  }
  return items.map((item) => [item]);
}

/** `items` cut into `count` runs in order, the first ones one longer when they do not divide evenly. */
function evenGroups(items: readonly KpiItem[], count: number): KpiItem[][] {
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  const out: KpiItem[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}
