/** Draws planned slides: one function per kind, all text as real text boxes. */
import { error, InputError } from '../../diagnostics.js';
import type { Asset, FigureBlock, KpiItem } from '../../document/model.js';
import { drawChart } from './draw-chart.js';
import { type DrawContext, fitSize, paras } from './draw-context.js';
import { drawCover, drawSection, placeTitle } from './draw-cover.js';
import { drawKpis } from './draw-kpi.js';
import { drawTableSlide } from './draw-table-slide.js';
import { drawLabel } from './draw-text.js';
import { drawnAsTable } from './figure-table.js';
import { fittingSize, wrapWidth } from './fit.js';
import { BODY_BOX, type Box, inToPt, splitColumns, TITLE_BOX, TYPE } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import type { PptxSlide } from './pptx-types.js';
import { oneLine } from './sanitize.js';
import { CHART_SHARE, KPI_ROW_H, kpiRows, type Planned } from './slide-plan.js';

export type { DrawContext } from './draw-context.js';

const CAPTION_H = 0.5;
/** Space between the chart and its caption. */
const CAPTION_GAP = 0.08;

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
 * The caption band's height: the standard band when the caption fits it at 11 to 9 pt, else as
 * many 9 pt lines as the caption needs (up to a third of the figure's box), the chart giving way:
 * a figure's notes (stated amounts, pledges, ranges…) can run to several sentences.
 */
function captionHeight(caption: string, box: Box, ctx: DrawContext): number {
  const para = { kind: 'body' as const, runs: [{ text: caption }] };
  const band = CAPTION_H - CAPTION_GAP;
  if (fittingSize([para], inToPt(box.w), inToPt(band), TYPE.caption, 9, ctx.m) !== undefined)
    return CAPTION_H;
  const needed = parasHeight([para], 9, wrapWidth(inToPt(box.w)), ctx.m) / 72 + CAPTION_GAP;
  return Math.min(Math.max(CAPTION_H, needed), box.h / 3);
}

/** The figure's caption: "Figure n. caption" and the figure's notes. */
function figureCaption(block: FigureBlock, p: Planned): string {
  const sentence = (text: string) => (/[.!?。]$/.test(text) ? text : `${text}.`);
  const named = oneLine(block.caption);
  // The slide's title usually names the chart already: then the caption gives only its number.
  const repeats = named.toLowerCase() === oneLine(p.title).toLowerCase();
  const notes = block.notes.map(oneLine).filter((t) => t !== '');
  const number = `Figure ${block.number}`;
  const parts = [
    repeats ? number : `${number}. ${named}`,
    notes.length ? `${notes.length > 1 ? 'Notes' : 'Note'}: ${notes.map(sentence).join(' ')}` : '',
  ].filter((t) => t !== '');
  // A bare "Figure 3" is a label, not a sentence: no full stop.
  return parts.length === 1 && repeats ? number : parts.map(sentence).join(' ');
}

/** The chart with its caption underneath: natively, as its picture, or as its data table. */
function drawFigure(slide: PptxSlide, block: FigureBlock, box: Box, p: Planned, ctx: DrawContext): void {
  const picture = pictureOf(block, p, ctx);
  const caption = figureCaption(block, p);
  const capH = captionHeight(caption, box, ctx);
  const chartBox = { ...box, h: box.h - capH };
  if (!drawnAsTable(slide, block, picture, chartBox, ctx)) {
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
      const rows = kpiRows(p.items.length);
      // Alone on the slide, the cards sit in the optical middle rather than under the title.
      const lift = p.below ? 0 : Math.max(0, (BODY_BOX.h - rows * KPI_ROW_H) * 0.4);
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
        y: BODY_BOX.y + rows * KPI_ROW_H + 0.2,
        h: BODY_BOX.h - rows * KPI_ROW_H - 0.2,
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
