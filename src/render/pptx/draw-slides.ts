/** Draws planned slides: one function per kind, all text as real text boxes. */
import { error, InputError } from '../../diagnostics.js';
import type { Asset, FigureBlock, KpiItem } from '../../document/model.js';
import { kpiLayout, ROW_GAP } from './card-grid.js';
import { drawChart } from './draw-chart.js';
import { type DrawContext, fitSize, paras } from './draw-context.js';
import { drawCover, drawSection, placeTitle } from './draw-cover.js';
import { drawKpis } from './draw-kpi.js';
import { drawTableSlide } from './draw-table-slide.js';
import { drawLabel } from './draw-text.js';
import { CAPTION_GAP, captionHeight, figureCaption } from './figure-caption.js';
import { drawFigureTable, drawnAsTable } from './figure-table.js';
import { wrapWidth } from './fit.js';
import { BODY_BOX, type Box, inToPt, splitColumns, TITLE_BOX, TYPE } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import type { PptxSlide } from './pptx-types.js';
import { oneLine } from './sanitize.js';
import { CHART_SHARE, KPI_BELOW_GAP, type Planned } from './slide-plan.js';

export type { DrawContext } from './draw-context.js';

/** The figure's picture: what the slide shows when the figure has no plot to draw natively. */
function pictureOf(block: FigureBlock, p: Planned, ctx: DrawContext): Asset {
  const picture = ctx.assets.get(block.image.png);
  if (picture) return picture;
  const where = block.pos ?? p.slide.pos;
  throw new InputError([
    error(
      'TEMPLATE_UNKNOWN_CHART',
      `slide "${oneLine(p.slide.title)}" places chart "${block.chartId}", which was not rendered`,
      {
        ...(where ? { file: where.template, line: where.line, column: where.column } : {}),
        hint: 'the chart stage drew no picture for it; its own diagnostic says why',
      },
    ),
  ]);
}

/**
 * The chart with its caption underneath: natively, as its picture, or as its data table (the
 * page of it the plan gave this slide, figure-table.ts).
 */
function drawFigure(slide: PptxSlide, block: FigureBlock, box: Box, p: Planned, ctx: DrawContext): void {
  const picture = pictureOf(block, p, ctx);
  const caption = figureCaption(block, p.title);
  const capH = captionHeight(caption, box, ctx.m);
  const chartBox = { ...box, h: box.h - capH };
  const planned = p.kind === 'chart' ? p.figureTable : undefined;
  if (planned) drawFigureTable(slide, block, planned, chartBox, ctx);
  else if (!drawnAsTable(slide, block, picture, chartBox, ctx)) {
    const style = drawChart(ctx.pptx, slide, block, picture, chartBox, ctx.theme, ctx.m);
    if (style) ctx.chartStyles.push(style);
  }
  const capBox = { ...box, y: box.y + box.h - capH + CAPTION_GAP, h: capH - CAPTION_GAP };
  const capSize = fitSize(caption, capBox, TYPE.caption, 9, ctx);
  ctx.bounds.label('figure caption', caption, capSize, capBox, false, block.pos);
  drawLabel(slide, caption, capBox, ctx.theme, { fontSize: capSize });
}

function drawContent(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  ctx.bounds.label('title', oneLine(p.title), p.titleSize, TITLE_BOX, true, p.slide.titlePos);
  placeTitle(slide, p.title, p.titleSize, ctx.theme);
  switch (p.kind) {
    case 'text':
      paras(slide, p.text, BODY_BOX, ctx);
      break;
    case 'chart': {
      const [left, right] = splitColumns(BODY_BOX, CHART_SHARE);
      drawFigure(slide, p.chart, p.side ? left : BODY_BOX, p, ctx);
      if (p.side) paras(slide, p.side, right, ctx);
      break;
    }
    case 'kpi': {
      const gridH = kpiLayout(p.items, BODY_BOX, ctx.m).height;
      // Alone on the slide, the cards sit in the optical middle rather than under the title.
      const lift = p.below ? 0 : Math.max(0, (BODY_BOX.h - gridH - ROW_GAP) * 0.4);
      const kpiPos = p.slide.blocks.find((b) => b.type === 'kpi')?.pos;
      ctx.bounds.within(kpiPos, () =>
        drawKpis(
          slide,
          p.items as KpiItem[],
          { ...BODY_BOX, y: BODY_BOX.y + lift },
          ctx.theme,
          ctx.m,
          ctx.bounds,
        ),
      );
      const below = {
        ...BODY_BOX,
        y: BODY_BOX.y + gridH + KPI_BELOW_GAP,
        h: BODY_BOX.h - gridH - KPI_BELOW_GAP,
      };
      if (p.below) paras(slide, p.below, below, ctx);
      break;
    }
    case 'columns': {
      const [left, right] = splitColumns(BODY_BOX);
      paras(slide, p.left, left, ctx);
      // The chart starts right under the column's text as measured.
      const measured = parasHeight(p.right.paras, p.right.size, wrapWidth(inToPt(right.w)), ctx.m) / 72;
      const textH = p.chart ? Math.min(right.h * 0.3, measured + 0.05) : right.h;
      paras(slide, p.right, { ...right, h: textH }, ctx);
      if (p.chart) {
        const top = p.right.paras.length > 0 ? textH + 0.15 : 0;
        drawFigure(slide, p.chart, { ...right, y: right.y + top, h: right.h - top }, p, ctx);
      }
      break;
    }
    case 'table':
      drawTableSlide(slide, p, ctx);
      break;
    default:
      break;
  }
}

/** Draws one planned slide; the caller adds notes and the footer. */
export function drawSlide(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  if (p.kind === 'title') drawCover(slide, p, ctx);
  else if (p.kind === 'section') drawSection(slide, p, ctx);
  else drawContent(slide, p, ctx);
}
