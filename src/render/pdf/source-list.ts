/**
 * The numbered sources list citation marks link to, and its repeat in the evidence (each entry
 * with the dataset's note on the source and the sentences the document cites from it).
 */
import type { Inline, SourceEntry } from '../../document/model.js';
import { type Box, bodyStyle, type Prepared } from './blocks.js';
import { BOLD } from './document-fonts.js';
import { keepLines, placeLines } from './flow.js';
import { type Ctx, ensure } from './frame.js';
import { addListItem } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { layoutText, sourceDestination } from './text.js';

export function sourceInlines(source: SourceEntry): Inline[] {
  const out: Inline[] = [];
  if (source.author) out.push({ type: 'text', text: `${source.author}. ` });
  out.push({ type: 'emphasis', children: [{ type: 'text', text: source.title }] });
  const details = [source.publisher, source.date].filter(Boolean).join(', ');
  out.push({ type: 'text', text: details ? `. ${details}.` : '.' });
  if (source.url) {
    out.push({ type: 'text', text: ' ' });
    out.push({ type: 'link', url: source.url, children: [{ type: 'text', text: source.url }] });
  }
  return out;
}

/**
 * A quote that is a row of a Markdown table in its source (`“| 1 | Semiconductors | 반도체 |”`)
 * is printed as the row it is, its cells apart, not with the source file's pipe characters.
 */
export function tableRowQuote(quoted: string): string {
  const row = /^“\|(.*)\|”(.*)$/su.exec(quoted);
  if (!row) return quoted;
  const cells = (row[1] ?? '').split('|').map((c) => c.trim());
  return `Table row: “${cells.join(' / ')}”${row[2] ?? ''}`;
}

export interface SourceListMode {
  /** The one-pager's list, in the small size, so a page with many sources still fits. */
  compact?: boolean;
  /** The dataset's note on each source, in the small size under its entry. */
  notes?: boolean;
  /** The evidence: the sentences cited from each source under its entry; its entries are not link targets. */
  quotes?: boolean;
}

/** Small-size lines under an entry: its note (muted), then, in the evidence, one quote a line. */
function entryExtras(source: SourceEntry, mode: SourceListMode): Inline[] {
  const out: Inline[] = [];
  if (mode.notes && source.note)
    out.push({ type: 'emphasis', children: [{ type: 'text', text: source.note }] });
  if (mode.quotes)
    for (const q of source.quotes ?? []) {
      if (out.length > 0) out.push({ type: 'break' });
      out.push({ type: 'text', text: tableRowQuote(q) });
    }
  return out;
}

export function prepareSources(
  ctx: Ctx,
  sources: readonly SourceEntry[],
  box: Box,
  mode: SourceListMode = {},
): Prepared {
  const style = bodyStyle(ctx, mode.compact ? ctx.type.small : ctx.type.body * 0.95);
  const indent = style.size * 2.2;
  const extraStyle = bodyStyle(ctx, ctx.type.small);
  const items = sources.map((source) => {
    const extras = entryExtras(source, mode);
    return {
      source,
      lines: layoutText(ctx, flattenInlines(sourceInlines(source)), box.width - indent, style.size),
      extraLines:
        extras.length === 0
          ? []
          : layoutText(ctx, flattenInlines(extras), box.width - indent, extraStyle.size),
    };
  });
  return {
    keep: keepLines(items[0]?.lines ?? [], style),
    place(parent) {
      const list = ctx.doc.struct('L');
      parent.add(list);
      for (const { source, lines, extraLines } of items) {
        const { label, body } = addListItem(ctx.doc, list);
        ensure(ctx, keepLines(lines, style));
        placeLines(ctx, lines, style, box.x + indent, body, 'LBody', {
          decorate(index, top) {
            if (index !== 0) return;
            // Citation marks link to the sources list, not to the evidence's repeat of its entries.
            if (!mode.quotes)
              ctx.doc.addNamedDestination(sourceDestination(source.number), 'XYZ', box.x, top, null);
            const marker = layoutText(
              ctx,
              [{ text: `[${source.number}]`, style: { bold: true, italic: false } }],
              indent,
              style.size,
            )[0];
            if (!marker) return;
            ctx.tags.begin(label, 'Lbl');
            const dx = indent - 6 - marker.width;
            ctx.doc.font(BOLD, style.size).fillColor(ctx.type.colours.accent);
            ctx.doc.text(`[${source.number}]`, box.x + dx, top + style.lineHeight * 0.5 + style.size * 0.36, {
              lineBreak: false,
              baseline: 'alphabetic',
            });
            ctx.tags.end();
          },
        });
        if (extraLines.length > 0) placeLines(ctx, extraLines, extraStyle, box.x + indent, body, 'LBody');
        ctx.y += style.size * (mode.compact ? 0.2 : 0.35);
      }
    },
  };
}
