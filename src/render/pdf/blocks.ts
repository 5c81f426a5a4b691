/**
 * Model blocks → pages. Each block is measured first (`prepare`), so a heading can ask
 * the block after it how much room it needs and move to the next page with it.
 */
import type { Block, Inline, Section } from '../../document/model.js';
import { REGULAR } from './document-fonts.js';
import { minFigureHeight, placeFigure, prepareFigure } from './figure.js';
import { DEFER_SHARE, floatFigures, placeDeferred } from './floats.js';
import { keepLines, placeLines } from './flow.js';
import { type Ctx, ensure, gap, type PlacedNode, placing, remaining } from './frame.js';
import { prepareKpi } from './kpi.js';
import type { Line } from './lines.js';
import { addListItem, type PdfStruct } from './pdfkit-slice.js';
import { flattenInlines, plainText } from './styled-pieces.js';
import { prepareTable } from './table.js';
import { layoutText, type TextStyle } from './text.js';

export interface Prepared {
  /** Height that must fit at a page's foot for the block to start there. */
  keep: number;
  /** Height of the whole block placed unbroken: text that may move up past a figure. */
  whole?: number;
  /** A figure: the least room it can be drawn in; it floats to the next page if that is missing. */
  floatMin?: number;
  /** A heading: text may float past it only together with what follows it. */
  heading?: boolean;
  /**
   * A one-line paragraph: after a heading it is a label or a short intro ("Analysis: …", "This
   * briefing covers …"), kept with the start of what follows it. A longer paragraph is text of its own.
   */
  label?: boolean;
  /** A callout (KPI box): kept on the page of the end of the block before it. */
  callout?: boolean;
  /** Room needed at a page's foot to start this block when a callout of height `next` must follow it. */
  keepWith?: (next: number) => number;
  /** `calloutKeep`: the room the callout after this block needs on its last page (0: none follows). */
  place(parent: PdfStruct, keepNext: number, calloutKeep?: number): void;
}

export interface Box {
  x: number;
  width: number;
}

export function bodyStyle(ctx: Ctx, size = ctx.type.body, colour = ctx.type.colours.text): TextStyle {
  return { size, colour, lineHeight: size * ctx.type.leading };
}

function headingStyle(ctx: Ctx, level: number): { style: TextStyle; before: number; after: number } {
  const t = ctx.type;
  const size = level <= 1 ? t.h1 : level === 2 ? t.h2 : level === 3 ? t.h3 : t.h4;
  const colour = level <= 2 ? t.colours.accent : t.colours.text;
  return { style: { size, colour, lineHeight: size * 1.25 }, before: size * 1.1, after: size * 0.45 };
}

/** A heading: registered for the TOC and outline, kept with the start of what follows. */
export function prepareHeading(ctx: Ctx, id: string, level: number, inlines: Inline[], box: Box): Prepared {
  const { style, before, after } = headingStyle(ctx, level);
  const lines = layoutText(
    ctx,
    flattenInlines(inlines, { bold: true, italic: false }),
    box.width,
    style.size,
  );
  const height = lines.length * style.lineHeight + after;
  return {
    keep: before + height,
    whole: before + height,
    heading: true,
    place(parent, keepNext) {
      gap(ctx, before);
      ensure(ctx, height + keepNext);
      const tag = `H${Math.min(level, 6)}`;
      const element = ctx.doc.struct(tag);
      parent.add(element);
      ctx.headings.push({ id, level, title: plainText(inlines), page: ctx.page, y: ctx.y });
      ctx.doc.addNamedDestination(`h-${id}`, 'XYZ', box.x, ctx.y, null);
      placeLines(ctx, lines, style, box.x, element, tag);
      ctx.y += after;
    },
  };
}

/** The room lines need at a page's foot to start there with a callout after them. */
function keepWithCallout(lines: readonly Line[], style: TextStyle, next: number): number {
  // A block too short to split (fewer than 2 × MIN_LINES lines) moves whole with the callout.
  return lines.length < 4 ? lines.length * style.lineHeight + next : keepLines(lines, style);
}

/** A short paragraph that ends in a colon introduces what follows ("The 12 fields …:" and its table). */
function introduces(inlines: readonly Inline[], lines: readonly Line[]): boolean {
  return lines.length <= 3 && /:\s*$/u.test(plainText(inlines.filter((i) => i.type !== 'citation')));
}

export function prepareParagraph(ctx: Ctx, inlines: Inline[], box: Box, style = bodyStyle(ctx)): Prepared {
  const lines = layoutText(ctx, flattenInlines(inlines), box.width, style.size);
  const leadIn = introduces(inlines, lines);
  return {
    keep: keepLines(lines, style),
    ...(lines.length === 1 ? { label: true } : {}),
    keepWith: (next) => keepWithCallout(lines, style, next),
    whole: lines.length * style.lineHeight + ctx.type.paragraphGap,
    place(parent, keepNext, calloutKeep = 0) {
      // A lead-in never ends a page: it moves on with the start of what it introduces.
      if (leadIn) ensure(ctx, lines.length * style.lineHeight + ctx.type.paragraphGap + keepNext);
      const element = ctx.doc.struct('P');
      parent.add(element);
      // The callout comes after this paragraph's gap: both must fit below its last lines.
      const keepAfter = calloutKeep > 0 ? calloutKeep + ctx.type.paragraphGap : 0;
      placeLines(ctx, lines, style, box.x, element, 'P', { keepAfter });
      gap(ctx, ctx.type.paragraphGap);
    },
  };
}

function prepareList(ctx: Ctx, block: Extract<Block, { type: 'list' }>, box: Box): Prepared {
  const style = bodyStyle(ctx);
  const indent = style.size * (block.ordered ? 1.8 : 1.3);
  const items = block.items.map((item, i) => ({
    marker: block.ordered ? `${(block.start ?? 1) + i}.` : '•',
    lines: layoutText(ctx, flattenInlines(item), box.width - indent, style.size),
  }));
  const last = items[items.length - 1];
  return {
    keep: keepLines(items[0]?.lines ?? [], style),
    // A one-item list starts with its last item: that item must fit with the callout.
    ...(items.length === 1 && last
      ? { keepWith: (next: number) => keepWithCallout(last.lines, style, next) }
      : {}),
    // Items are spaced by a fraction of the size; a generous estimate keeps the float honest.
    whole:
      items.reduce((sum, item) => sum + item.lines.length * style.lineHeight + style.size * 0.5, 0) +
      ctx.type.paragraphGap,
    place(parent, _keepNext, calloutKeep = 0) {
      const list = ctx.doc.struct('L');
      parent.add(list);
      for (const item of items) {
        const { label, body } = addListItem(ctx.doc, list);
        // The list's closing gap comes before the callout: both must fit below the last item.
        const keepAfter = item === last && calloutKeep > 0 ? calloutKeep + ctx.type.paragraphGap : 0;
        ensure(
          ctx,
          keepAfter > 0 ? keepWithCallout(item.lines, style, keepAfter) : keepLines(item.lines, style),
        );
        placeLines(ctx, item.lines, style, box.x + indent, body, 'LBody', {
          keepAfter,
          decorate(index, top) {
            if (index !== 0) return;
            ctx.tags.begin(label, 'Lbl');
            const colour = block.ordered ? style.colour : ctx.type.colours.accent;
            ctx.doc.font(REGULAR, style.size).fillColor(colour);
            const baseline = top + style.lineHeight * 0.5 + style.size * 0.36;
            ctx.doc.text(item.marker, box.x + style.size * 0.2, baseline, {
              lineBreak: false,
              baseline: 'alphabetic',
            });
            ctx.tags.end();
          },
        });
        ctx.y += style.size * 0.25;
      }
      gap(ctx, ctx.type.paragraphGap);
    },
  };
}

function prepareQuote(ctx: Ctx, block: Extract<Block, { type: 'quote' }>, box: Box): Prepared {
  const style = bodyStyle(ctx, ctx.type.body * 1.08, ctx.type.colours.text);
  const inner: Box = { x: box.x + 16, width: box.width - 16 };
  const paragraphs = block.children.map((child) =>
    child.type === 'paragraph'
      ? layoutText(ctx, flattenInlines(child.children), inner.width, style.size)
      : [],
  );
  return {
    keep: keepLines(paragraphs[0] ?? [], style),
    place(parent) {
      const quote = ctx.doc.struct('BlockQuote');
      parent.add(quote);
      paragraphs.forEach((lines, i) => {
        const element = ctx.doc.struct('P');
        quote.add(element);
        placeLines(ctx, lines, style, inner.x, element, 'P', {
          decorate(_index, top) {
            ctx.tags.artifact(() => {
              ctx.doc.rect(box.x + 2, top, 2.5, style.lineHeight).fill(ctx.type.colours.accent);
            });
          },
        });
        if (i < paragraphs.length - 1) ctx.y += style.size * 0.5;
      });
      gap(ctx, ctx.type.paragraphGap * 1.5);
    },
  };
}

export function prepareBlock(ctx: Ctx, block: Block, box: Box): Prepared | undefined {
  switch (block.type) {
    case 'heading':
      return prepareHeading(ctx, block.id, Math.max(2, block.level), block.children, box);
    case 'paragraph':
      return prepareParagraph(ctx, block.children, box);
    case 'list':
      return prepareList(ctx, block, box);
    case 'quote':
      return prepareQuote(ctx, block, box);
    case 'kpi':
      return prepareKpi(ctx, block.items, box);
    case 'table':
      return prepareTable(ctx, block, box);
    case 'figure': {
      const figure = prepareFigure(ctx, block, box);
      return (
        figure && {
          keep: figure.height,
          floatMin: minFigureHeight(figure),
          place: (parent) => placeFigure(ctx, figure, parent),
        }
      );
    }
    case 'pageBreak':
      return {
        keep: 0,
        place() {
          if (!ctx.pageEmpty) ctx.y = ctx.geo.bottom + 1;
        },
      };
  }
}

const BLOCK_NAMES: Record<Block['type'], string> = {
  heading: 'a heading',
  paragraph: 'a paragraph',
  list: 'a list',
  quote: 'a quote',
  kpi: 'a KPI block',
  table: 'a table',
  figure: 'a figure',
  pageBreak: 'a page break',
};

export function sectionNode(section: Section): PlacedNode {
  return { what: `the heading of section "${section.title}"`, ...(section.pos ? { pos: section.pos } : {}) };
}

/** The prepared block, placed with `node` as the node RENDER_OVERFLOW names. */
export function placingNode(ctx: Ctx, node: PlacedNode, prepared: Prepared): Prepared {
  return {
    ...prepared,
    place: (parent, keepNext, calloutKeep) =>
      placing(ctx, node, () => prepared.place(parent, keepNext, calloutKeep)),
  };
}

export function prepareBlocks(ctx: Ctx, blocks: readonly Block[], box: Box): Prepared[] {
  return blocks.flatMap((b) => {
    const prepared = prepareBlock(ctx, b, box);
    if (!prepared) return [];
    return [placingNode(ctx, { what: BLOCK_NAMES[b.type], ...(b.pos ? { pos: b.pos } : {}) }, prepared)];
  });
}

/** Places prepared blocks in order, each kept with the start of the next (headings use it). */
export function placePrepared(prepared: readonly Prepared[], parent: PdfStruct, ctx?: Ctx): void {
  let queue = [...prepared];
  const done = new Set<Prepared>();
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i] as Prepared;
    // The figure and what follows it to the section's end are figures only: the figure
    // itself, or a figure whose rows go on in "(continued)" parts (charts/page-fit.ts).
    const endsSection = here.floatMin !== undefined && queue.slice(i).every((p) => p.floatMin !== undefined);
    // A section-ending figure waits behind a figure already waiting (the order of the figures
    // is kept, and the next section's text fills the page first); never between a heading and its text.
    const queues = endsSection && (ctx?.deferred?.length ?? 0) > 0;
    if (ctx && !queue[i - 1]?.heading && !queues) placeDeferred(ctx, here.keep);
    if (ctx && here.floatMin !== undefined && !done.has(here)) {
      // A figure floats once; where it lands it is drawn, on a new page if need be.
      done.add(here);
      queue = [...queue.slice(0, i), ...floatFigures(queue.slice(i), remaining(ctx))];
      const frame = ctx.geo.bottom - ctx.geo.top;
      const run = queue.slice(i);
      const last = queue[i] === here && run.every((p) => p.floatMin !== undefined);
      const waits = here.floatMin > remaining(ctx) && remaining(ctx) > frame * DEFER_SHARE;
      if (last && ctx.deferred && (waits || ctx.deferred.length > 0)) {
        // The section ends with a figure the page cannot hold: the next section's text fills
        // the page first and the figure, with its continued parts, follows where it fits (placeDeferred).
        const placeRun = () => {
          for (const part of run) part.place(parent, 0);
        };
        ctx.deferred.push({ floatMin: here.floatMin, place: placeRun });
        break;
      }
    }
    const p = queue[i] as Prepared;
    const next = queue[i + 1];
    const afterNext = queue[i + 2];
    // A heading keeps with the block after it, and with the callout after that when it follows;
    // a heading's one-line lead-in (an analysis label, a section's intro) keeps with the start of
    // what it introduces, the gap between them counted. Only a one-line one: a heading over a
    // three-line paragraph asked for all of it and the next paragraph's start, and moved to the
    // next page leaving a quarter of this one empty under the section's intro (issue 14).
    const leadIn =
      afterNext !== undefined && p.heading === true && next?.label === true && afterNext.callout !== true;
    const between = leadIn && ctx ? ctx.type.paragraphGap : 0;
    const keepsOn = afterNext !== undefined && (afterNext.callout === true || leadIn);
    // What the lead-in introduces may be a subsection: its heading asks for its own first
    // block, so the lead-in asks for both, or it would end the page alone above a heading that moves.
    const introduced = (afterNext?.keep ?? 0) + (afterNext?.heading ? (queue[i + 3]?.keep ?? 0) : 0);
    const keepNext = keepsOn && next?.keepWith ? next.keepWith(introduced + between) : (next?.keep ?? 0);
    p.place(parent, keepNext, next?.callout ? next.keep : 0);
  }
}
