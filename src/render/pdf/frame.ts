/**
 * The page cursor and the marked-content bookkeeping every block shares. Content is
 * either inside a structure element's marked content or an Artifact, never loose, so
 * the tag tree covers the page (PDF/UA).
 */

import type { RenderedChart } from '../../charts/types.js';
import type { DiagnosticSink } from '../../diagnostics.js';
import type { Briefing, SourceEntry } from '../../document/model.js';
import type { PdfDoc, PdfStruct } from './pdfkit.js';
import type { PageGeometry, Typography } from './style.js';

export class Tagger {
  private open: PdfStruct | undefined;
  constructor(private readonly doc: PdfDoc) {}

  /** Continues `element`'s marked content, or closes the current one and starts it. */
  begin(element: PdfStruct, tag: string): void {
    if (this.open === element) return;
    this.end();
    const content = this.doc.markStructureContent(tag);
    element.add(content);
    this.open = element;
  }

  end(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  /** Decoration, running heads and repeated table headers: not part of the reading order. */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    this.end();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}

export interface Heading {
  id: string;
  level: number;
  title: string;
  /** 0-based page index and the top of the heading on it. */
  page: number;
  y: number;
}

export interface Ctx {
  doc: PdfDoc;
  geo: PageGeometry;
  type: Typography;
  tags: Tagger;
  model: Briefing;
  charts: ReadonlyMap<string, RenderedChart>;
  sources: ReadonlyMap<string, SourceEntry>;
  diagnostics?: DiagnosticSink;
  /** Cursor: top of the next block on the current page. */
  y: number;
  page: number;
  /** True until something is placed on the current page (no break needed at its top). */
  pageEmpty: boolean;
  headings: Heading[];
  /** Charts drawn (by id), for the one-pager's single-chart rule. */
  chartsDrawn: number;
  /** Height multiplier for charts; the one-pager shrinks it to fit. */
  chartScale: number;
  maxCharts: number;
  tables: number;
}

export function remaining(ctx: Ctx): number {
  return ctx.geo.bottom - ctx.y;
}

export function newPage(ctx: Ctx): void {
  ctx.tags.end();
  ctx.doc.addPage({ size: ctx.geo.size, margin: ctx.geo.margin });
  ctx.page += 1;
  ctx.y = ctx.geo.top;
  ctx.pageEmpty = true;
}

/** Breaks the page unless `height` fits below the cursor (or the page is still empty). */
export function ensure(ctx: Ctx, height: number): void {
  if (height > remaining(ctx) + 0.01 && !ctx.pageEmpty) newPage(ctx);
}

/** Adds vertical space, which is dropped at the top of a page. */
export function gap(ctx: Ctx, space: number): void {
  if (!ctx.pageEmpty) ctx.y = Math.min(ctx.y + space, ctx.geo.bottom);
}

export function placed(ctx: Ctx, height: number): void {
  ctx.y += height;
  ctx.pageEmpty = false;
}
