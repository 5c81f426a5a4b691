/** The cover: organisation, title, subtitle, as-of date, author and the key-takeaways box. */
import type { Box } from './blocks.js';
import { bodyStyle } from './blocks.js';
import { placeLines } from './flow.js';
import type { Ctx } from './frame.js';
import type { PdfStruct } from './pdfkit-slice.js';
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

export function drawCover(ctx: Ctx, root: PdfStruct): void {
  const { doc, geo, type: t, model } = ctx;
  const meta = model.meta;
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  const top = geo.margin;
  // The cover has no running header: its text starts at the top margin.
  ctx.mastheadPages.add(ctx.page);
  const put = (tag: string, lines: ReturnType<typeof textBlock>, style: TextStyle) => {
    const element = doc.struct(tag);
    root.add(element);
    for (const line of lines) {
      drawLine(ctx, line, box.x, ctx.y, style, element, tag);
      ctx.y += style.lineHeight;
    }
    ctx.tags.end();
  };

  // Masthead: organisation over a rule, a publication label below it.
  const mast: TextStyle = { size: t.small * 1.1, colour: t.colours.accent, lineHeight: t.small * 1.6 };
  ctx.y = top;
  put('P', textBlock(ctx, (meta.organisation ?? meta.author).toUpperCase(), mast, box.width, true), mast);
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y + 2, box.width, 1.6).fill(t.colours.accent);
  });

  ctx.y = top + (geo.height - 2 * geo.margin) * 0.17;
  const titleStyle: TextStyle = {
    size: t.h1 * 1.75,
    colour: t.colours.accent,
    lineHeight: t.h1 * 1.75 * 1.15,
  };
  put('H1', textBlock(ctx, meta.title, titleStyle, box.width * 0.92, true), titleStyle);
  if (meta.subtitle) {
    ctx.y += 8;
    const sub: TextStyle = { size: t.h2 * 1.05, colour: t.colours.muted, lineHeight: t.h2 * 1.05 * 1.3 };
    put('P', textBlock(ctx, meta.subtitle, sub, box.width * 0.85), sub);
  }
  ctx.y += 18;
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y, 42, 3).fill(t.colours.target);
  });
  ctx.y += 16;
  const info = bodyStyle(ctx, t.body * 1.1);
  put('P', textBlock(ctx, `As of ${meta.asOfLabel}`, info, box.width, true), info);
  put('P', textBlock(ctx, meta.author, info, box.width), info);

  drawTakeaways(ctx, root, box, ctx.y + 28);
}

function drawTakeaways(ctx: Ctx, root: PdfStruct, box: Box, earliest: number): void {
  const { doc, geo, type: t, model } = ctx;
  if (model.takeaways.length === 0) return;
  const style = bodyStyle(ctx, t.body * 1.05);
  const headStyle: TextStyle = { size: t.h2, colour: t.colours.accent, lineHeight: t.h2 * 1.4 };
  const indent = style.size * 1.3;
  const inner = box.width - 2 * BOX_PAD;
  const items = model.takeaways.map((item) =>
    layoutText(ctx, flattenInlines(item), inner - indent, style.size),
  );
  const height =
    2 * BOX_PAD +
    headStyle.lineHeight +
    6 +
    items.reduce((h, lines) => h + lines.length * style.lineHeight + 5, 0);
  const top = Math.max(earliest, geo.bottom - height);
  ctx.tags.artifact(() => {
    doc.rect(box.x, top, box.width, height).fill(t.colours.accentLight);
    doc.rect(box.x, top, 4, height).fill(t.colours.accent);
  });
  const section = doc.struct('Sect');
  root.add(section);
  const heading = doc.struct('H2');
  section.add(heading);
  ctx.y = top + BOX_PAD;
  const head = textBlock(ctx, 'Key takeaways', headStyle, inner, true)[0];
  if (head) drawLine(ctx, head, box.x + BOX_PAD, ctx.y, headStyle, heading, 'H2');
  ctx.tags.end();
  ctx.y += headStyle.lineHeight + 6;
  const list = doc.struct('L');
  section.add(list);
  for (const lines of items) {
    const li = doc.struct('LI');
    const label = doc.struct('Lbl');
    const body = doc.struct('LBody');
    list.add(li);
    li.add(label);
    li.add(body);
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
}
