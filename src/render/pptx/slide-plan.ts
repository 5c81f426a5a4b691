/**
 * The presentation step (pandoc's document → presentation): each model slide becomes one or
 * more physical slides whose text has been measured and fitted, so drawing never guesses.
 */
import type { Block, Deck, FigureBlock, Slide } from '../../document/model.js';
import { kpiGroups, kpiLayout } from './card-grid.js';
import { plannedFigureTable } from './figure-table.js';
import { fittingSize } from './fit.js';
import { BODY_BOX, type Box, splitColumns, TYPE } from './geometry.js';
import { sourcesSlides } from './plan-sources.js';
import { tableSlides } from './plan-table.js';
import {
  bodyMax,
  continuation,
  continuedTitle,
  contTitle,
  fitOrContinue,
  ptBox,
  textSlides,
  titleSize,
} from './plan-text.js';
import { type Base, CHART_SHARE, KPI_BELOW_GAP, type PlanContext, type Planned } from './plan-types.js';
import { blockCitations, blockParas } from './styled-runs.js';

export {
  CHART_SHARE,
  type FittedText,
  KPI_BELOW_GAP,
  KPI_PER_SLIDE,
  type PlanContext,
  type Planned,
  TABLE_INTRO_H,
} from './plan-types.js';

/** A model slide's continuations, titled "Title (continued, 2/3)": the reader sees where a list goes on. */
function numbered(planned: Planned[], ctx: PlanContext): Planned[] {
  if (planned.length < 2) return planned;
  return planned.map((p, i) => {
    if (i === 0) return p;
    const title = continuedTitle(p.slide.title, `(continued, ${i + 1}/${planned.length})`, ctx);
    return { ...p, title, titleSize: titleSize(title, ctx), continued: true };
  });
}

function chartSlides(base: Base, blocks: Block[], ctx: PlanContext): Planned[] {
  const chart = blocks.find((b): b is FigureBlock => b.type === 'figure');
  const paras = blockParas(blocks);
  if (!chart)
    return textSlides(base, base.slide.title, paras, BODY_BOX, ctx.theme.sizes.slideBody, TYPE.bodyMin, ctx);
  const [, side] = splitColumns(BODY_BOX, CHART_SHARE);
  const fitted = fitOrContinue(paras, side, ctx);
  const first: Planned = { ...base, kind: 'chart', chart, ...(fitted.first ? { side: fitted.first } : {}) };
  // A picture too small to read becomes its data table, continued over slides (figure-table.ts).
  const tables = plannedFigureTable(
    chart,
    fitted.first ? splitColumns(BODY_BOX, CHART_SHARE)[0] : BODY_BOX,
    base.title,
    ctx,
  );
  const all = (tables ?? []).flatMap((layout) => layout.pages.map((_, page) => ({ layout, page })));
  // Beside text, a table becomes the figure only when it fits the column on one slide: a table
  // continued at half width leaves slides of a few rows and no text, worse than the picture.
  if (all.length > 0 && !(fitted.first && all.length > 1)) {
    const pages = all.map((figureTable, k): Planned => {
      if (k === 0) return { ...first, figureTable };
      const caption = `${chart.caption} (continued, ${k + 1}/${all.length})`;
      return { ...base, kind: 'chart', chart: { ...chart, caption }, figureTable, continued: true };
    });
    return [...pages, ...continuation(base, fitted.rest, fitted.size, ctx)];
  }
  // A chart whose rows take more than a page goes on in "(continued)" figures: a slide each.
  const parts = blocks.filter((b): b is FigureBlock => b.type === 'figure' && b.continues !== undefined);
  const more = parts.map((part): Planned => {
    const title = continuedTitle(
      base.slide.title,
      `(continued, ${part.continues?.part}/${part.continues?.parts})`,
      ctx,
    );
    return { ...base, kind: 'chart', chart: part, title, titleSize: titleSize(title, ctx), continued: true };
  });
  return [first, ...more, ...continuation(base, fitted.rest, fitted.size, ctx)];
}

function kpiSlides(base: Base, blocks: Block[], ctx: PlanContext): Planned[] {
  const items = blocks.flatMap((b) => (b.type === 'kpi' ? b.items : []));
  // As many cards a slide as fit at readable sizes (card-grid.ts measures them), the rest continue.
  const groups = kpiGroups(items, BODY_BOX, ctx.m);
  const gridH = kpiLayout(groups[groups.length - 1] ?? [], BODY_BOX, ctx.m).height;
  const below: Box = {
    ...BODY_BOX,
    y: BODY_BOX.y + gridH + KPI_BELOW_GAP,
    h: BODY_BOX.h - gridH - KPI_BELOW_GAP,
  };
  const fitted = fitOrContinue(blockParas(blocks), below, ctx);
  const out: Planned[] = groups.map((group, i) => ({
    ...base,
    kind: 'kpi' as const,
    title: contTitle(base.title, i),
    titleSize: titleSize(contTitle(base.title, i), ctx),
    continued: i > 0,
    items: group,
    ...(i === groups.length - 1 && fitted.first ? { below: fitted.first } : {}),
  }));
  return [...out, ...continuation(base, fitted.rest, fitted.size, ctx)];
}

function columnSlides(base: Base, ctx: PlanContext): Planned[] {
  const [leftBox, rightBox] = splitColumns(BODY_BOX);
  const right = base.slide.right ?? [];
  const chart = right.find((b): b is FigureBlock => b.type === 'figure');
  const { w, h } = ptBox(leftBox);
  const leftParas = blockParas(base.slide.blocks);
  const rightParas = blockParas(right);
  // Both columns' text as full-width text slides, one after the other.
  const fullWidth = () =>
    textSlides(
      base,
      base.title,
      [...leftParas, ...rightParas],
      BODY_BOX,
      ctx.theme.sizes.slideBody,
      TYPE.bodyMin,
      ctx,
    );
  // A column with nothing in it is not drawn: the other one takes the slide.
  if (!chart && (leftParas.length === 0 || rightParas.length === 0)) return fullWidth();
  // One size for both columns: the smaller of the two fitting sizes.
  const rightH = chart ? h * 0.3 : h;
  const size = Math.min(
    fittingSize(leftParas, w, h, ctx.theme.sizes.slideBody, TYPE.bodyMin, ctx.m) ?? 0,
    fittingSize(rightParas, ptBox(rightBox).w, rightH, ctx.theme.sizes.slideBody, TYPE.bodyMin, ctx.m) ?? 0,
  );
  if (size > 0) {
    return [
      {
        ...base,
        kind: 'columns',
        left: { size, paras: leftParas },
        right: { size, paras: rightParas },
        ...(chart ? { chart } : {}),
      },
    ];
  }
  // Too long for two columns: the columns follow each other as full-width text slides, and a
  // chart the right column held gets its own slide after them rather than being lost.
  if (!chart) return fullWidth();
  const text = textSlides(
    base,
    base.title,
    leftParas,
    BODY_BOX,
    ctx.theme.sizes.slideBody,
    TYPE.bodyMin,
    ctx,
  );
  const chartTitle = contTitle(base.title, 1);
  const side = fitOrContinue(blockParas(right), splitColumns(BODY_BOX, CHART_SHARE)[1], ctx).first;
  const chartSlide: Planned = {
    ...base,
    kind: 'chart',
    title: chartTitle,
    titleSize: titleSize(chartTitle, ctx),
    continued: true,
    chart,
    ...(side ? { side } : {}),
  };
  return [...text, chartSlide];
}

/** Plans one model slide: one physical slide, or several numbered as continuations. */
export function planSlide(slide: Slide, ctx: PlanContext): Planned[] {
  return numbered(planOne(slide, ctx), ctx);
}

function planOne(slide: Slide, ctx: PlanContext): Planned[] {
  const citations = [...blockCitations([...slide.blocks, ...(slide.right ?? [])])].sort((a, b) => a - b);
  const base: Base = {
    slide,
    title: slide.title,
    titleSize: titleSize(slide.title, ctx),
    continued: false,
    citations,
  };
  switch (slide.layout) {
    case 'title':
    case 'section':
      return [{ ...base, kind: slide.layout }];
    case 'bullets': {
      const paras = blockParas(slide.blocks);
      return textSlides(base, slide.title, paras, BODY_BOX, bodyMax(paras, BODY_BOX, ctx), TYPE.bodyMin, ctx);
    }
    case 'chart':
      return chartSlides(base, slide.blocks, ctx);
    case 'kpi':
      return kpiSlides(base, slide.blocks, ctx);
    case 'two-column':
      return columnSlides(base, ctx);
    case 'table':
      return tableSlides(base, slide.blocks, ctx);
    case 'sources':
      return sourcesSlides(base, ctx);
  }
}

export function planDeck(deck: Deck, ctx: PlanContext): Planned[] {
  return deck.slides.flatMap((slide) => planSlide(slide, ctx));
}
