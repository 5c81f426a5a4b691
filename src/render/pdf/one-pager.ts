/**
 * The sector one-pager: a compact masthead, the body in a smaller type size, the first
 * chart only, and the sources. It must fit one page: the layout is tried at decreasing
 * chart heights and type sizes, and if even the tightest overflows, the extra page is
 * kept (not hidden) and a RENDER_OVERFLOW diagnostic says so.
 */
import { placeBackMatter } from './back-matter.js';
import {
  type Box,
  placePrepared,
  placingNode,
  prepareBlocks,
  prepareHeading,
  sectionNode,
} from './blocks.js';
import type { Ctx } from './frame.js';
import { newPage, placing } from './frame.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawLine, drawText, layoutText, type TextStyle } from './text.js';

/** Attempts in order: [chart height scale, type scale]. */
export const FIT_STEPS: readonly (readonly [number, number])[] = [
  [1, 0.92],
  [0.85, 0.92],
  [0.75, 0.88],
  [0.65, 0.84],
  [0.55, 0.8],
];

function masthead(ctx: Ctx, box: Box): PdfStruct {
  const { doc, type: t, model } = ctx;
  const meta = model.meta;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const titleStyle: TextStyle = {
    size: t.h1 * 1.15,
    colour: t.colours.accent,
    lineHeight: t.h1 * 1.15 * 1.2,
  };
  const infoStyle: TextStyle = { size: t.small, colour: t.colours.muted, lineHeight: t.small * 1.4 };
  const put = (tag: string, text: string, style: TextStyle, bold: boolean) => {
    const element = doc.struct(tag);
    root.add(element);
    for (const line of layoutText(
      ctx,
      flattenInlines([{ type: 'text', text }], { bold, italic: false }),
      box.width,
      style.size,
    )) {
      drawLine(ctx, line, box.x, ctx.y, style, element, tag);
      ctx.y += style.lineHeight;
    }
    ctx.tags.end();
  };
  put('P', `${(meta.organisation ?? meta.author).toUpperCase()} · ${meta.shortTitle}`, infoStyle, true);
  ctx.y += 4;
  put('H1', meta.title, titleStyle, true);
  if (meta.subtitle)
    put('P', meta.subtitle, { ...infoStyle, size: t.body, lineHeight: t.body * 1.35 }, false);
  put('P', `As of ${meta.asOfLabel} · ${meta.author}`, infoStyle, false);
  ctx.y += 5;
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y, box.width, 1.4).fill(t.colours.accent);
  });
  ctx.y += 10;
  ctx.pageEmpty = false;
  return root;
}

export function layoutOnePager(ctx: Ctx): void {
  const { geo } = ctx;
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  ctx.maxCharts = 1;
  newPage(ctx);
  // No running header: the masthead starts at the top margin.
  ctx.mastheadPages.add(ctx.page);
  ctx.y = geo.margin;
  const root = masthead(ctx, box);
  for (const section of ctx.model.sections) {
    const element = ctx.doc.struct('Sect');
    root.add(element);
    const heading = placingNode(
      ctx,
      sectionNode(section),
      prepareHeading(ctx, section.id, 2, [{ type: 'text', text: section.title }], box),
    );
    placePrepared([heading, ...prepareBlocks(ctx, section.blocks, box)], element);
  }
  placing(ctx, { what: 'the sources list' }, () =>
    placeBackMatter(ctx, root, box, { appendix: false, level: 2 }),
  );
  ctx.tags.end();
}

export function drawOnePagerFooter(ctx: Ctx): void {
  const { doc, geo, type: t, model } = ctx;
  doc.switchToPage(0);
  ctx.tags.artifact(() => {
    doc.fillColor(t.colours.muted);
    const text = `${model.meta.shortTitle} · As of ${model.meta.asOfLabel}`;
    drawText(doc, text, geo.left, geo.height - geo.margin - 2, {}, t.small);
  }, 'Pagination');
}
