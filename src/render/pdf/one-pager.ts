/**
 * The sector one-pager: a compact masthead, the body at the one type scale every one-pager
 * shares, the first chart only, and the sources in at most three lines. It must fit one page:
 * a chart may shrink, type never does; when the page is full, the template's lower priorities
 * are shortened or left out (src/render/pdf/one-pager-fit.ts), the fewest that fit. Only when
 * what must stay cannot fit is the extra page kept (not hidden), with a RENDER_OVERFLOW at the
 * template line of the block that starts it.
 */

import type { Diagnostic } from '../../diagnostics.js';
import type { Briefing } from '../../document/model.js';
import {
  type Box,
  placePrepared,
  placingNode,
  prepareBlocks,
  prepareHeading,
  sectionNode,
} from './blocks.js';
import type { Ctx } from './frame.js';
import { newPage, placing } from './frame.js';
import { coverFields, putText } from './masthead.js';
import { type Cut, fitCuts, forcedCuts, shortenModel } from './one-pager-fit.js';
import { placeCompactSources } from './one-pager-sources.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { drawText, type TextStyle } from './text.js';

/**
 * The one type scale of every one-pager, on the theme's sizes (the shipped theme: body 10 pt,
 * headings 14 pt, sources and captions 8 pt). A page fits by what it leaves out, never by
 * smaller type: pages of one build read as one set (issue 14).
 */
export const ONE_PAGER_TYPE_SCALE = 1;

/**
 * Chart heights tried, largest first, when the page places a chart: the one element that
 * shrinks before content is cut. A page without a chart is laid out at the first only.
 */
export const CHART_STEPS: readonly number[] = [1, 0.85, 0.7, 0.55];

function masthead(ctx: Ctx, box: Box): PdfStruct {
  const { doc, type: t, model } = ctx;
  const fields = coverFields(model.meta);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const titleStyle: TextStyle = {
    size: t.h1 * 1.15,
    colour: t.colours.accent,
    lineHeight: t.h1 * 1.15 * 1.2,
  };
  const infoStyle: TextStyle = { size: t.small, colour: t.colours.muted, lineHeight: t.small * 1.4 };
  const put = (tag: string, text: string, style: TextStyle, bold: boolean) =>
    putText(ctx, root, tag, text, style, { x: box.x, width: box.width, bold });
  put('P', `${fields.masthead.toUpperCase()} · ${model.meta.shortTitle}`, infoStyle, true);
  ctx.y += 4;
  put('H1', fields.title, titleStyle, true);
  if (fields.subtitle)
    put('P', fields.subtitle, { ...infoStyle, size: t.body, lineHeight: t.body * 1.35 }, false);
  put('P', `${fields.asOf} · ${fields.byline}`, infoStyle, false);
  ctx.y += 5;
  ctx.tags.artifact(() => {
    doc.rect(box.x, ctx.y, box.width, 1.4).fill(t.colours.accent);
  });
  ctx.y += 10;
  ctx.pageEmpty = false;
  return root;
}

/** The standfirst (the first section's paragraphs) is set this much larger than the body: a fixed element of the scale. */
export const STANDFIRST_SCALE = 1.2;

/** What a one-pager layout is told beyond its model: where the full references are, and the room to spread. */
export interface OnePagerLayout {
  /** The full briefing's file name, where the sources line says the full references are. */
  briefing?: string;
  /** Extra space before each section after the first (points): a short page spreads its grid. */
  spread?: number;
}

/**
 * Lays the page out; returns its slack, the room left between the content and the sources at
 * the foot (the page's sections may spread over it: spreadFor).
 */
export function layoutOnePager(ctx: Ctx, options: OnePagerLayout = {}): number {
  const { geo } = ctx;
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  ctx.maxCharts = 1;
  newPage(ctx);
  // No running header: the masthead starts at the top margin.
  ctx.mastheadPages.add(ctx.page);
  ctx.y = geo.margin;
  const root = masthead(ctx, box);
  const body = ctx.type;
  const standfirst = { ...body, body: body.body * STANDFIRST_SCALE };
  ctx.model.sections.forEach((section, index) => {
    if (index > 0) ctx.y += options.spread ?? 0;
    const element = ctx.doc.struct('Sect');
    root.add(element);
    const heading = placingNode(
      ctx,
      sectionNode(section),
      prepareHeading(ctx, section.id, 2, [{ type: 'text', text: section.title }], box),
    );
    const blocks = section.blocks.flatMap((block) => {
      // The opening section's message reads first, larger; its cards and lists keep the body size.
      if (index > 0 || block.type !== 'paragraph') return prepareBlocks(ctx, [block], box);
      ctx.type = standfirst;
      const prepared = prepareBlocks(ctx, [block], box);
      ctx.type = body;
      return prepared;
    });
    placePrepared([heading, ...blocks], element);
  });
  const contentEnd = ctx.y;
  let sourcesTop = contentEnd;
  placing(ctx, { what: 'the sources list' }, () => {
    sourcesTop = placeCompactSources(ctx, root, box.x, box.width, options.briefing);
  });
  ctx.tags.end();
  return ctx.doc.bufferedPageRange().count === 1 ? Math.max(0, sourcesTop - contentEnd) : 0;
}

/**
 * The extra space before each section of a page with `slack` to spare: a short page spreads
 * its grid down the sheet rather than ending in a white block, at most MAX_SPREAD a gap (a
 * thin sector's page stays a short page, not one of wide gaps).
 */
export const MAX_SPREAD = 24;
export function spreadFor(slack: number, sections: number): number {
  if (sections < 2 || slack < 1) return 0;
  return Math.min(MAX_SPREAD, Math.floor(slack / sections));
}

export function drawOnePagerFooter(ctx: Ctx): void {
  const { doc, geo, type: t, model } = ctx;
  doc.switchToPage(0);
  ctx.tags.artifact(() => {
    doc.fillColor(t.colours.muted);
    const text = `${model.meta.shortTitle} · As of ${model.meta.asOfLabel}`;
    drawText(doc, text, geo.left, geo.height - geo.margin - 2, {}, t.small);
  }, 'Pagination');
}

/** One layout of a model at one chart height, with what it reported. */
export interface OnePagerAttempt {
  ctx: Ctx;
  diagnostics: Diagnostic[];
  pages: number;
  /** Room left above the sources on a page that fits (layoutOnePager). */
  slack?: number;
}

/**
 * With `probe`, a try whose answer is only whether it fits: one that does not may stop at its
 * second page (`pages` is then 2, at least; its ctx and diagnostics are not the whole layout's).
 */
export type LayoutAttempt = (model: Briefing, chartScale: number, probe?: boolean) => OnePagerAttempt;

/** The chart heights worth trying for a model: all of them with a chart, else the first. */
const chartSteps = (model: Briefing): readonly number[] =>
  model.sections.some((s) => s.blocks.some((b) => b.type === 'figure'))
    ? CHART_STEPS
    : CHART_STEPS.slice(0, 1);

/**
 * The one-pager that fits, at the one type scale: the model with its capped lists cut to their
 * cap (forcedCuts) at the largest chart height that fits; else the fewest further cuts (found
 * by bisection: each cut leaves out more) that fit at the smallest chart height, less the list
 * items a later dropped block made room for, laid out at the largest chart height that still
 * fits. A page without a chart that fits whole takes one layout. A RENDER_OVERFLOW when even
 * every cut leaves two pages, at the block that starts the second.
 */
export function fitOnePager(model: Briefing, layout: LayoutAttempt): OnePagerAttempt {
  const forced = forcedCuts(model);
  const largestFitting = (m: Briefing, atSmallest?: OnePagerAttempt): OnePagerAttempt | undefined => {
    const steps = chartSteps(m);
    const last = steps.length - 1;
    const tried = new Map<number, OnePagerAttempt>();
    if (atSmallest) tried.set(last, atSmallest);
    const attempt = (i: number) => {
      const known = tried.get(i);
      if (known) return known;
      // A try here that fails is never returned: it may stop at its second page.
      const made = layout(m, steps[i] ?? 1, true);
      tried.set(i, made);
      return made;
    };
    if (attempt(last).pages !== 1) return undefined;
    return attempt(fewest(last, (i) => attempt(i).pages === 1));
  };
  const base = shortenModel(model, forced).model;
  const whole = largestFitting(base);
  if (whole) return whole;
  const cuts = fitCuts(model);
  const smallest = chartSteps(model).at(-1) ?? 1;
  // The layouts at the smallest chart height by the cuts made: the last one found is laid out
  // again only at the larger heights.
  const atCuts = new Map<string, OnePagerAttempt>();
  const cutsKey = (made: readonly Cut[]) => made.map((c) => cuts.indexOf(c)).join(',');
  // Only the most cut layout is laid out whole however it ends (its overflow names the pages it
  // needs); of the others only one that fits is returned, and that one was laid out whole.
  const at = (made: readonly Cut[], probe = true) => {
    const key = cutsKey(made);
    const known = atCuts.get(key);
    if (known) return known;
    const attempt = layout(shortenModel(model, [...forced, ...made]).model, smallest, probe);
    atCuts.set(key, attempt);
    return attempt;
  };
  const mostCut = at(cuts, false);
  if (mostCut.pages > 1)
    return { ...mostCut, diagnostics: [...mostCut.diagnostics, overflow(mostCut, cuts.length)] };
  // The fewest cuts that fit: all of them fit, none do not.
  const count = fewest(cuts.length, (n) => at(cuts.slice(0, n)).pages === 1);
  let made = cuts.slice(0, count);
  // A block dropped last may leave room for items cut before it: give back the latest of them.
  const lastDrop = made.map((c) => c.kind).lastIndexOf('drop');
  const givable = made.slice(0, Math.max(lastDrop, 0)).filter((c) => c.kind === 'item');
  const keptBack = (n: number) => new Set<Cut>(givable.slice(givable.length - n));
  const back =
    givable.length -
    fewest(givable.length, (n) => {
      const returned = keptBack(givable.length - n);
      return at(made.filter((c) => !returned.has(c))).pages === 1;
    });
  const returned = keptBack(back);
  made = made.filter((c) => !returned.has(c));
  return largestFitting(shortenModel(model, [...forced, ...made]).model, at(made)) ?? at(made);
}

/** The least n in 0..max with `fits(n)`, given `fits(max)` and that fitting is monotone in n. */
function fewest(max: number, fits: (n: number) => boolean): number {
  let lo = -1;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function overflow(attempt: OnePagerAttempt, cuts: number): Diagnostic {
  const { ctx, pages } = attempt;
  const spilled = ctx.spilled;
  const pos = spilled?.pos;
  const what = spilled ? `; ${spilled.what} starts page 2` : '';
  return {
    code: 'RENDER_OVERFLOW',
    severity: 'error',
    message: `the one-pager "${ctx.model.meta.title}" needs ${pages} pages even at its most compact layout${cuts > 0 ? ' with every block of priority 2 and above shortened or left out' : ''}${what}`,
    ...(pos ? { file: pos.template, line: pos.line, column: pos.column } : {}),
    hint: 'mark what the page may shorten or leave out with <!-- priority: 2 --> (and lists with <!-- more: … -->), or shorten the text that must stay (docs/templates.md)',
  };
}
