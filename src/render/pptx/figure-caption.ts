/**
 * A slide figure's caption and the box its chart gets above it: one rule for the planner (which
 * lays a figure's data table out in that box, figure-table.ts) and the drawing (draw-slides.ts).
 */
import type { FigureBlock } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { fittingSize, wrapWidth } from './fit.js';
import { type Box, inToPt, TYPE } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import { oneLine } from './sanitize.js';

export const CAPTION_H = 0.5;
/** Space between the chart and its caption. */
export const CAPTION_GAP = 0.08;

/**
 * The caption band's height: the standard band when the caption fits it at 11 to 9 pt, else as
 * many 9 pt lines as the caption needs (up to a third of the figure's box), the chart giving way:
 * a figure's notes (stated amounts, pledges, ranges…) can run to several sentences.
 */
export function captionHeight(caption: string, box: Box, m: TextMeasurer): number {
  const para = { kind: 'body' as const, runs: [{ text: caption }] };
  const band = CAPTION_H - CAPTION_GAP;
  if (fittingSize([para], inToPt(box.w), inToPt(band), TYPE.caption, 9, m) !== undefined) return CAPTION_H;
  const needed = parasHeight([para], 9, wrapWidth(inToPt(box.w)), m) / 72 + CAPTION_GAP;
  return Math.min(Math.max(CAPTION_H, needed), box.h / 3);
}

/** The figure's caption on a slide titled `title`: "Figure n. caption" and the figure's notes. */
export function figureCaption(block: FigureBlock, title: string): string {
  const sentence = (text: string) => (/[.!?。]$/.test(text) ? text : `${text}.`);
  const named = oneLine(block.caption);
  // The slide's title usually names the chart already: then the caption gives only its number.
  const repeats = named.toLowerCase() === oneLine(title).toLowerCase();
  const notes = block.notes.map(oneLine).filter((t) => t !== '');
  const number = `Figure ${block.number}`;
  const parts = [
    repeats ? number : `${number}. ${named}`,
    notes.length ? `${notes.length > 1 ? 'Notes' : 'Note'}: ${notes.map(sentence).join(' ')}` : '',
  ].filter((t) => t !== '');
  // A bare "Figure 3" is a label, not a sentence: no full stop.
  return parts.length === 1 && repeats ? number : parts.map(sentence).join(' ');
}

/** The chart's box in a figure's `box` on a slide titled `title`: what its caption leaves. */
export function chartBoxOf(block: FigureBlock, box: Box, title: string, m: TextMeasurer): Box {
  return { ...box, h: box.h - captionHeight(figureCaption(block, title), box, m) };
}
