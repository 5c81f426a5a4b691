/** The PDF outline (bookmarks), mirroring the placed headings and their exact positions. */
import type { Ctx } from './frame.js';
import type { PdfOutlineItem } from './pdfkit-slice.js';

export function buildOutline(ctx: Ctx): void {
  const { doc } = ctx;
  const open: { level: number; item: PdfOutlineItem }[] = [{ level: 0, item: doc.outline }];
  for (const heading of ctx.headings) {
    while ((open[open.length - 1]?.level ?? 0) >= heading.level) open.pop();
    const parent = open[open.length - 1]?.item ?? doc.outline;
    const item = parent.addItem(heading.title, { pageNumber: heading.page, expanded: heading.level === 1 });
    const dest = item.outlineData.Dest;
    // pdfkit's XYZ destination puts `left` at the page's right edge: aim at the heading instead.
    if (Array.isArray(dest)) item.outlineData.Dest = [dest[0], 'XYZ', null, ctx.geo.height - heading.y, null];
    open.push({ level: heading.level, item });
  }
}
