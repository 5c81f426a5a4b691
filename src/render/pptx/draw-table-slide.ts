/** A table slide's body: the intro above the table, the table's page, and the takeaway panel under it. */
import { type DrawContext, paras } from './draw-context.js';
import { drawTable } from './draw-table.js';
import { wrapWidth } from './fit.js';
import { afterTableBox, BODY_BOX, inToPt, PANEL_PAD, panelInner } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import type { PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import type { FittedText, Planned } from './slide-plan.js';

type TablePlanned = Extract<Planned, { kind: 'table' }>;

export function drawTableSlide(slide: PptxSlide, p: TablePlanned, ctx: DrawContext): void {
  const top = p.intro ? p.introH + 0.15 : 0;
  if (p.intro) paras(slide, p.intro, { ...BODY_BOX, h: p.introH }, ctx);
  const tableBox = { ...BODY_BOX, y: BODY_BOX.y + top, h: BODY_BOX.h - top };
  const tablePos = p.slide.blocks.find((b) => b.type === 'table')?.pos;
  ctx.bounds.table('table', p.table.pages[p.page]?.rowH ?? [], tableBox, tablePos);
  drawTable(slide, p.table, p.page, tableBox, ctx.theme);
  if (p.after) drawAfterTable(slide, p, p.after, top, ctx);
}

/**
 * The takeaway under a short table: a light panel with the accent bar the KPI cards have, as
 * tall as its text, so the slide reads as the table and what to take from it.
 */
function drawAfterTable(
  slide: PptxSlide,
  p: TablePlanned,
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
