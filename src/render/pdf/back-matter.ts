import { companionSentence } from '../../document/companion.js';
import { figureBlocks, formatCell } from '../../document/figures.js';
import type { DataTable, FigureBlock } from '../../document/model.js';
import { type Box, bodyStyle, type Prepared, placePrepared, prepareHeading } from './blocks.js';
import { prepareColophon } from './colophon.js';
import { keepLines, placeLines } from './flow.js';
import { type Ctx, ensure, newPage } from './frame.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { prepareSources } from './source-list.js';
import { prepareGrid } from './table.js';
import { layoutText } from './text.js';

export { sourceInlines, tableRowQuote } from './source-list.js';

export const SOURCES_ID = 'sources';
export const APPENDIX_ID = 'appendix';
export const EVIDENCE_ID = 'evidence';
export const APPENDIX_TITLE = 'Appendix: chart data';
export const EVIDENCE_TITLE = 'Evidence: the sentences cited';
/** The share of a page that must be free under the sources for the appendix to start there. */
const APPENDIX_ROOM = 0.3;

function dataGrid(table: DataTable): Parameters<typeof prepareGrid>[1] {
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

/** The figures whose data the appendix gives: a "(continued)" part's rows are in its first part's table (src/charts/page-fit.ts). */
export function appendixFigures(ctx: Ctx): FigureBlock[] {
  return figureBlocks(ctx.model).filter((f) => !f.continues);
}

export function quotedSources(ctx: Ctx) {
  return ctx.model.sources.filter((s) => (s.quotes?.length ?? 0) > 0);
}

/** What the companion evidence file holds, as the sources list names it; undefined when it holds nothing. */
function companionPointer(ctx: Ctx, file: string): string | undefined {
  return companionSentence(appendixFigures(ctx).length > 0, quotedSources(ctx).length > 0, file);
}

function preparePointer(ctx: Ctx, text: string, box: Box): Prepared {
  const style = bodyStyle(ctx, ctx.type.small, ctx.type.colours.muted);
  const lines = layoutText(ctx, [{ text, style: { bold: false, italic: true } }], box.width, style.size);
  return {
    keep: keepLines(lines, style),
    // The heading and this line keep with the first entry: "Sources" never ends a page.
    keepWith: (next) => lines.length * style.lineHeight + style.size * 0.6 + next,
    place(parent) {
      const paragraph = ctx.doc.struct('P');
      parent.add(paragraph);
      ensure(ctx, keepLines(lines, style));
      placeLines(ctx, lines, style, box.x, paragraph, 'P');
      ctx.y += style.size * 0.6;
    },
  };
}

/** The chart-data appendix: each figure's data table under a heading titled as its caption. */
export function appendixParts(ctx: Ctx, box: Box, title = APPENDIX_TITLE): Prepared[] {
  if (appendixFigures(ctx).length === 0) return [];
  const prepared: Prepared[] = [prepareHeading(ctx, APPENDIX_ID, 1, [{ type: 'text', text: title }], box)];
  for (const figure of appendixFigures(ctx)) {
    const title = appendixTitle(figure);
    prepared.push(
      prepareHeading(ctx, `${APPENDIX_ID}-${figure.chartId}`, 2, [{ type: 'text', text: title }], box),
    );
    prepared.push(prepareGrid(ctx, dataGrid(figure.table), box));
  }
  return prepared;
}

/** The evidence: each quoted source again, with the dataset's note on it and the sentences cited. */
export function evidenceParts(ctx: Ctx, box: Box, title = EVIDENCE_TITLE): Prepared[] {
  const quoted = quotedSources(ctx);
  if (quoted.length === 0) return [];
  return [
    prepareHeading(ctx, EVIDENCE_ID, 1, [{ type: 'text', text: title }], box),
    prepareSources(ctx, quoted, box, { notes: true, quotes: true }),
  ];
}

export interface BackMatterOptions {
  /** The full briefing (its colophon and evidence); the one-pager has only its sources. */
  appendix: boolean;
  level: 1 | 2;
  compact?: boolean;
  /** The companion evidence file's name: the evidence goes there, and the sources list names it. */
  evidence?: string;
}

/** Sources, then, when no companion file holds them, the evidence as an annex and the typeface credits. */
export function placeBackMatter(ctx: Ctx, root: PdfStruct, box: Box, options: BackMatterOptions): void {
  const { model } = ctx;
  const full = options.appendix;
  if (model.sources.length > 0) {
    const section = ctx.doc.struct('Sect');
    root.add(section);
    const pointer = full && options.evidence ? companionPointer(ctx, options.evidence) : undefined;
    // The reader's list gives the references alone: the dataset's notes on its sources (how a
    // title or date was found, what a text lacks) are the writer's record and go with the evidence.
    const list = prepareSources(ctx, model.sources, box, { compact: options.compact ?? false });
    const parts = [
      prepareHeading(ctx, SOURCES_ID, options.level, [{ type: 'text', text: 'Sources' }], box),
      ...(pointer ? [preparePointer(ctx, pointer, box)] : []),
      list,
    ];
    placePrepared(parts, section);
  }
  if (!full) return;
  // The typeface credits go where the evidence goes: the companion file, or this annex. A
  // briefing with a companion prints none (the reader's page is no place for font licences).
  const colophon = () => {
    if (options.evidence) return;
    const section = ctx.doc.struct('Sect');
    root.add(section);
    placePrepared([prepareColophon(ctx, box)], section);
  };
  const annex = options.evidence ? [] : [appendixParts(ctx, box), evidenceParts(ctx, box)];
  for (const [i, parts] of annex.filter((p) => p.length > 0).entries()) {
    // The appendix follows the sources on their last page when a good part of it is left (its
    // heading keeps with the first table's rows); a page nearly full starts it on the next.
    const left = ctx.geo.bottom - ctx.y;
    if (i === 0 && left < (ctx.geo.bottom - ctx.geo.margin) * APPENDIX_ROOM) newPage(ctx);
    else ctx.y += ctx.type.h1;
    const section = ctx.doc.struct('Sect');
    root.add(section);
    placePrepared(parts, section);
  }
  colophon();
}

/** The back matter's contents entries: the sources, and the annex's parts when the briefing holds them. */
export function backMatterToc(
  ctx: Ctx,
  appendix: boolean,
  evidence?: string,
): { id: string; level: 1 | 2; title: string }[] {
  const out: { id: string; level: 1 | 2; title: string }[] = [];
  if (ctx.model.sources.length > 0) out.push({ id: SOURCES_ID, level: 1, title: 'Sources' });
  if (!appendix || evidence) return out;
  const figures = appendixFigures(ctx);
  if (figures.length > 0) out.push({ id: APPENDIX_ID, level: 1, title: APPENDIX_TITLE });
  for (const figure of figures)
    out.push({ id: `${APPENDIX_ID}-${figure.chartId}`, level: 2, title: appendixTitle(figure) });
  if (quotedSources(ctx).length > 0) out.push({ id: EVIDENCE_ID, level: 1, title: EVIDENCE_TITLE });
  return out;
}
