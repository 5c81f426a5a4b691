/** Planning a table slide: the intro above it, its pages, and the takeaway panel under its last page. */
import type { Block } from '../../document/model.js';
import { wrapWidth } from './fit.js';
import { afterTableBox, BODY_BOX, type Box, inToPt, panelInner, TYPE } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import { continuation, contTitle, fitOrContinue, textSlides, titleSize } from './plan-text.js';
import { type Base, type PlanContext, type Planned, TABLE_INTRO_H } from './plan-types.js';
import { blockParas } from './styled-runs.js';
import { layoutTable } from './table-fit.js';

export function tableSlides(base: Base, blocks: Block[], ctx: PlanContext): Planned[] {
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
