/** Draws planned slides: one function per kind, all text as real text boxes. */
import { error, InputError } from '../../diagnostics.js';
import type { Asset, AssetBag, Deck, FigureBlock, KpiItem } from '../../document/model.js';
import { isRightToLeftParagraph } from '../../text/runs.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { DeckBounds } from './bounds.js';
import type { ChartStyle } from './chart-style.js';
import { drawChart } from './draw-chart.js';
import { drawKpis } from './draw-kpi.js';
import { drawTable } from './draw-table.js';
import { type DeckTheme, drawLabel, drawParas, scriptedText } from './draw-text.js';
import { CAPTION_GAP, captionHeight, figureCaption } from './figure-caption.js';
import { drawFigureTable, drawnAsTable } from './figure-table.js';
import { fittingSize, wrapWidth } from './fit.js';
import {
  afterTableBox,
  BODY_BOX,
  type Box,
  inToPt,
  PANEL_PAD,
  panelInner,
  splitColumns,
  TITLE_BOX,
  TYPE,
} from './geometry.js';
import { kpiLayout, ROW_GAP } from './grid.js';
import { COVER_TITLE, SECTION_TITLE } from './master.js';
import { parasHeight } from './paragraph-lines.js';
import type { Pptx, PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { oneLine } from './sanitize.js';
import { CHART_SHARE, type FittedText, KPI_BELOW_GAP, type Planned } from './slide-plan.js';
import { blockParas } from './styled-runs.js';

export interface DrawContext {
  pptx: Pptx;
  deck: Deck;
  /** The model's asset bag: the figures' drawings. */
  assets: AssetBag;
  theme: DeckTheme;
  m: TextMeasurer;
  /** One per native chart, in the order they are added: the package step applies them. */
  chartStyles: ChartStyle[];
  /** Measures every box drawn against its content and the slide (RENDER_OVERFLOW). */
  bounds: DeckBounds;
}

function placeTitle(slide: PptxSlide, title: string, size: number, theme: DeckTheme): void {
  const text = oneLine(title);
  // The size goes on the runs: pptxgenjs lays the placeholder's own options (the master's 40,
  // 36 or 28 pt) over the text's, so a title fitted smaller was drawn at the master's size
  // and ran over what sits below it.
  const place = { first: true, last: true, rtl: isRightToLeftParagraph(text) };
  const runs = scriptedText(text, { fontSize: size }, theme, place);
  slide.addText(runs, { placeholder: 'title', fontSize: size, align: 'left' });
}

function fitSize(text: string, box: Box, max: number, min: number, ctx: DrawContext, bold = false): number {
  const para = { kind: 'body' as const, runs: [{ text, bold }] };
  return fittingSize([para], inToPt(box.w), inToPt(box.h), max, min, ctx.m) ?? min;
}

/** Inches a one-paragraph text takes in a box's width at `size`. */
function textHeight(text: string, size: number, box: Box, ctx: DrawContext, bold = false): number {
  const para = { kind: 'body' as const, runs: [{ text, bold }] };
  return parasHeight([para], size, wrapWidth(inToPt(box.w)), ctx.m) / 72;
}

/** The text blocks of a title or section slide as one line. */
function blocksText(p: Planned): string {
  return oneLine(
    blockParas(p.slide.blocks)
      .map((para) => para.runs.map((r) => (r.superscript ? '' : r.text)).join(''))
      .join(' · '),
  );
}

function drawCover(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  const title = oneLine(p.slide.title);
  const titleSize = fitSize(title, COVER_TITLE, 40, 24, ctx, true);
  ctx.bounds.label('title', title, titleSize, COVER_TITLE, true, p.slide.titlePos);
  placeTitle(slide, title, titleSize, ctx.theme);
  const meta = ctx.deck.meta;
  const subtitle = oneLine(p.slide.subtitle ?? meta.subtitle ?? '');
  // The subtitle starts under the title as measured at its size (the title box is anchored at
  // its top), so a title of three lines pushes it down and one of one line does not leave a gap.
  const titleH = textHeight(title, titleSize, COVER_TITLE, ctx, true);
  const subBox = {
    x: COVER_TITLE.x,
    y: COVER_TITLE.y + Math.min(titleH, COVER_TITLE.h) + 0.25,
    w: COVER_TITLE.w,
    h: 0.9,
  };
  const subSize = fitSize(subtitle, subBox, 22, 14, ctx);
  ctx.bounds.label('subtitle', subtitle, subSize, subBox, false, p.slide.subtitlePos);
  drawLabel(slide, subtitle, subBox, ctx.theme, {
    fontSize: subSize,
    color: hex(ctx.theme.colours.accentLight),
  });
  // The template's own words under the title win; the metadata byline is the fallback.
  const byline =
    blocksText(p) ||
    [...new Set([meta.publisher, meta.organisation, meta.author]), meta.asOfLabel]
      .filter(Boolean)
      .map((t) => oneLine(t ?? ''))
      .join(' · ');
  const byBox = { x: COVER_TITLE.x, y: 5.45, w: COVER_TITLE.w, h: 0.45 };
  const bySize = fitSize(byline, byBox, 16, 11, ctx);
  ctx.bounds.label('byline', byline, bySize, byBox, false, p.slide.blocks[0]?.pos);
  drawLabel(slide, byline, byBox, ctx.theme, { fontSize: bySize, color: 'FFFFFF' });
}

function drawSection(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  const title = oneLine(p.slide.title);
  const titleSize = fitSize(title, SECTION_TITLE, 36, 24, ctx, true);
  ctx.bounds.label('title', title, titleSize, SECTION_TITLE, true, p.slide.titlePos);
  placeTitle(slide, title, titleSize, ctx.theme);
  const subtitle = oneLine(p.slide.subtitle ?? '') || blocksText(p);
  const box = { x: SECTION_TITLE.x, y: SECTION_TITLE.y + SECTION_TITLE.h + 0.2, w: SECTION_TITLE.w, h: 1.1 };
  const subSize = fitSize(subtitle, box, 20, 14, ctx);
  ctx.bounds.label('subtitle', subtitle, subSize, box, false, p.slide.subtitlePos ?? p.slide.blocks[0]?.pos);
  drawLabel(slide, subtitle, box, ctx.theme, { fontSize: subSize });
}

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

/** drawParas, its box checked first. */
function paras(slide: PptxSlide, fitted: FittedText, box: Box, ctx: DrawContext): void {
  ctx.bounds.text('text', fitted.paras, fitted.size, box);
  drawParas(slide, fitted.paras, fitted.size, box, ctx.theme);
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
      // Alone on the slide, the cards sit in the optical middle rather than under the title.
      const gridH = kpiLayout(p.items, BODY_BOX, ctx.m).height;
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
    case 'table': {
      const top = p.intro ? p.introH + 0.15 : 0;
      if (p.intro) paras(slide, p.intro, { ...BODY_BOX, h: p.introH }, ctx);
      const tableBox = { ...BODY_BOX, y: BODY_BOX.y + top, h: BODY_BOX.h - top };
      const tablePos = p.slide.blocks.find((b) => b.type === 'table')?.pos;
      ctx.bounds.table('table', p.table.pages[p.page]?.rowH ?? [], tableBox, tablePos);
      drawTable(slide, p.table, p.page, tableBox, ctx.theme);
      if (p.after) drawAfterTable(slide, p, p.after, top, ctx);
      break;
    }
    default:
      break;
  }
}

/**
 * The takeaway under a short table: a light panel with the accent bar the KPI cards have, as
 * tall as its text, so the slide reads as the table and what to take from it.
 */
function drawAfterTable(
  slide: PptxSlide,
  p: Extract<Planned, { kind: 'table' }>,
  after: FittedText,
  top: number,
  ctx: DrawContext,
): void {
  const rowH = p.table.pages[p.page]?.rowH ?? [];
  const space = afterTableBox(
    top,
    rowH.reduce((sum, h) => sum + h, 0),
  );
  const inner = panelInner(space);
  const textH = parasHeight(after.paras, after.size, wrapWidth(inToPt(inner.w)), ctx.m) / 72 + 0.05;
  const panel = { ...space, h: Math.min(space.h, textH + 2 * PANEL_PAD) };
  const c = ctx.theme.colours;
  slide.addShape('rect', {
    ...panel,
    fill: { color: hex(c.accentLight) },
    line: { color: hex(c.accentLight) },
  });
  slide.addShape('rect', {
    x: panel.x,
    y: panel.y,
    w: 0.07,
    h: panel.h,
    fill: { color: hex(c.accent) },
    line: { color: hex(c.accent) },
  });
  paras(slide, after, { ...inner, h: Math.min(inner.h, textH) }, ctx);
}

/** Draws one planned slide; the caller adds notes and the footer. */
export function drawSlide(slide: PptxSlide, p: Planned, ctx: DrawContext): void {
  if (p.kind === 'title') drawCover(slide, p, ctx);
  else if (p.kind === 'section') drawSection(slide, p, ctx);
  else drawContent(slide, p, ctx);
}
