/**
 * Cards of a grid (grid.ts) laid out from their text (issue 11). A card spec places its text
 * layers at fixed offsets from the card's top (`dy`), drawn for labels of a line or three and
 * figures of a few digits: 25 indicators with names of 120 characters wrapped the label to nine
 * lines over the figure, and "150,000%" at 30 px ran 33 px past its 117 px card. So, on the rows
 * a chart draws:
 *
 * - a single-line text (the figure) wider than its card is set smaller, to what the card holds
 *   (never under MIN_TEXT_SIZE), the same size on every card so they read as one grid; a figure
 *   that even then is wider (10^15 written out: "1,000,000,000,000,000" is 125 px at 11 px) puts
 *   fewer cards in a row, rewrapping the texts that wrap at the card's width, as wide as it needs;
 * - when a layer's text, at the most lines any card has, would run into the next layer, every
 *   layer below it moves down just enough (GAP px of air), the same on every card;
 * - the card grows to hold its lowest layer with the spec's own bottom margin.
 *
 * A spec whose text fits its own offsets is left as it is (the shipped datasets' cards).
 */
import type { Row } from '../derive/types.js';
import { gridLayout, placeInGrid } from './grid.js';
import { type LayoutContext, lineHeight, linesOf, rewrap, textOf } from './layout-common.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** Air kept between two layers of a card, px. */
export const GAP = 6;
/** No text of a card is set smaller to fit its width, px (8 pt in the PDF at 0.75 pt a px). */
export const MIN_TEXT_SIZE = 11;
/** Margin kept inside each side of a card for a single-line text, px. */
const SIDE = 6;

type Baseline = 'top' | 'middle' | 'bottom';

interface Block {
  mark: JsonObject;
  field: string;
  size: number;
  lead: number;
  lines: number;
  baseline: Baseline;
  dy: number;
}

const heightOf = (b: Pick<Block, 'lines' | 'lead' | 'size'>) =>
  b.lines === 0 ? 0 : (b.lines - 1) * b.lead + b.size;

/**
 * Where a block's top is when its anchor is at `dy`. vega sets a text's first line on its
 * baseline and the further lines below it, whatever the baseline (the SVG of a three-line
 * "bottom" text has its first line at the anchor), so a block grows downwards.
 */
const above = (b: Block) => (b.baseline === 'top' ? 0 : b.baseline === 'bottom' ? b.size : b.size / 2);
const topOf = (b: Block, dy: number) => dy - above(b);
const dyOf = (b: Block, top: number) => top + above(b);

const baselineOf = (value: Json | undefined): Baseline =>
  value === 'top' || value === 'bottom' ? value : 'middle';

/** The text layers of a card spec, with the most lines any row gives each. */
function blocksOf(spec: JsonObject, rows: readonly Row[], base: number): Block[] {
  const layers = Array.isArray(spec.layer) ? spec.layer : [];
  const blocks: Block[] = [];
  for (const layer of layers) {
    if (!isObject(layer) || !isObject(layer.mark) || layer.mark.type !== 'text') continue;
    const text = isObject(layer.encoding) ? layer.encoding.text : undefined;
    if (!isObject(text) || typeof text.field !== 'string') continue;
    const mark = layer.mark;
    const size = typeof mark.fontSize === 'number' ? mark.fontSize : base;
    const field = text.field;
    blocks.push({
      mark,
      field,
      size,
      lead: typeof mark.lineHeight === 'number' ? mark.lineHeight : lineHeight(size),
      lines: Math.max(0, ...rows.map((row) => linesOf(textOf(row[field] as Json)))),
      baseline: baselineOf(mark.baseline),
      dy: typeof mark.dy === 'number' ? mark.dy : 0,
    });
  }
  return blocks.sort((a, b) => a.dy - b.dy);
}

/** A band scale's inner padding on a channel (vega-lite's default for bands is 0.1). */
function paddingOf(spec: JsonObject, channel: 'x' | 'y'): number {
  const encoding = isObject(spec.encoding) ? spec.encoding[channel] : undefined;
  const scale = isObject(encoding) && isObject(encoding.scale) ? encoding.scale : {};
  return typeof scale.paddingInner === 'number' ? scale.paddingInner : 0.1;
}

/** A text drawn on one line at every card (a figure): it cannot wrap, so it must fit the card's width. */
const isOneLine = (block: Block) => typeof block.mark.lineBreak !== 'string' && block.lines === 1;

/** The widest of a block's texts over the rows at `size`, px. */
function widestText(block: Block, rows: readonly Row[], size: number, context: LayoutContext): number {
  const bold = block.mark.fontWeight === 'bold';
  return Math.max(
    0,
    ...rows.map((row) => context.measurer.width(textOf(row[block.field] as Json), size, bold)),
  );
}

/** Sets single-line texts wider than a card at the size that fits it; true when one changed. */
function fitWidths(
  blocks: Block[],
  rows: readonly Row[],
  cardWidth: number,
  context: LayoutContext,
): boolean {
  let changed = false;
  for (const block of blocks) {
    if (!isOneLine(block)) continue;
    const widest = widestText(block, rows, block.size, context);
    const room = cardWidth - 2 * SIDE;
    if (widest <= room || block.size <= MIN_TEXT_SIZE) continue;
    const size = Math.max(MIN_TEXT_SIZE, Math.floor((block.size * room) / widest));
    block.mark.fontSize = size;
    block.lead = lineHeight(size);
    block.size = size;
    changed = true;
  }
  return changed;
}

/** The widest single-line text of any card at the least size, px (what a card must hold). */
function widestAtLeast(spec: JsonObject, rows: readonly Row[], context: LayoutContext): number {
  const blocks = blocksOf(spec, rows, context.theme.sizes.chartLabel).filter(isOneLine);
  return Math.max(0, ...blocks.map((b) => widestText(b, rows, Math.min(b.size, MIN_TEXT_SIZE), context)));
}

/**
 * The cards in fewer columns when a single-line text does not fit a card at MIN_TEXT_SIZE:
 * their places and the texts wrapped at the card's width are redone (bind.ts placed and
 * wrapped them for the count's columns). Returns the columns.
 */
function fewerColumns(spec: JsonObject, rows: Row[], columns: number, context: LayoutContext): number {
  const widest = widestAtLeast(spec, rows, context) + 2 * SIDE;
  const share = 1 - paddingOf(spec, 'x');
  let fitting = columns;
  while (fitting > 1 && (context.chartWidth / fitting) * share < widest) fitting -= 1;
  if (fitting === columns) return columns;
  const layout = gridLayout(rows.length, fitting);
  const placed = placeInGrid(rows, layout);
  for (const [i, row] of placed.entries())
    Object.assign(rows[i] as Row, { gridColumn: row.gridColumn, gridRow: row.gridRow });
  const cell = context.chartWidth / layout.columns;
  for (const rule of context.rules)
    if (rule.width === 'cell') rewrap(rows, rule, Math.max(1, cell - (rule.inset ?? 0)), context);
  return layout.columns;
}

/**
 * Lays out a card grid's text layers and height for `rows` (a copy of the spec is changed in
 * place by layout.ts). No-op for a spec without a grid's `gridColumn`/`gridRow` rows.
 */
export function layoutCards(spec: JsonObject, rows: Row[], context: LayoutContext): void {
  const first = rows[0];
  if (!first || !('gridColumn' in first) || !('gridRow' in first)) return;
  const height = isObject(spec.height) ? spec.height : undefined;
  if (!height || typeof height.step !== 'number') return;
  const given = Math.max(1, ...rows.map((row) => Number(row.gridColumn) + 1));
  const columns = fewerColumns(spec, rows, given, context);
  const cardWidth = (context.chartWidth / columns) * (1 - paddingOf(spec, 'x'));
  const cardHeight = height.step * (1 - paddingOf(spec, 'y'));
  const blocks = blocksOf(spec, rows, context.theme.sizes.chartLabel);
  const resized = fitWidths(blocks, rows, cardWidth, context);
  // The spec's bottom margin: the card's height below its lowest layer, set at a line each.
  const lowest = Math.max(
    0,
    ...blocks.map((b) => topOf({ ...b, lines: 1 }, b.dy) + heightOf({ ...b, lines: 1 })),
  );
  const margin = Math.max(GAP, cardHeight - lowest);
  let cursor = Number.NEGATIVE_INFINITY;
  let moved = false;
  for (const block of blocks) {
    if (block.lines === 0) continue;
    const top = topOf(block, block.dy);
    const placed = Math.max(top, cursor + GAP);
    if (placed !== top) {
      block.mark.dy = Math.ceil(dyOf(block, placed));
      moved = true;
    }
    cursor = placed + heightOf(block);
  }
  if (!moved && !resized && columns === given && cursor + margin <= cardHeight) return;
  const needed = Math.max(cardHeight, cursor + margin);
  spec.height = { ...height, step: Math.ceil(needed / (1 - paddingOf(spec, 'y'))) };
}
