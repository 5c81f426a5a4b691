/**
 * The presentation step (pandoc's document → presentation): each model slide becomes one or
 * more physical slides whose text has been measured and fitted, so drawing never guesses.
 */
import type { Block, Deck, FigureBlock, KpiItem, Slide, SourceEntry } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { Theme } from '../../theme/schema.js';
import { fitText, fittingSize, wrapWidth } from './fit.js';
import {
  afterTableBox,
  BODY_BOX,
  type Box,
  inToPt,
  panelInner,
  splitColumns,
  TITLE_BOX,
  TYPE,
} from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import { condensedSourceParas, fullSourceParas } from './sources.js';
import { blockCitations, blockParas, type Para } from './styled-runs.js';
import { layoutTable, type TableLayout } from './table-fit.js';

export interface FittedText {
  size: number;
  paras: Para[];
}

interface Base {
  /** The model slide this physical slide comes from. */
  slide: Slide;
  title: string;
  titleSize: number;
  continued: boolean;
  citations: number[];
}

export type Planned =
  | (Base & { kind: 'title' | 'section' })
  | (Base & { kind: 'text'; text: FittedText })
  | (Base & { kind: 'chart'; chart: FigureBlock; side?: FittedText })
  | (Base & { kind: 'kpi'; items: KpiItem[]; below?: FittedText })
  | (Base & { kind: 'columns'; left: FittedText; right: FittedText; chart?: FigureBlock })
  | (Base & {
      kind: 'table';
      table: TableLayout;
      page: number;
      intro?: FittedText;
      introH: number;
      /** Text the template wrote after the table: a takeaway panel under the table's last page. */
      after?: FittedText;
    });

/** Width share of the chart when text sits beside it. */
export const CHART_SHARE = 0.64;
/** At most six cards a slide: more and the figures get too small to read from the back of a room. */
export const KPI_PER_SLIDE = 6;
export const KPI_ROW_H = 2.2;

/** Cards a row: up to three in one row, four as two by two, five or six as rows of three. */
export const kpiColumns = (count: number): number => (count <= 3 ? Math.max(1, count) : count === 4 ? 2 : 3);
export const kpiRows = (count: number): number => (count === 0 ? 0 : Math.ceil(count / kpiColumns(count)));
export const TABLE_INTRO_H = 0.9;

export interface PlanContext {
  theme: Theme;
  m: TextMeasurer;
  sources: readonly SourceEntry[];
}

const ptBox = (box: Box) => ({ w: inToPt(box.w), h: inToPt(box.h) });

function titleSize(title: string, ctx: PlanContext): number {
  const para: Para = { kind: 'body', runs: [{ text: title, bold: true }] };
  const { w, h } = ptBox(TITLE_BOX);
  return fittingSize([para], w, h, ctx.theme.sizes.slideTitle, TYPE.titleMin, ctx.m) ?? TYPE.titleMin;
}

/** Continuation title: "(cont.)" after the model's title; `numbered` makes it "(continued, 2/3)". */
const contTitle = (title: string, i: number) => (i === 0 ? title : `${title} (cont.)`);

/** A model slide's continuations, titled "Title (continued, 2/3)": the reader sees where a list goes on. */
function numbered(planned: Planned[], ctx: PlanContext): Planned[] {
  if (planned.length < 2) return planned;
  return planned.map((p, i) => {
    if (i === 0) return p;
    const title = `${p.slide.title} (continued, ${i + 1}/${planned.length})`;
    return { ...p, title, titleSize: titleSize(title, ctx), continued: true };
  });
}

function textSlides(
  base: Omit<Base, 'title' | 'titleSize' | 'continued'>,
  title: string,
  paras: Para[],
  box: Box,
  max: number,
  min: number,
  ctx: PlanContext,
): Planned[] {
  const { w, h } = ptBox(box);
  const fit = fitText(paras, w, h, max, min, ctx.m);
  return fit.pages.map((page, i) => ({
    ...base,
    kind: 'text',
    title: contTitle(title, i),
    titleSize: titleSize(contTitle(title, i), ctx),
    continued: i > 0,
    text: { size: fit.size, paras: page },
  }));
}

/** Fits text to a box; what does not fit at the floor goes to continuation text slides. */
function fitOrContinue(
  paras: Para[],
  box: Box,
  ctx: PlanContext,
): { first?: FittedText; rest: Para[][]; size: number } {
  if (paras.length === 0) return { rest: [], size: ctx.theme.sizes.slideBody };
  const { w, h } = ptBox(box);
  const fit = fitText(paras, w, h, ctx.theme.sizes.slideBody, TYPE.bodyMin, ctx.m);
  const [first = [], ...rest] = fit.pages;
  return { first: { size: fit.size, paras: first }, rest, size: fit.size };
}

function continuation(base: Base, rest: Para[][], size: number, ctx: PlanContext): Planned[] {
  return rest.map((paras) => {
    const title = contTitle(base.slide.title, 1);
    return {
      ...base,
      kind: 'text' as const,
      title,
      titleSize: titleSize(title, ctx),
      continued: true,
      text: { size, paras },
    };
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
  // A chart whose rows take more than a page goes on in "(continued)" figures: a slide each.
  const parts = blocks.filter((b): b is FigureBlock => b.type === 'figure' && b.continues !== undefined);
  const more = parts.map((part): Planned => {
    const title = `${base.slide.title} (continued, ${part.continues?.part}/${part.continues?.parts})`;
    return { ...base, kind: 'chart', chart: part, title, titleSize: titleSize(title, ctx), continued: true };
  });
  return [first, ...more, ...continuation(base, fitted.rest, fitted.size, ctx)];
}

function kpiSlides(base: Base, blocks: Block[], ctx: PlanContext): Planned[] {
  const items = blocks.flatMap((b) => (b.type === 'kpi' ? b.items : []));
  const groups: KpiItem[][] = [];
  for (let i = 0; i < items.length; i += KPI_PER_SLIDE) groups.push(items.slice(i, i + KPI_PER_SLIDE));
  if (groups.length === 0) groups.push([]);
  const rows = kpiRows(groups[groups.length - 1]?.length ?? 0);
  const below: Box = {
    ...BODY_BOX,
    y: BODY_BOX.y + rows * KPI_ROW_H + 0.2,
    h: BODY_BOX.h - rows * KPI_ROW_H - 0.2,
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

function tableSlides(base: Base, blocks: Block[], ctx: PlanContext): Planned[] {
  const at = blocks.findIndex((b) => b.type === 'table');
  const table = blocks[at];
  if (table?.type !== 'table')
    return textSlides(
      base,
      base.title,
      blockParas(blocks),
      BODY_BOX,
      ctx.theme.sizes.slideBody,
      TYPE.bodyMin,
      ctx,
    );
  const introBox: Box = { ...BODY_BOX, h: TABLE_INTRO_H };
  const fitted = fitOrContinue(blockParas(blocks.slice(0, at)), introBox, ctx);
  // The table starts right under the intro text as measured, not under the whole intro box.
  const introH = fitted.first
    ? Math.min(
        TABLE_INTRO_H,
        parasHeight(fitted.first.paras, fitted.size, wrapWidth(inToPt(introBox.w)), ctx.m) / 72 + 0.05,
      )
    : 0;
  const top = fitted.first ? introH + 0.15 : 0;
  const laid = layoutTable(table, BODY_BOX.w, BODY_BOX.h - top, ctx.m);
  // What the template wrote after the table sits under its last page when it fits there (a
  // short table then reads with its takeaway, not alone on an empty slide); else it continues.
  const lastPage = laid.pages.length - 1;
  const tableH = (laid.pages[lastPage]?.rowH ?? []).reduce((sum, h) => sum + h, 0);
  const afterParas = blockParas(blocks.slice(at + 1));
  const afterBox = afterTableBox(lastPage === 0 ? top : 0, tableH);
  const after =
    afterParas.length > 0 && afterBox.h > 0.6
      ? fitOrContinue(afterParas, panelInner(afterBox), ctx)
      : undefined;
  const placedAfter = after?.first && after.rest.length === 0 ? after.first : undefined;
  const rest = [...fitted.rest, ...(placedAfter ? [] : afterParas.length ? [afterParas] : [])];
  const out: Planned[] = laid.pages.map((_, i) => ({
    ...base,
    kind: 'table' as const,
    title: contTitle(base.title, i),
    titleSize: titleSize(contTitle(base.title, i), ctx),
    continued: i > 0,
    table: laid,
    page: i,
    introH: i === 0 ? introH : 0,
    ...(i === 0 && fitted.first ? { intro: fitted.first } : {}),
    ...(i === lastPage && placedAfter ? { after: placedAfter } : {}),
  }));
  return [...out, ...continuation(base, rest, fitted.size, ctx)];
}

/**
 * The sources slide, condensed: each source on a short line (who, title, year; the full entries
 * with their URLs are in the slide's notes), in one column if they fit, else in two, and only
 * past that on continuation slides.
 */
function sourcesSlides(base: Base, ctx: PlanContext): Planned[] {
  const own = blockParas(base.slide.blocks);
  // A numbered list is the template's own sources list; bullets (limits, notes) are not.
  const hasList = base.slide.blocks.some((b) => b.type === 'list' && b.ordered);
  const { w, h } = ptBox(BODY_BOX);
  // The entries in full (outlet, date, address) when they fit one column; else condensed.
  const full = hasList ? [] : fullSourceParas(ctx.sources);
  // The entries follow the template's opening text, before its first heading (about, limits).
  const cut = own.findIndex((p) => p.kind === 'heading');
  const withEntries = (list: Para[]) =>
    cut < 0 ? [...own, ...list] : [...own.slice(0, cut), ...list, ...own.slice(cut)];
  if (full.length > 0 && fittingSize(withEntries(full), w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m))
    return textSlides(
      base,
      base.slide.title,
      withEntries(full),
      BODY_BOX,
      TYPE.sourcesMax,
      TYPE.sourcesMin,
      ctx,
    );
  const entries = hasList ? [] : condensedSourceParas(ctx.sources);
  const all = withEntries(entries);
  if (fittingSize(all, w, h, TYPE.sourcesMax, TYPE.sourcesMin, ctx.m) !== undefined || entries.length < 2)
    return textSlides(base, base.slide.title, all, BODY_BOX, TYPE.sourcesMax, TYPE.sourcesMin, ctx);
  const [leftBox, rightBox] = splitColumns(BODY_BOX);
  const half = Math.ceil((own.length + entries.length) / 2);
  const left = all.slice(0, half);
  const right = all.slice(half);
  const size = Math.min(
    fittingSize(left, ptBox(leftBox).w, h, TYPE.sourcesMax, TYPE.sourcesColumnsMin, ctx.m) ?? 0,
    fittingSize(right, ptBox(rightBox).w, h, TYPE.sourcesMax, TYPE.sourcesColumnsMin, ctx.m) ?? 0,
  );
  if (size > 0)
    return [{ ...base, kind: 'columns', left: { size, paras: left }, right: { size, paras: right } }];
  return textSlides(base, base.slide.title, all, BODY_BOX, TYPE.sourcesMax, TYPE.sourcesMin, ctx);
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
    case 'bullets':
      return textSlides(
        base,
        slide.title,
        blockParas(slide.blocks),
        BODY_BOX,
        ctx.theme.sizes.slideBody,
        TYPE.bodyMin,
        ctx,
      );
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
