/**
 * A figure as inline SVG: the chart stage's drawing with its ids made unique in the page (every
 * chart numbers its clip paths from 0), a <title> and <desc> from the figure's caption and alt
 * text (role="img", aria-labelledby), and the figure's data as a table in a <details> disclosure.
 */
import { figureParts, formatCell, partNotes, partSources } from '../../document/figures.js';
import type { AssetBag, Briefing, DataColumn, FigureBlock } from '../../document/model.js';
import { escapeHtml, safeId } from './escape.js';
import { type CitationMarks, citationHtml } from './inline.js';

/** The drawing's text as the chart stage wrote it: an SVG document (XML-escaped already). */
function svgText(figure: FigureBlock, assets: AssetBag): string | undefined {
  const asset = assets.get(figure.image.svg);
  if (asset?.mime !== 'image/svg+xml') return undefined;
  return new TextDecoder().decode(asset.bytes);
}

/**
 * The SVG made fit for inlining: no XML prolog, ids and their references prefixed, the root
 * given a viewBox (so it scales to the column), a title and desc, role and label. Anything
 * scriptable (script elements, on* attributes, foreignObject) is removed: the chart stage makes
 * none, and the page's policy would block it, but the edition must not carry it either.
 */
export function inlineSvg(svg: string, prefix: string, title: string, desc: string): string {
  let body = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject>/gi, '')
    .replace(/\son[a-z]+="[^"]*"/gi, '')
    // The chart is one image (role="img" on the root, its alt text in title/desc): Vega's roles
    // and labels on inner marks would make axe ask each of them for alt text of its own.
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (_, attr: string, id: string) => `${attr}#${prefix}-${id}"`)
    .trim();
  body = body.replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const width = /\swidth="([\d.]+)"/.exec(attrs)?.[1];
    const height = /\sheight="([\d.]+)"/.exec(attrs)?.[1];
    const viewBox = /viewBox=/.test(attrs) || !width || !height ? '' : ` viewBox="0 0 ${width} ${height}"`;
    const kept = attrs.replace(/\s(width|height|class|role|aria-[a-z]+)="[^"]*"/g, '');
    return (
      `<svg${kept}${viewBox} class="chart" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">` +
      `<title id="${prefix}-title">${escapeHtml(title)}</title><desc id="${prefix}-desc">${escapeHtml(desc)}</desc>`
    );
  });
  return body;
}

function dataTableHtml(figure: FigureBlock): string {
  const { columns, rows } = figure.table;
  const numeric = (c: DataColumn | undefined) => (c?.type === 'number' ? ' class="num"' : '');
  const head = columns
    .map(
      (c) => `<th scope="col"${numeric(c)}>${escapeHtml(c.unit ? `${c.label} (${c.unit})` : c.label)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((value, i) => `<td${numeric(columns[i])}>${escapeHtml(formatCell(value, columns[i]))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export interface FigureContext {
  assets: AssetBag;
  marks: CitationMarks;
  /** Source id → its number in the sources list. */
  sourceNumbers: ReadonlyMap<string, number>;
  /** The document: a figure of several parts finds its last part there (document/figures.ts). */
  model?: Briefing;
}

/** The element id of a figure (of a part, for a continued one). */
function figureId(figure: FigureBlock): string {
  const part = figure.continues ? `-part${figure.continues.part}` : '';
  return `fig-${figure.number}${part}-${safeId(figure.chartId)}`;
}

/**
 * The sources and notes under a figure: those of every part under the last one, and in each part
 * before it a link to there (as the PDF does, render/pdf/figure.ts).
 */
function creditHtml(figure: FigureBlock, context: FigureContext): string {
  const { parts, index } = context.model ? figureParts(context.model, figure) : { parts: [figure], index: 1 };
  const last = parts[parts.length - 1] ?? figure;
  if (index < parts.length)
    return `<p class="note"><a href="#${figureId(last)}">Sources and notes follow the last part of this figure (continued, ${parts.length}/${parts.length}).</a></p>`;
  const cites = partSources(parts)
    .map((id) => context.sourceNumbers.get(id))
    .filter((n): n is number => n !== undefined)
    .map((n) => citationHtml(n, context.marks))
    .join('');
  return (
    cites +
    partNotes(parts)
      .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
      .join('')
  );
}

export function figureHtml(figure: FigureBlock, context: FigureContext): string {
  const prefix = figureId(figure);
  const label = `Figure ${figure.number}`;
  const caption = `${label}: ${figure.caption}${figure.continues ? ` (continued, part ${figure.continues.part} of ${figure.continues.parts})` : ''}`;
  const svg = svgText(figure, context.assets);
  const drawing = svg
    ? inlineSvg(svg, prefix, caption, figure.alt)
    : `<p class="missing">${escapeHtml(figure.alt)}</p>`;
  // A continued part draws further rows; its data are in the first part's table.
  const data = figure.continues
    ? ''
    : `<details><summary>Data for figure ${figure.number}</summary>${dataTableHtml(figure)}</details>`;
  return (
    `<figure id="${prefix}" class="figure">${drawing}` +
    `<figcaption><strong>${escapeHtml(label)}.</strong> ${escapeHtml(figure.caption)}${creditHtml(figure, context)}</figcaption>` +
    `</figure>${data}`
  );
}
