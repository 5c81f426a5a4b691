/**
 * Slide geometry in inches (pptxgenjs' unit) for the 16:9 wide layout, and the type sizes
 * the fitter may choose between. One place, so the planner and the drawer agree.
 */

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN_X = 0.6;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The title band of content slides. */
export const TITLE_BOX: Box = { x: MARGIN_X, y: 0.38, w: CONTENT_W, h: 0.9 };
/** The body area between the title rule and the footer. */
export const BODY_BOX: Box = { x: MARGIN_X, y: 1.55, w: CONTENT_W, h: 5.15 };
export const FOOTER_Y = 6.98;
export const FOOTER_H = 0.32;
export const COLUMN_GAP = 0.5;

/** Type sizes in points: start at the theme's size, shrink no further than these floors. */
export const TYPE = {
  titleMin: 22,
  bodyMin: 14,
  /** Text that would leave most of a slide empty is set larger, up to this size (plan-text.ts bodyMax). */
  sparseMax: 24,
  tableMax: 14,
  /** A table of a few rows is set up to this size (table-fit.ts). */
  shortTableMax: 18,
  tableMin: 11,
  sourcesMax: 14,
  /** Sources are read from the back of the room too: a long list continues rather than shrinks. */
  sourcesMin: 12,
  footer: 10,
  caption: 11,
  kpiValue: 36,
  kpiLabel: 15,
} as const;

/** Line height as a multiple of the type size; set as exact spacing so any fallback font keeps it. */
export const LINE = 1.22;
/** Space before a paragraph, as a multiple of its type size. */
export const PARA_GAP = 0.45;
/**
 * Share of a box's width the wrapper may fill: the text is laid out with the theme font's
 * metrics, and this slack keeps a line on one line when a viewer substitutes a wider font.
 */
export const WIDTH_SLACK = 0.93;
/**
 * Share of a box's width for text that cannot continue or break: a slide title (one box), a table
 * column's longest word. A viewer without the theme's fonts draws them wider than
 * WIDTH_SLACK allows: LibreOffice 7.4 does not read a deck's embedded fonts and falls back to
 * DejaVu Sans, whose bold is 1.19–1.21× as wide as Pretendard Bold in the shipped titles, figures
 * and table words (1.11–1.13× for the regular). 0.8 keeps such text in its box in that font: the
 * Korea deck's three-line title ran above the slide, a table word broke ("pledge" / "d").
 */
export const FALLBACK_SLACK = 0.8;

export const PT_PER_IN = 72;
export const inToPt = (inches: number): number => inches * PT_PER_IN;
export const ptToIn = (points: number): number => points / PT_PER_IN;

/** Splits a box into two columns with the given share for the left one. */
export function splitColumns(box: Box, leftShare = 0.5, gap = COLUMN_GAP): [Box, Box] {
  const leftW = (box.w - gap) * leftShare;
  return [
    { x: box.x, y: box.y, w: leftW, h: box.h },
    { x: box.x + leftW + gap, y: box.y, w: box.w - gap - leftW, h: box.h },
  ];
}

/** Space between a table and the takeaway panel under it, and the panel's inner padding. */
export const AFTER_TABLE_GAP = 0.35;
export const PANEL_PAD = 0.22;

/** The box under a table (its top `top` inches into the body, `tableH` tall) for the takeaway panel. */
export function afterTableBox(top: number, tableH: number): Box {
  const y = BODY_BOX.y + top + tableH + AFTER_TABLE_GAP;
  return { ...BODY_BOX, y, h: Math.max(0, BODY_BOX.y + BODY_BOX.h - y) };
}

/** The text area inside a panel: padded, with room for the accent bar on the left. */
export function panelInner(box: Box): Box {
  return {
    x: box.x + PANEL_PAD + 0.07,
    y: box.y + PANEL_PAD,
    w: box.w - 2 * PANEL_PAD - 0.07,
    h: box.h - 2 * PANEL_PAD,
  };
}
