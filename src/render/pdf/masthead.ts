/**
 * What the briefing's cover and the one-pager's masthead say about the publication, from one
 * place: who publishes it (the dataset's publication.publisher, else the meta's organisation,
 * else its author: never the tool's name), the title and subtitle, the as-of date and the
 * byline; and the one way both draw a line of it, tagged.
 */
import type { DocumentMeta } from '../../document/model.js';
import type { Ctx } from './frame.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawLine, layoutText, type TextStyle } from './text.js';

export interface CoverFields {
  /** The masthead's name: publisher, else organisation, else author. */
  masthead: string;
  title: string;
  subtitle?: string;
  asOf: string;
  /** Who wrote it: the author, with the organisation when the masthead names someone else. */
  byline: string;
}

export function coverFields(meta: DocumentMeta): CoverFields {
  const masthead = meta.publisher ?? meta.organisation ?? meta.author;
  const byline =
    meta.organisation && meta.organisation !== masthead
      ? `${meta.author}, ${meta.organisation}`
      : meta.author;
  return {
    masthead,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    asOf: `As of ${meta.asOfLabel}`,
    byline,
  };
}

/** Lays `text` out in `width` and draws it from ctx.y down, as one `tag` element under `root`. */
export function putText(
  ctx: Ctx,
  root: PdfStruct,
  tag: string,
  text: string,
  style: TextStyle,
  at: { x: number; width: number; bold?: boolean },
): void {
  const element = ctx.doc.struct(tag);
  root.add(element);
  const lines = layoutText(
    ctx,
    flattenInlines([{ type: 'text', text }], { bold: at.bold ?? false, italic: false }),
    at.width,
    style.size,
  );
  for (const line of lines) {
    drawLine(ctx, line, at.x, ctx.y, style, element, tag);
    ctx.y += style.lineHeight;
  }
  ctx.tags.end();
}
