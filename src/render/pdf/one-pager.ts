/**
 * The sector one-pager: a compact masthead, the body in a smaller type size, the first
 * chart only, and the sources. It must fit one page: the layout is tried at decreasing
 * chart heights and type sizes; if even the tightest overflows, the template's lower
 * priorities are shortened or left out (src/render/pdf/one-pager-fit.ts), the fewest that
 * fit. Only when what must stay cannot fit is the extra page kept (not hidden), with a
 * RENDER_OVERFLOW at the template line of the block that starts it.
 */

import type { Diagnostic } from '../../diagnostics.js';
import type { Briefing } from '../../document/model.js';
import { placeBackMatter } from './back-matter.js';
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
import { type Cut, fitCuts, shortenModel } from './one-pager-fit.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { drawText, type TextStyle } from './text.js';

/**
 * Attempts in order: [chart height scale, type scale]. The first steps set a short page larger,
 * so it fills the page rather than leaving half of it empty; the later ones shrink a full one.
 */
export const FIT_STEPS: readonly (readonly [number, number])[] = [
  [1, 1.45],
  [1, 1.3],
  [1, 1.2],
  [1, 1.12],
  [1, 1.04],
  [1, 0.98],
  [1, 0.92],
  [0.85, 0.92],
  [0.75, 0.88],
  [0.65, 0.84],
  [0.55, 0.8],
];

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

export function layoutOnePager(ctx: Ctx): void {
  const { geo } = ctx;
  const box: Box = { x: geo.left, width: geo.right - geo.left };
  ctx.maxCharts = 1;
  newPage(ctx);
  // No running header: the masthead starts at the top margin.
  ctx.mastheadPages.add(ctx.page);
  ctx.y = geo.margin;
  const root = masthead(ctx, box);
  for (const section of ctx.model.sections) {
    const element = ctx.doc.struct('Sect');
    root.add(element);
    const heading = placingNode(
      ctx,
      sectionNode(section),
      prepareHeading(ctx, section.id, 2, [{ type: 'text', text: section.title }], box),
    );
    placePrepared([heading, ...prepareBlocks(ctx, section.blocks, box)], element);
  }
  placing(ctx, { what: 'the sources list' }, () =>
    placeBackMatter(ctx, root, box, { appendix: false, level: 2, compact: true }),
  );
  ctx.tags.end();
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

/** One layout of a model at one [chart scale, type scale] step, with what it reported. */
export interface OnePagerAttempt {
  ctx: Ctx;
  diagnostics: Diagnostic[];
  pages: number;
}

export type LayoutAttempt = (model: Briefing, step: readonly [number, number]) => OnePagerAttempt;

/**
 * How a page's height grows with its type scale, for the first guess at the step that fits: a
 * paragraph's lines get taller and hold fewer words, a heading's only taller (between 1 and 2;
 * 1.25 is what the shipped one-pagers measure). A guess only orders the layouts tried: the step
 * kept is the one bisection finds.
 */
const HEIGHT_PER_TYPE_SCALE = 1.25;

/**
 * The largest step a model fits at, `fits(step)` monotone along the steps (each sets the page no
 * larger than the one before) and the tightest known to fit with its page ending at `end`: from
 * that page's height the step whose page just fills the frame is guessed, and it and the step
 * before it are laid out first (two layouts when the guess is right); bisection between what is
 * known finds the same step when it is not.
 */
function largestStep(tightest: OnePagerAttempt, fits: (step: number) => boolean): number {
  const last = FIT_STEPS.length - 1;
  const { geo, y } = tightest.ctx;
  const typeScale = (step: number) => (FIT_STEPS[step] as readonly [number, number])[1];
  const heightAt = (step: number) =>
    (y - geo.margin) * (typeScale(step) / typeScale(last)) ** HEIGHT_PER_TYPE_SCALE;
  let guess = 0;
  while (guess < last && geo.margin + heightAt(guess) > geo.bottom) guess += 1;
  // The least fitting step is in lo+1..hi: lo does not fit (or is -1), hi does.
  let lo = -1;
  let hi = last;
  if (guess < last) {
    if (fits(guess)) hi = guess;
    else lo = guess;
  }
  const next = lo === guess ? guess + 1 : guess - 1;
  if (next > lo && next < hi) {
    if (fits(next)) hi = next;
    else lo = next;
  }
  return lo + 1 + fewest(hi - lo - 1, (n) => fits(lo + 1 + n));
}

/**
 * The one-pager that fits: the whole model at the largest step that fits; else the fewest cuts
 * (found by bisection: each cut leaves out more) that fit at the tightest step, less the list
 * items a later dropped block made room for, laid out at the largest step that still fits. A
 * RENDER_OVERFLOW when even every cut leaves two pages, at the block that starts the second.
 */
export function fitOnePager(model: Briefing, layout: LayoutAttempt): OnePagerAttempt {
  const last = FIT_STEPS.length - 1;
  const tightest = FIT_STEPS[last] as readonly [number, number];
  const largestFitting = (m: Briefing, atTightest?: OnePagerAttempt): OnePagerAttempt | undefined => {
    const tried = new Map<number, OnePagerAttempt>();
    if (atTightest) tried.set(last, atTightest);
    const attempt = (i: number) => {
      const known = tried.get(i);
      if (known) return known;
      const made = layout(m, FIT_STEPS[i] as readonly [number, number]);
      tried.set(i, made);
      return made;
    };
    const most = attempt(last);
    if (most.pages !== 1) return undefined;
    return attempt(largestStep(most, (i) => attempt(i).pages === 1));
  };
  const whole = largestFitting(model);
  if (whole) return whole;
  const cuts = fitCuts(model);
  // The layouts at the tightest step by the cuts made: the last one found is laid out again only
  // at the larger steps.
  const atCuts = new Map<string, OnePagerAttempt>();
  const cutsKey = (made: readonly Cut[]) => made.map((c) => cuts.indexOf(c)).join(',');
  const at = (made: readonly Cut[]) => {
    const key = cutsKey(made);
    const known = atCuts.get(key);
    if (known) return known;
    const attempt = layout(shortenModel(model, made).model, tightest);
    atCuts.set(key, attempt);
    return attempt;
  };
  const mostCut = at(cuts);
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
  return largestFitting(shortenModel(model, made).model, at(made)) ?? at(made);
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
