/** The cover: publisher, title, subtitle, as-of date, byline (masthead.ts) and the key-takeaways box. */
import type { Box } from './blocks.js';
import { bodyStyle } from './blocks.js';
import { placeLines } from './flow.js';
import type { Ctx } from './frame.js';
import { coverFields, putText } from './masthead.js';
import { addListItem, type PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawLine, layoutText, type TextStyle } from './text.js';

const BOX_PAD = 16;

function textBlock(ctx: Ctx, text: string, style: TextStyle, width: number, bold = false) {
  return layoutText(
    ctx,
    flattenInlines([{ type: 'text', text }], { bold, italic: false }),
    width,
    style.size,
  );
}

/**
 * `contentsFit` says whether the contents fit in a given room under the key judgements; when
 * they do, the box moves up under the byline and the top of the room left for them is returned.
 */
export function drawCover(
  ctx: Ctx,
  root: PdfStruct,
  contentsFit?: (room: number) => boolean,
): number | undefined {
  const { doc, geo, type: t, model } = ctx;
  const fields = coverFields(model.meta);
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  const top = geo.margin;
  // The cover has no running header: its text starts at the top margin.
  ctx.mastheadPages.add(ctx.page);
  const put = (tag: string, text: string, style: TextStyle, width: number, bold = false) =>
    putText(ctx, root, tag, text, style, { x: box.x, width, bold });

  // Masthead: the publisher over a rule.
  const mast: TextStyle = { size: t.small * 1.1, colour: t.colours.accent, lineHeight: t.small * 1.6 };
  ctx.y = top;
  put('P', fields.masthead.toUpperCase(), mast, box.width, true);
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y + 2, box.width, 1.6).fill(t.colours.accent);
  });

  ctx.y = top + (geo.height - 2 * geo.margin) * 0.17;
  const titleStyle: TextStyle = {
    size: t.h1 * 1.75,
    colour: t.colours.accent,
    lineHeight: t.h1 * 1.75 * 1.15,
  };
  put('H1', fields.title, titleStyle, box.width * 0.92, true);
  if (fields.subtitle) {
    ctx.y += 8;
    const sub: TextStyle = { size: t.h2 * 1.05, colour: t.colours.muted, lineHeight: t.h2 * 1.05 * 1.3 };
    put('P', fields.subtitle, sub, box.width * 0.85);
  }
  ctx.y += 18;
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y, 42, 3).fill(t.colours.target);
  });
  ctx.y += 16;
  const info = bodyStyle(ctx, t.body * 1.1);
  put('P', fields.asOf, info, box.width, true);
  put('P', fields.byline, info, box.width);

  return drawTakeaways(ctx, root, box, ctx.y + 28, contentsFit);
}

function drawTakeaways(
  ctx: Ctx,
  root: PdfStruct,
  box: Box,
  earliest: number,
  contentsFit?: (room: number) => boolean,
): number | undefined {
  const { doc, geo, type: t, model } = ctx;
  if (model.takeaways.length === 0) return contentsFit?.(geo.bottom - earliest) ? earliest : undefined;
  const style = bodyStyle(ctx, t.body * 1.05);
  const headStyle: TextStyle = { size: t.h2, colour: t.colours.accent, lineHeight: t.h2 * 1.4 };
  const indent = style.size * 1.3;
  const inner = box.width - 2 * BOX_PAD;
  const items = model.takeaways.map((item) =>
    layoutText(ctx, flattenInlines(item), inner - indent, style.size),
  );
  const title = model.takeawaysTitle;
  const height =
    2 * BOX_PAD +
    (title ? headStyle.lineHeight + 6 : 0) +
    items.reduce((h, lines) => h + lines.length * style.lineHeight + 5, 0);
  // The box sits between the byline and the foot of the page, a little above the middle of the
  // free space, so the cover reads as one column rather than a title, a gap and a box.
  // With the contents under it, the box sits right under the byline and they share the rest.
  const free = geo.bottom - earliest - height;
  const withContents = contentsFit?.(free) === true;
  const top = withContents ? earliest : earliest + Math.max(0, free * 0.4);
  ctx.tags.artifact(() => {
    doc.rect(box.x, top, box.width, height).fill(t.colours.accentLight);
    doc.rect(box.x, top, 4, height).fill(t.colours.accent);
  });
  const section = doc.struct('Sect');
  root.add(section);
  ctx.y = top + BOX_PAD;
  if (title) {
    const heading = doc.struct('H2');
    section.add(heading);
    const head = textBlock(ctx, title, headStyle, inner, true)[0];
    if (head) drawLine(ctx, head, box.x + BOX_PAD, ctx.y, headStyle, heading, 'H2');
    ctx.tags.end();
    ctx.y += headStyle.lineHeight + 6;
  }
  const list = doc.struct('L');
  section.add(list);
  for (const lines of items) {
    const { label, body } = addListItem(doc, list);
    const x = box.x + BOX_PAD;
    placeLines(ctx, lines, style, x + indent, body, 'LBody', {
      decorate(index, lineTop) {
        if (index !== 0) return;
        ctx.tags.begin(label, 'Lbl');
        doc.rect(x + 1, lineTop + style.lineHeight / 2 - 2.5, 5, 5).fill(t.colours.accent);
        ctx.tags.end();
      },
    });
    ctx.y += 5;
  }
  return withContents ? top + height : undefined;
}
