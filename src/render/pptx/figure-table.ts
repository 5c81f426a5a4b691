/**
 * A slide figure whose picture would print its labels too small (issue 11): a chart picture is
 * scaled to its box, so a tall drawing (the influence matrix, the indicator cards, 13 programme
 * bars) set its 11 px labels at 5–7 pt on a slide. drawFigure (draw-slides.ts) works out the
 * size the picture's labels project to and, under MIN_SLIDE_LABEL_PT, places the figure's data
 * table as a native table instead, when that table fits the box; native charts stay native.
 */
import { formatCell } from '../../document/figures.js';
import type { Asset, Block, DataTable, FigureBlock } from '../../document/model.js';
import { containBox, drawsNatively } from './draw-chart.js';
import type { DrawContext } from './draw-slides.js';
import { drawTable } from './draw-table.js';
import type { Box } from './geometry.js';
import type { PptxSlide } from './pptx-types.js';
import { layoutTable } from './table-fit.js';

/** What placing a figure as a table needs of the slide drawing's context. */
type FigureContext = Pick<DrawContext, 'deck' | 'theme' | 'm' | 'bounds'>;

/** The name of a figure's table frame, so that a reader of the file can tell it from other tables. */
export const figureTableName = (number: number): string => `Figure ${number} data`;

/** The least size, pt, a chart picture's labels may print at on a slide (projected at a distance). */
export const MIN_SLIDE_LABEL_PT = 12;

type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * The size, pt, the picture's labels of `labelPx` CSS px print at once the picture is placed in
 * `placed` (inches): the picture's width is in CSS px, the placed width in inches.
 */
export function projectedLabelPt(picture: Asset, placed: Box, labelPx: number): number {
  return picture.width > 0 ? labelPx * (placed.w / picture.width) * 72 : 0;
}

const text = (value: string) => [{ type: 'text' as const, text: value }];

/** The figure's data table (every row it draws) as a table block, numbers right-aligned. */
export function dataTableBlock(table: DataTable): TableBlock {
  return {
    type: 'table',
    header: table.columns.map((c) => text(c.unit ? `${c.label} (${c.unit})` : c.label)),
    rows: table.rows.map((row) => row.map((value, c) => text(formatCell(value, table.columns[c])))),
    align: table.columns.map((c) => (c.type === 'number' ? 'right' : 'left')),
  };
}

/** Whether the deck has further parts of this figure ("(continued)" figures of its number). */
function isContinued(block: FigureBlock, ctx: FigureContext): boolean {
  if (block.continues) return true;
  return ctx.deck.slides.some((slide) =>
    [...slide.blocks, ...(slide.right ?? [])].some(
      (b) => b.type === 'figure' && b.number === block.number && b.continues !== undefined,
    ),
  );
}

/**
 * The figure's data table as a native table in `box` when its picture would print its labels
 * under MIN_SLIDE_LABEL_PT and the table fits the box on one slide; else false.
 * A continued figure keeps its pictures: its first part's table holds the rows of every part.
 */
export function drawnAsTable(
  slide: PptxSlide,
  block: FigureBlock,
  picture: Asset,
  box: Box,
  ctx: FigureContext,
): boolean {
  if (drawsNatively(block, box, ctx.theme, ctx.m) || isContinued(block, ctx)) return false;
  const placed = containBox(box, picture.width, picture.height);
  if (projectedLabelPt(picture, placed, ctx.theme.sizes.chartLabel) >= MIN_SLIDE_LABEL_PT) return false;
  if (block.table.rows.length === 0) return false;
  const layout = layoutTable(dataTableBlock(block.table), box.w, box.h, ctx.m);
  const page = layout.pages[0];
  if (layout.pages.length !== 1 || !page) return false;
  ctx.bounds.table('figure table', page.rowH, box, block.pos);
  drawTable(slide, layout, 0, box, ctx.theme, figureTableName(block.number));
  return true;
}
