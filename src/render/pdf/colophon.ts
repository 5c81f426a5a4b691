import { typefaceCredits } from '../../theme/credits.js';
import { type Box, bodyStyle, type Prepared } from './blocks.js';
import { docStack } from './document-fonts.js';
import { keepLines, placeLines } from './flow.js';
import { type Ctx, ensure } from './frame.js';
import { modelText } from './model-text.js';
import type { Piece } from './styled-pieces.js';
import { layoutText } from './text.js';

const BOLD = { bold: true, italic: false };
const PLAIN = { bold: false, italic: false };

/**
 * The colophon: the faces a document is set in, as their fonts' name tables credit them
 * (theme/credits.ts), in full (copyright, designers, licence text and address). It ends the
 * evidence, in the companion file or in the briefing's own annex; a briefing with a companion
 * carries no colophon.
 */
export function prepareColophon(ctx: Ctx, box: Box): Prepared {
  const style = bodyStyle(ctx, ctx.type.small, ctx.type.colours.muted);
  const credits = typefaceCredits(docStack(ctx.doc), modelText(ctx.model, ctx.assets).split('\n'), false);
  const paragraphs: Piece[][] = credits.map((credit, i) =>
    i === 0
      ? [
          { text: 'Typefaces. ', style: BOLD },
          { text: credit, style: PLAIN },
        ]
      : [{ text: credit, style: PLAIN }],
  );
  const laid = paragraphs.map((pieces) => layoutText(ctx, pieces, box.width, style.size));
  return {
    keep: keepLines(laid[0] ?? [], style) + style.size,
    place(parent) {
      ctx.y += style.size;
      for (const lines of laid) {
        const paragraph = ctx.doc.struct('P');
        parent.add(paragraph);
        ensure(ctx, keepLines(lines, style));
        placeLines(ctx, lines, style, box.x, paragraph, 'P');
        ctx.y += style.size * 0.35;
      }
    },
  };
}
