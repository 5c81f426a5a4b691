/**
 * A slide figure whose picture would print its labels too small (issue 11): a chart picture is
 * scaled to its box, so a tall drawing (the influence matrix, the indicator cards, 13 programme
 * bars, a continued figure's parts drawn for a page) set its 11 px labels at 5–8 pt on a slide.
 * The planner works out the size the picture's labels project to and, under MIN_SLIDE_LABEL_PT,
 * places the figure's data table as a native table instead: every row once, at the deck's table
 * sizes (12 pt and up), continuing over numbered slides with its header row on each, as deck
 * tables do; a continued figure's table (its first part's) holds every part's rows, so its part
 * pictures give way to it. Native charts stay native. A figure the planner did not place (one
 * in a column beside text) is placed as its table when that fits its box on one slide.
 */
import { formatCell } from '../../document/figures.js';
import type { Asset, Block, DataTable, FigureBlock } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { Theme } from '../../theme/schema.js';
import { containBox, drawsNatively } from './draw-chart.js';
import type { DrawContext } from './draw-slides.js';
import { drawTable } from './draw-table.js';
import { chartBoxOf } from './figure-caption.js';
import type { Box } from './geometry.js';
import type { FigureTablePage, PlanContext } from './plan-types.js';
import type { PptxSlide } from './pptx-types.js';
import { layoutTable, type TableLayout } from './table-fit.js';

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

/** At most this many columns across in a figure's table read as a grid (a matrix's channels). */
const MAX_CROSS_COLUMNS = 6;

/**
 * A matrix's data table (two label columns and a value, one row for every pair: the influence
 * matrix's channel, sector and link) as the grid the chart draws: a row for each value of one
 * label, a column for each of the other's (the one with fewer values), the value in their cell;
 * more than MAX_CROSS_COLUMNS values across are cut into even groups of columns, a grid each.
 * Every datum once, as in the long table, in a fraction of its rows. Undefined for any other table.
 */
export function crossTableBlocks(table: DataTable): TableBlock[] | undefined {
  const [a, b, value] = table.columns;
  if (table.columns.length !== 3 || a?.type !== 'string' || b?.type !== 'string' || !value) return undefined;
  const distinct = (c: number) => [...new Set(table.rows.map((row) => String(row[c] ?? '')))];
  const [aValues, bValues] = [distinct(0), distinct(1)];
  const across = aValues.length <= bValues.length ? 0 : 1;
  const [acrossValues, downValues] = across === 0 ? [aValues, bValues] : [bValues, aValues];
  if (acrossValues.length < 2) return undefined;
  const cells = new Map<string, string>();
  for (const row of table.rows) {
    const key = `${row[1 - across] ?? ''}\u0000${row[across] ?? ''}`;
    if (cells.has(key)) return undefined;
    cells.set(key, formatCell(row[2] ?? null, value));
  }
  if (cells.size !== acrossValues.length * downValues.length) return undefined;
  const down = table.columns[1 - across];
  const groups = Math.ceil(acrossValues.length / MAX_CROSS_COLUMNS);
  const per = Math.ceil(acrossValues.length / groups);
  return Array.from({ length: groups }, (_, g) => {
    const shown = acrossValues.slice(g * per, (g + 1) * per);
    return {
      type: 'table',
      header: [text(down?.label ?? ''), ...shown.map(text)],
      rows: downValues.map((d) => [text(d), ...shown.map((x) => text(cells.get(`${d}\u0000${x}`) ?? '–'))]),
      align: [],
    };
  });
}

/**
 * The figure's data table laid out in `box` (its pages, header on each; a matrix's grids, one
 * layout each) when its picture would
 * print its labels under MIN_SLIDE_LABEL_PT there; undefined when the figure is drawn natively,
 * its labels read, or it has no rows.
 */
export function figureTableLayout(
  block: FigureBlock,
  picture: Asset,
  box: Box,
  theme: Theme,
  m: TextMeasurer,
): TableLayout[] | undefined {
  if (block.table.rows.length === 0 || drawsNatively(block, box, theme, m)) return undefined;
  const placed = containBox(box, picture.width, picture.height);
  if (projectedLabelPt(picture, placed, theme.sizes.chartLabel) >= MIN_SLIDE_LABEL_PT) return undefined;
  // A matrix reads as its grids when they take no more slides than the long table.
  const long = layoutTable(dataTableBlock(block.table), box.w, box.h, m);
  const grids = crossTableBlocks(block.table)?.map((cross) => layoutTable(cross, box.w, box.h, m));
  const gridPages = grids?.reduce((sum, grid) => sum + grid.pages.length, 0) ?? Number.POSITIVE_INFINITY;
  return grids && gridPages <= long.pages.length ? grids : [long];
}

/**
 * The plan of a chart slide's figure (in `box`, caption included) as its data table, when it is
 * one (figureTableLayout): the slide shows the first page, continuation slides the others.
 */
export function plannedFigureTable(
  block: FigureBlock,
  box: Box,
  title: string,
  ctx: PlanContext,
): TableLayout[] | undefined {
  const picture = ctx.assets?.get(block.image.png);
  if (!picture) return undefined;
  return figureTableLayout(block, picture, chartBoxOf(block, box, title, ctx.m), ctx.theme, ctx.m);
}

/** One page of a figure's data table in `box` (the chart's box on its slide). */
export function drawFigureTable(
  slide: PptxSlide,
  block: FigureBlock,
  planned: FigureTablePage,
  box: Box,
  ctx: FigureContext,
): void {
  const page = planned.layout.pages[planned.page];
  if (!page) return;
  ctx.bounds.table('figure table', page.rowH, box, block.pos);
  drawTable(slide, planned.layout, planned.page, box, ctx.theme, figureTableName(block.number));
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
 * A figure the planner did not place as its table (one in a column): its data table in `box`
 * when its picture would print its labels under MIN_SLIDE_LABEL_PT and the table fits the box
 * on one slide; else false. A continued figure there keeps its pictures.
 */
export function drawnAsTable(
  slide: PptxSlide,
  block: FigureBlock,
  picture: Asset,
  box: Box,
  ctx: FigureContext,
): boolean {
  if (isContinued(block, ctx)) return false;
  const [layout, ...more] = figureTableLayout(block, picture, box, ctx.theme, ctx.m) ?? [];
  if (!layout || more.length > 0 || layout.pages.length !== 1) return false;
  drawFigureTable(slide, block, { layout, page: 0 }, box, ctx);
  return true;
}
