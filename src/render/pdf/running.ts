/** Running header (short title) and footer (page N of M, as-of date), drawn as artifacts. */

import type { Ctx } from './frame.js';
import { drawText, widthOfRuns } from './text.js';

function put(
  ctx: Ctx,
  text: string,
  x: number,
  baseline: number,
  align: 'left' | 'right',
  bold = false,
): void {
  const { doc, type: t } = ctx;
  doc.fillColor(t.colours.muted);
  const width = align === 'right' ? widthOfRuns(doc, text, { bold }, t.small) : 0;
  drawText(doc, text, x - width, baseline, { bold }, t.small);
}

/** Draws on every page from `first` (0-based); page numbers count the cover as page 1. */
export function drawRunningHeads(ctx: Ctx, first: number): void {
  const { doc, geo, type: t, model } = ctx;
  const total = doc.bufferedPageRange().count;
  for (let page = first; page < total; page++) {
    doc.switchToPage(page);
    ctx.tags.artifact(() => {
      const headBase = geo.margin + t.small;
      put(ctx, model.meta.shortTitle, geo.left, headBase, 'left', true);
      if (model.meta.organisation) put(ctx, model.meta.organisation, geo.right, headBase, 'right');
      doc
        .moveTo(geo.left, headBase + 5)
        .lineTo(geo.right, headBase + 5)
        .lineWidth(0.5)
        .stroke(t.colours.grid);
      const footBase = geo.height - geo.margin;
      doc
        .moveTo(geo.left, footBase - t.small - 6)
        .lineTo(geo.right, footBase - t.small - 6)
        .lineWidth(0.5);
      doc.stroke(t.colours.grid);
      put(ctx, `As of ${model.meta.asOfLabel}`, geo.left, footBase - 2, 'left');
      put(ctx, `Page ${page + 1} of ${total}`, geo.right, footBase - 2, 'right');
    }, 'Pagination');
  }
}
