/**
 * The page cursor and the marked-content bookkeeping every block shares. Content is
 * either inside a structure element's marked content or an Artifact, never loose, so
 * the tag tree covers the page (PDF/UA).
 */

import type { DiagnosticSink } from '../../diagnostics.js';
import type { AssetBag, Briefing, SourceEntry, TemplatePosition } from '../../document/model.js';
import type { PdfDoc, PdfStruct } from './pdfkit-slice.js';
import type { PageGeometry, Typography } from './style.js';

export class Tagger {
  private open: PdfStruct | undefined;
  /**
   * The element the last tagged line of text went into, and whether that text ended in white
   * space. A line continuing the same element after one that did not must carry a space into
   * the structure text (text.ts drawLine), or a reader of the tag tree glues the words at the
   * break ("economicdiplomacy").
   */
  private lastLine: { element: PdfStruct; endsInSpace: boolean } | undefined;
  constructor(private readonly doc: PdfDoc) {}

  /** True when a line drawn into `element` now would be glued to the previous line's text. */
  needsJoin(element: PdfStruct): boolean {
    return this.lastLine?.element === element && !this.lastLine.endsInSpace;
  }

  /** Records the text of a line just drawn into `element`. */
  lineDrawn(element: PdfStruct, text: string): void {
    if (text !== '') this.lastLine = { element, endsInSpace: /\s$/u.test(text) };
  }

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
  /** The model's asset bag: the figures' drawings. */
  assets: AssetBag;
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
  /**
   * A layout only measured, never shipped (the one-pager's fitting tries): text runs advance by
   * their width but are not drawn, which was most of each try's cost (issue 18).
   */
  measuring?: boolean;
  /**
   * A try that only asks whether the page fits (the one-pager's probes): opening a second page
   * ends it with SecondPage, rather than laying out the rest of a list that had no room.
   */
  onePageOnly?: boolean;
  maxCharts: number;
  tables: number;
  /** Pages whose text starts at the top margin (the cover, the one-pager's masthead), 0-based. */
  mastheadPages: Set<number>;
  /** The model node being placed: RENDER_OVERFLOW names its template position. */
  node?: PlacedNode;
  /** Nodes already reported as overflowing: one diagnostic per node, not one per line. */
  overflowed: Set<PlacedNode | undefined>;
  /** The node being placed when the second page was opened (the one-pager's overflow names it). */
  spilled?: PlacedNode | undefined;
  /**
   * Figures that end a section but did not fit the rest of its page: drawn where the next
   * section's text first leaves room (blocks.ts placePrepared), so the page is not left
   * empty. Each is still a child of its own section's element, so the tag tree reads it there.
   * Undefined where figures never float past a section (the one-pager).
   */
  deferred?: { floatMin: number; place: () => void }[];
}

/** What a RENDER_OVERFLOW names: the block, section or back-matter part being placed. */
export interface PlacedNode {
  what: string;
  pos?: TemplatePosition;
}

/** The box every line of text on the current page must lie in: the text frame. */
export function textFrame(ctx: Ctx): { top: number; bottom: number; left: number; right: number } {
  const { geo } = ctx;
  const top = ctx.mastheadPages.has(ctx.page) ? geo.margin : geo.top;
  return { top, bottom: geo.bottom, left: geo.left, right: geo.right };
}

/** Points a line may stick out by before it counts (rounding of measured widths and heights). */
const TOLERANCE = 0.5;

/**
 * The renderer checks its own boxes: a line of text outside the text frame is reported as
 * RENDER_OVERFLOW (once per model node, at its template position) instead of being left off
 * the page without a word. Layout should never get here; this is the last line of defence.
 */
export function checkInFrame(
  ctx: Ctx,
  box: { x: number; y: number; width: number; height: number },
  text: string,
): void {
  const frame = textFrame(ctx);
  const inside =
    box.y >= frame.top - TOLERANCE &&
    box.y + box.height <= frame.bottom + TOLERANCE &&
    box.x >= frame.left - TOLERANCE &&
    box.x + box.width <= frame.right + TOLERANCE;
  if (inside || ctx.overflowed.has(ctx.node)) return;
  ctx.overflowed.add(ctx.node);
  const where =
    box.y + box.height > frame.bottom + TOLERANCE
      ? `its bottom at y ${(box.y + box.height).toFixed(1)} is below the text frame (${frame.bottom.toFixed(1)})`
      : box.y < frame.top - TOLERANCE
        ? `its top at y ${box.y.toFixed(1)} is above the text frame (${frame.top.toFixed(1)})`
        : `it spans x ${box.x.toFixed(1)}–${(box.x + box.width).toFixed(1)}, wider than the text frame (${frame.left.toFixed(1)}–${frame.right.toFixed(1)})`;
  const pos = ctx.node?.pos;
  ctx.diagnostics?.report({
    code: 'RENDER_OVERFLOW',
    severity: 'error',
    message: `${ctx.node?.what ?? 'text'} does not fit on page ${ctx.page + 1}: "${text.trim().slice(0, 40)}" — ${where}`,
    ...(pos ? { file: pos.template, line: pos.line, column: pos.column } : {}),
    hint: 'shorten this text (a heading, table cell or label longer than a page cannot be laid out)',
  });
}

/** Runs `place` with `node` as the node being placed (for RENDER_OVERFLOW's position). */
export function placing<T>(ctx: Ctx, node: PlacedNode, place: () => T): T {
  const outer = ctx.node;
  ctx.node = node;
  try {
    return place();
  } finally {
    ctx.node = outer;
  }
}

export function remaining(ctx: Ctx): number {
  return ctx.geo.bottom - ctx.y;
}

/** Thrown by newPage in a one-page-only try (Ctx.onePageOnly): the try does not fit. */
export class SecondPage extends Error {}

export function newPage(ctx: Ctx): void {
  if (ctx.onePageOnly && ctx.page === 0) throw new SecondPage('the page does not fit');
  ctx.tags.end();
  ctx.doc.addPage({ size: ctx.geo.size, margin: ctx.geo.margin });
  ctx.page += 1;
  if (ctx.page === 1) ctx.spilled = ctx.node;
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
