/** KPI cards: the big figure on one line, its label and note underneath, each fitted to the card. */
import type { KpiItem } from '../../document/model.js';
import { isRightToLeftParagraph } from '../../text/runs.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { kpiNote } from '../kpi-note.js';
import type { DeckBounds } from './bounds.js';
import { type DeckTheme, drawParas, scriptedText } from './draw-text.js';
import { fittingSize } from './fit.js';
import { type Box, inToPt, TYPE, WIDTH_SLACK } from './geometry.js';
import type { PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { oneLine } from './sanitize.js';
import { KPI_ROW_H, kpiColumns } from './slide-plan.js';
import type { Para } from './styled-runs.js';

const GAP = 0.3;
const PAD = 0.2;
/** The figure's box: two lines at READABLE (a figure wraps between its words before it goes below it). */
const VALUE_H = 1.0;
const NOTE_H = 0.3;
/** Label height: what the card leaves under the figure, less the note's line if there is one. */
const labelH = (card: Box, note: boolean) => card.h - VALUE_H - 0.27 - (note ? NOTE_H : 0);

/**
 * Sizes a figure is set at: READABLE and up, on one line or wrapped between its words, so it
 * reads from the back of a room; past that one line down to ONE_LINE_FLOOR, then wrapped.
 */
const READABLE = 28;
const ONE_LINE_FLOOR = 16;
const VALUE_FLOOR = 9;

/**
 * The size `text` is set at in a box `width` × VALUE_H inches: the largest from `max` down to
 * READABLE at which it is one line, else at which it wraps between words only (each word fits
 * the line) and its lines fit the box; else the largest one-line size down to ONE_LINE_FLOOR,
 * else the largest wrapped size down to VALUE_FLOOR. A number is never broken in two
 * ("1,430,000,0" / "00"), the figure shrinks instead.
 */
export function kpiValueSize(text: string, width: number, max: number, m: TextMeasurer): number {
  const line = inToPt(width) * WIDTH_SLACK;
  const oneLine = (size: number) => m.width(text, size, true) <= line;
  const words = text.split(/\s+/).filter(Boolean);
  const para: Para = { kind: 'body', runs: [{ text, bold: true }] };
  const wrapped = (size: number) =>
    words.every((w) => m.width(w, size, true) <= line) &&
    fittingSize([para], inToPt(width), inToPt(VALUE_H), size, size, m) !== undefined;
  const readable = Math.min(max, READABLE);
  for (let size = max; size >= readable; size--) if (oneLine(size)) return size;
  for (let size = max; size >= readable; size--) if (wrapped(size)) return size;
  for (let size = readable - 1; size >= ONE_LINE_FLOOR; size--) if (oneLine(size)) return size;
  for (let size = ONE_LINE_FLOOR; size > VALUE_FLOOR; size--) if (wrapped(size)) return size;
  return VALUE_FLOOR;
}

/** The item without a note that only repeats its label. */
export function withoutRepeatedNote(item: KpiItem): KpiItem {
  const { note, ...rest } = item;
  const kept = kpiNote(item.label, note);
  return kept ? { ...rest, note: kept } : rest;
}

export function kpiGrid(count: number, box: Box): Box[] {
  const cols = kpiColumns(count);
  const w = (box.w - GAP * (cols - 1)) / cols;
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + (i % cols) * (w + GAP),
    y: box.y + Math.floor(i / cols) * KPI_ROW_H,
    w,
    h: KPI_ROW_H - 0.2,
  }));
}

export function drawKpis(
  slide: PptxSlide,
  given: readonly KpiItem[],
  box: Box,
  theme: DeckTheme,
  m: TextMeasurer,
  bounds?: DeckBounds,
): void {
  const items = given.map(withoutRepeatedNote);
  const cards = kpiGrid(items.length, box);
  const inner = (card: Box) => card.w - 2 * PAD;
  // One value size for the set, so the figures read as a set; a figure that fits only below
  // ONE_LINE_FLOOR (a 19-digit number) shrinks alone instead of shrinking every card with it.
  const own = items.map((item, i) =>
    kpiValueSize(oneLine(item.value), inner(cards[i] as Box), TYPE.kpiValue, m),
  );
  const setSize = Math.min(TYPE.kpiValue, ...own.filter((size) => size >= ONE_LINE_FLOOR));
  const valueSizes = own.map((size) => Math.min(size, setSize));
  const labels: Para[] = items.map((item) => ({
    kind: 'body',
    runs: [
      { text: oneLine(item.label) },
      ...item.citations.map((n) => ({ text: `[${n}]`, superscript: true })),
    ],
  }));
  // One label size for the set too, the largest at which every label fits its card.
  const labelSize = Math.min(
    ...labels.map((label, i) => {
      const w = inToPt(inner(cards[i] as Box));
      return (
        fittingSize(
          [label],
          w,
          inToPt(labelH(cards[i] as Box, Boolean(items[i]?.note))),
          TYPE.kpiLabel,
          10,
          m,
        ) ?? 10
      );
    }),
  );
  items.forEach((item, i) => {
    const card = cards[i] as Box;
    slide.addShape('rect', {
      ...card,
      fill: { color: hex(theme.colours.accentLight) },
      line: { color: hex(theme.colours.accentLight) },
    });
    slide.addShape('rect', {
      x: card.x,
      y: card.y,
      w: 0.07,
      h: card.h,
      fill: { color: hex(theme.colours.accent) },
      line: { color: hex(theme.colours.accent) },
    });
    const x = card.x + PAD;
    const valueBox = { x, y: card.y + 0.12, w: inner(card), h: VALUE_H };
    const valueSize = valueSizes[i] ?? setSize;
    bounds?.label('KPI figure', oneLine(item.value), valueSize, valueBox, true);
    const value = oneLine(item.value);
    const rtl = isRightToLeftParagraph(value);
    slide.addText(scriptedText(value, {}, theme, { first: true, last: true, rtl }), {
      x,
      y: card.y + 0.12,
      w: inner(card),
      h: VALUE_H,
      fontFace: theme.fonts.family,
      fontSize: valueSize,
      bold: true,
      color: hex(theme.colours.accent),
      margin: [0, 0, 0, 0],
      valign: 'middle',
      fit: 'none',
    });
    const labelBox = { x, y: card.y + 0.15 + VALUE_H, w: inner(card), h: labelH(card, Boolean(item.note)) };
    bounds?.text('KPI label', [labels[i] as Para], labelSize, labelBox);
    drawParas(slide, [labels[i] as Para], labelSize, labelBox, theme);
    if (item.note) {
      const note: Para = { kind: 'body', runs: [{ text: oneLine(item.note), italic: true }] };
      const noteBox = { x, y: card.y + card.h - NOTE_H - 0.08, w: inner(card), h: NOTE_H };
      const noteSize = fittingSize([note], inToPt(noteBox.w), inToPt(noteBox.h), 11, 8, m) ?? 8;
      bounds?.text('KPI note', [note], noteSize, noteBox);
      drawParas(slide, [note], noteSize, noteBox, {
        ...theme,
        colours: { ...theme.colours, text: theme.colours.muted },
      });
    }
  });
}
