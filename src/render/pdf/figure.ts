/**
 * Figures as vector graphics: the figure's SVG (from the asset bag) is drawn into the page by
 * svg-to-pdfkit (never a picture), inside a Figure element whose Alt is the figure's alt text.
 */
import { figureParts, partNotes, partSources } from '../../document/figures.js';
import type { FigureBlock, Inline, SourceEntry } from '../../document/model.js';
import type { Box } from './blocks.js';
import { docStack, svgFontCallback } from './document-fonts.js';
import { type Ctx, checkInFrame, ensure, gap, placed, remaining } from './frame.js';
import type { Line } from './lines.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines } from './styled-pieces.js';
import { drawChartSvg } from './svg-draw.js';
import { svgTextInFaces } from './svg-text.js';
import { drawLine, layoutText, type TextStyle } from './text.js';

/** CSS px → pt. */
const PX = 0.75;

export interface Figure {
  block: FigureBlock;
  /** The drawing, and its size in CSS px. */
  svg: string;
  svgWidth: number;
  svgHeight: number;
  caption: Line[];
  credit: Line[];
  x: number;
  width: number;
  chartHeight: number;
  height: number;
  captionStyle: TextStyle;
  creditStyle: TextStyle;
  /**
   * A part of a figure continued over pages: drawn at the one size every part has, never
   * squeezed to the room left, or its dots would sit elsewhere than the next part's on the same axis.
   */
  continued: boolean;
}

/** "Park (2025)" style short reference. */
export function shortReference(source: SourceEntry): string {
  // The date may be ISO ("2025-07-15") or a display form ("15 July 2025").
  const year = /\b(1[5-9]|20)\d{2}\b/.exec(source.date ?? '')?.[0];
  const who = source.author ?? source.publisher ?? source.title;
  return year ? `${who} (${year})` : who;
}

/**
 * What a part before the last says in place of the sources and notes, which a figure of several
 * parts prints once, under its last part (the Japan programme budgets reprinted a 15-line block on
 * each of three pages).
 */
export function continuedCredit(last: number, count: number): string {
  return `Sources and notes follow the last part of this figure (continued, ${last}/${count}).`;
}

function creditInlines(ctx: Ctx, chart: FigureBlock): Inline[] {
  const { parts, index } = figureParts(ctx.model, chart);
  if (index < parts.length) return [{ type: 'text', text: continuedCredit(parts.length, parts.length) }];
  const out: Inline[] = [];
  const entries = partSources(parts).flatMap((id) => ctx.sources.get(id) ?? []);
  if (entries.length > 0) {
    out.push({ type: 'text', text: entries.length > 1 ? 'Sources: ' : 'Source: ' });
    entries.forEach((entry, i) => {
      out.push({ type: 'text', text: `${i > 0 ? '; ' : ''}${shortReference(entry)}` });
      out.push({ type: 'citation', number: entry.number, sourceId: entry.id });
    });
    out.push({ type: 'text', text: '.' });
  }
  // Several notes read as one "Notes:" paragraph, not a column of repeated "Note:" labels.
  const notes = partNotes(parts);
  if (notes.length > 0) {
    if (out.length) out.push({ type: 'break' });
    out.push({
      type: 'text',
      text: `${notes.length > 1 ? 'Notes' : 'Note'}: ${notes.join(' ')}`,
    });
  }
  return out;
}

export function prepareFigure(ctx: Ctx, block: FigureBlock, box: Box): Figure | undefined {
  const drawing = ctx.assets.get(block.image.svg);
  if (!drawing) {
    ctx.diagnostics?.report({
      code: 'RENDER_FAILED',
      severity: 'error',
      message: `chart "${block.chartId}" was placed but not rendered`,
      ...(block.pos ? { file: block.pos.template, line: block.pos.line, column: block.pos.column } : {}),
    });
    return undefined;
  }
  if (ctx.chartsDrawn >= ctx.maxCharts) return undefined;
  ctx.chartsDrawn += 1;
  const t = ctx.type;
  const captionStyle: TextStyle = { size: t.body * 1.02, colour: t.colours.text, lineHeight: t.body * 1.35 };
  const creditStyle: TextStyle = { size: t.small, colour: t.colours.muted, lineHeight: t.small * 1.35 };
  const caption = layoutText(
    ctx,
    flattenInlines([{ type: 'text', text: `Figure ${block.number}. ${block.caption}` }], {
      bold: true,
      italic: false,
    }),
    box.width,
    captionStyle.size,
  );
  const credit = layoutText(ctx, flattenInlines(creditInlines(ctx, block)), box.width, creditStyle.size);
  const text = caption.length * captionStyle.lineHeight + 4 + 4 + credit.length * creditStyle.lineHeight;
  // A chart is drawn across the text column (its vector drawing scales with its type; the
  // charts are laid out narrower than an A4 column, and a figure drawn at four fifths of the
  // column read as squeezed). A chart of many rows can be taller than a page: it shrinks to the
  // page rather than run off it.
  const pageRoom = Math.max(0, ctx.geo.bottom - ctx.geo.top - text);
  const scale =
    Math.min(box.width / (drawing.width * PX), pageRoom / Math.max(1, drawing.height * PX)) * ctx.chartScale;
  const width = drawing.width * PX * scale;
  const chartHeight = drawing.height * PX * scale;
  const height = text + chartHeight;
  return {
    block,
    svg: new TextDecoder().decode(drawing.bytes),
    svgWidth: drawing.width,
    svgHeight: drawing.height,
    caption,
    credit,
    x: box.x,
    width,
    chartHeight,
    height,
    captionStyle,
    creditStyle,
    continued: figureParts(ctx.model, block).parts.length > 1,
  };
}

/** A figure may shrink this far to stay on the page below the text it illustrates. */
const MIN_FIT = 0.75;

/** The least room the figure can be drawn in: the chart at MIN_FIT, the gap above it included. */
export function minFigureHeight(figure: Figure): number {
  if (figure.continued) return 4 + figure.height;
  return 4 + figure.height - figure.chartHeight * (1 - MIN_FIT);
}

/** Scales the chart down (not below MIN_FIT) when that lets it fit the room left. */
export function fitToRoom(figure: Figure, room: number): Figure {
  if (figure.height <= room || figure.continued) return figure;
  const rest = figure.height - figure.chartHeight;
  const scale = (room - rest) / figure.chartHeight;
  if (scale < MIN_FIT) return figure;
  return { ...figure, width: figure.width * scale, chartHeight: figure.chartHeight * scale, height: room };
}

export function placeFigure(ctx: Ctx, original: Figure, parent: PdfStruct): void {
  const { doc } = ctx;
  gap(ctx, 4);
  const figure = fitToRoom(original, remaining(ctx));
  ensure(ctx, figure.height);
  const group = doc.struct('Div');
  parent.add(group);
  const caption = doc.struct('Caption');
  group.add(caption);
  for (const line of figure.caption) {
    drawLine(ctx, line, figure.x, ctx.y, figure.captionStyle, caption, 'Caption');
    placed(ctx, figure.captionStyle.lineHeight);
  }
  ctx.tags.end();
  ctx.y += 4;
  const top = ctx.y;
  const element = doc.struct('Figure', {
    alt: figure.block.alt,
    bbox: [figure.x, top, figure.x + figure.width, top + figure.chartHeight],
    placement: 'Block',
  });
  group.add(element);
  checkInFrame(
    ctx,
    { x: figure.x, y: top, width: figure.width, height: figure.chartHeight },
    figure.block.caption,
  );
  ctx.tags.begin(element, 'Figure');
  // Scale by transform: svg-to-pdfkit sizes the drawing from the SVG's own width/height.
  const scale = figure.width / (figure.svgWidth * PX);
  doc.save();
  doc.transform(scale, 0, 0, scale, figure.x, top);
  drawChartSvg(doc, svgTextInFaces(figure.svg, docStack(doc)), 0, 0, {
    width: figure.svgWidth * PX,
    height: figure.svgHeight * PX,
    fontCallback: svgFontCallback(doc),
    // Charts are ours, but an SVG must never make the renderer read a file or a URL.
    imageCallback: () => '',
    documentCallback: () => null,
    warningCallback: (message) =>
      ctx.diagnostics?.report({
        code: 'RENDER_FAILED',
        severity: 'warning',
        message: `chart "${figure.block.chartId}": ${message}`,
      }),
  });
  doc.restore();
  ctx.tags.end();
  placed(ctx, figure.chartHeight + 4);
  if (figure.credit.length) {
    const note = doc.struct('P');
    group.add(note);
    for (const line of figure.credit) {
      drawLine(ctx, line, figure.x, ctx.y, figure.creditStyle, note, 'P');
      placed(ctx, figure.creditStyle.lineHeight);
    }
    ctx.tags.end();
  }
  gap(ctx, ctx.type.paragraphGap * 1.6);
}
