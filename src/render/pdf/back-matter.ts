/** The numbered sources list citations point to, and the appendix of the figures' data tables. */

import { formatNumber } from '../../dataset/wording.js';
import { figureBlocks } from '../../document/figures.js';
import type { DataColumn, DataTable, FigureBlock, Inline, SourceEntry } from '../../document/model.js';
import { typefaceCredits } from '../../theme/credits.js';
import { type Box, bodyStyle, type Prepared, placePrepared, prepareHeading } from './blocks.js';
import { BOLD, docStack } from './document-fonts.js';
import { keepLines, placeLines } from './flow.js';
import { type Ctx, ensure, newPage } from './frame.js';
import { modelText } from './model-text.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines, type Piece } from './styled-pieces.js';
import { prepareGrid } from './table.js';
import { layoutText, sourceDestination } from './text.js';

export const SOURCES_ID = 'sources';
export const APPENDIX_ID = 'appendix';
export const EVIDENCE_ID = 'evidence';
const EVIDENCE_TITLE = 'Evidence: the sentences cited';
/** The share of a page that must be free under the sources for the appendix to start there. */
const APPENDIX_ROOM = 0.3;

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

/** `compact`: the one-pager's list, in the small size, so a page with many sources still fits. */
function prepareSources(
  ctx: Ctx,
  sources: readonly SourceEntry[],
  box: Box,
  compact: boolean,
  evidence = false,
): Prepared {
  const style = bodyStyle(ctx, compact ? ctx.type.small : ctx.type.body * 0.95);
  const indent = style.size * 2.2;
  // The evidence annex gives, under each source and in the small size, the sentences the
  // document cites from it (quote, locator, translation): every figure's note is checkable.
  // The sources list itself cites each source once, as a publication's reference list does.
  const quoteStyle = bodyStyle(ctx, ctx.type.small);
  const quoted = (source: SourceEntry): Inline[] =>
    (source.quotes ?? []).flatMap((q, i): Inline[] => [
      ...(i > 0 ? [{ type: 'break' } as const] : []),
      { type: 'text', text: tableRowQuote(q) },
    ]);
  const items = sources.map((source) => ({
    source,
    lines: layoutText(ctx, flattenInlines(sourceInlines(source)), box.width - indent, style.size),
    quoteLines:
      !evidence || !source.quotes?.length
        ? []
        : layoutText(ctx, flattenInlines(quoted(source)), box.width - indent, quoteStyle.size),
  }));
  return {
    keep: keepLines(items[0]?.lines ?? [], style),
    place(parent) {
      const list = ctx.doc.struct('L');
      parent.add(list);
      for (const { source, lines, quoteLines } of items) {
        const li = ctx.doc.struct('LI');
        const label = ctx.doc.struct('Lbl');
        const body = ctx.doc.struct('LBody');
        list.add(li);
        li.add(label);
        li.add(body);
        ensure(ctx, keepLines(lines, style));
        placeLines(ctx, lines, style, box.x + indent, body, 'LBody', {
          decorate(index, top) {
            if (index !== 0) return;
            // Citation marks link to the sources list, not to the annex's repeat of its entries.
            if (!evidence)
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
        if (quoteLines.length > 0) placeLines(ctx, quoteLines, quoteStyle, box.x + indent, body, 'LBody');
        ctx.y += style.size * (compact ? 0.2 : 0.35);
      }
    },
  };
}

/**
 * Years are not grouped ("2030", not "2,030"); other figures are, with the decimals they have
 * (a computed €0.0004 billion is "0.0004", never "0": src/dataset/wording.ts formatNumber).
 */
export function formatCell(value: string | number | null, column: DataColumn | undefined): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  const yearLike = /year|date/i.test(`${column?.name ?? ''} ${column?.label ?? ''}`);
  return yearLike && Number.isInteger(value) ? String(value) : formatNumber(value);
}

function dataGrid(table: DataTable): { header: Piece[][]; rows: Piece[][][]; align: ('left' | 'right')[] } {
  const bold = { bold: true, italic: false };
  const plain = { bold: false, italic: false };
  return {
    header: table.columns.map((c) => [{ text: c.unit ? `${c.label} (${c.unit})` : c.label, style: bold }]),
    rows: table.rows.map((row) =>
      row.map((value, c) => [{ text: formatCell(value, table.columns[c]), style: plain }]),
    ),
    align: table.columns.map((c) => (c.type === 'number' ? 'right' : 'left')),
  };
}

/** A figure's data table is titled as the figure is captioned. */
function appendixTitle(figure: FigureBlock): string {
  return `Figure ${figure.number}: ${figure.caption}`;
}

/** Sources, then (in the briefing) the appendix on a fresh page. */
export function placeBackMatter(
  ctx: Ctx,
  root: PdfStruct,
  box: Box,
  options: { appendix: boolean; level: 1 | 2; compact?: boolean },
): void {
  const { model } = ctx;
  if (model.sources.length > 0) {
    const section = ctx.doc.struct('Sect');
    root.add(section);
    const list = prepareSources(ctx, model.sources, box, options.compact ?? false);
    prepareHeading(ctx, SOURCES_ID, options.level, [{ type: 'text', text: 'Sources' }], box).place(
      section,
      list.keep,
    );
    list.place(section, 0);
  }
  // A "(continued)" figure's rows are in its first part's table (src/charts/page-fit.ts).
  const figures = figureBlocks(model).filter((f) => !f.continues);
  if (!options.appendix || figures.length === 0) return;
  // The appendix follows the sources on their last page when a good part of it is left (its
  // heading keeps with the first table's rows); a page nearly full starts it on the next.
  const left = ctx.geo.bottom - ctx.y;
  if (left < (ctx.geo.bottom - ctx.geo.margin) * APPENDIX_ROOM) newPage(ctx);
  else ctx.y += ctx.type.h1;
  const section = ctx.doc.struct('Sect');
  root.add(section);
  const prepared: Prepared[] = [
    prepareHeading(ctx, APPENDIX_ID, 1, [{ type: 'text', text: 'Appendix: chart data' }], box),
  ];
  for (const figure of figures) {
    const title = appendixTitle(figure);
    prepared.push(
      prepareHeading(ctx, `${APPENDIX_ID}-${figure.chartId}`, 2, [{ type: 'text', text: title }], box),
    );
    prepared.push(prepareGrid(ctx, dataGrid(figure.table), box));
  }
  placePrepared(prepared, section);
  placeEvidence(ctx, root, box);
}

/** The evidence annex: each source again, with the sentences the document cites from it; then the colophon. */
function placeEvidence(ctx: Ctx, root: PdfStruct, box: Box): void {
  const quoted = ctx.model.sources.filter((s) => (s.quotes?.length ?? 0) > 0);
  const section = ctx.doc.struct('Sect');
  root.add(section);
  const prepared: Prepared[] = [];
  if (quoted.length > 0) {
    ctx.y += ctx.type.h1;
    prepared.push(prepareHeading(ctx, EVIDENCE_ID, 1, [{ type: 'text', text: EVIDENCE_TITLE }], box));
    prepared.push(prepareSources(ctx, quoted, box, false, true));
  }
  prepared.push(prepareColophon(ctx, box));
  placePrepared(prepared, section);
}

/**
 * The colophon: the faces the briefing is set in, credited as their fonts' name tables say
 * (theme/credits.ts), one small paragraph each after the appendix.
 */
function prepareColophon(ctx: Ctx, box: Box): Prepared {
  const style = bodyStyle(ctx, ctx.type.small, ctx.type.colours.muted);
  const credits = typefaceCredits(docStack(ctx.doc), modelText(ctx.model, ctx.assets).split('\n'));
  const paragraphs = credits.map((credit, i) =>
    layoutText(
      ctx,
      i === 0
        ? [
            { text: 'Typefaces. ', style: { bold: true, italic: false } },
            { text: credit, style: { bold: false, italic: false } },
          ]
        : [{ text: credit, style: { bold: false, italic: false } }],
      box.width,
      style.size,
    ),
  );
  return {
    keep: keepLines(paragraphs[0] ?? [], style) + style.size,
    place(parent) {
      ctx.y += style.size;
      for (const lines of paragraphs) {
        const paragraph = ctx.doc.struct('P');
        parent.add(paragraph);
        ensure(ctx, keepLines(lines, style));
        placeLines(ctx, lines, style, box.x, paragraph, 'P');
        ctx.y += style.size * 0.35;
      }
    },
  };
}

export function backMatterToc(ctx: Ctx, appendix: boolean): { id: string; level: 1 | 2; title: string }[] {
  const out: { id: string; level: 1 | 2; title: string }[] = [];
  if (ctx.model.sources.length > 0) out.push({ id: SOURCES_ID, level: 1, title: 'Sources' });
  const figures = figureBlocks(ctx.model).filter((f) => !f.continues);
  if (appendix && figures.length > 0) {
    out.push({ id: APPENDIX_ID, level: 1, title: 'Appendix: chart data' });
    for (const figure of figures)
      out.push({ id: `${APPENDIX_ID}-${figure.chartId}`, level: 2, title: appendixTitle(figure) });
  }
  if (appendix && figures.length > 0 && ctx.model.sources.some((s) => (s.quotes?.length ?? 0) > 0))
    out.push({ id: EVIDENCE_ID, level: 1, title: EVIDENCE_TITLE });
  return out;
}
