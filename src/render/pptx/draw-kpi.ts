/** KPI cards: the big figure on one line, its label and note underneath, as card-grid.ts lays them out. */
import type { KpiItem } from '../../document/model.js';
import { isRightToLeftParagraph } from '../../text/runs.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { DeckBounds } from './bounds.js';
import {
  CARD_GAP,
  CARD_H,
  type KpiGridLayout,
  kpiColumns,
  kpiLayout,
  labelPara,
  notePara,
  ROW_GAP,
  withoutRepeatedNote,
} from './card-grid.js';
import { type DeckTheme, drawParas, scriptedText } from './draw-text.js';
import type { Box } from './geometry.js';
import type { PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { oneLine } from './sanitize.js';

export { kpiValueSize, withoutRepeatedNote } from './card-grid.js';

/** The standard cards of a grid of `count` (their height before any grows for its label). */
export function kpiGrid(count: number, box: Box): Box[] {
  const cols = kpiColumns(count);
  const w = (box.w - CARD_GAP * (cols - 1)) / cols;
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + (i % cols) * (w + CARD_GAP),
    y: box.y + Math.floor(i / cols) * (CARD_H + ROW_GAP),
    w,
    h: CARD_H,
  }));
}

/** Draws the cards of `given` in `box`; returns the layout drawn (its height places what follows). */
export function drawKpis(
  slide: PptxSlide,
  given: readonly KpiItem[],
  box: Box,
  theme: DeckTheme,
  m: TextMeasurer,
  bounds?: DeckBounds,
): KpiGridLayout {
  const items = given.map(withoutRepeatedNote);
  const layout = kpiLayout(items, box, m);
  items.forEach((item, i) => {
    const placed = layout.cards[i];
    if (!placed) return;
    const { card } = placed;
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
    const value = oneLine(item.value);
    bounds?.label('KPI figure', value, placed.valueSize, placed.value, true);
    const rtl = isRightToLeftParagraph(value);
    slide.addText(scriptedText(value, {}, theme, { first: true, last: true, rtl }), {
      ...placed.value,
      fontFace: theme.fonts.family,
      fontSize: placed.valueSize,
      bold: true,
      color: hex(theme.colours.accent),
      margin: [0, 0, 0, 0],
      valign: 'middle',
      fit: 'none',
    });
    const label = labelPara(item);
    bounds?.text('KPI label', [label], layout.labelSize, placed.label);
    drawParas(slide, [label], layout.labelSize, placed.label, theme);
    if (item.note && placed.note) {
      const note = notePara(item.note);
      bounds?.text('KPI note', [note], layout.noteSize, placed.note);
      drawParas(slide, [note], layout.noteSize, placed.note, {
        ...theme,
        colours: { ...theme.colours, text: theme.colours.muted },
      });
    }
  });
  return layout;
}
