/** What every drawing step shares: the package, the model, the theme, the measurer and the bounds check. */
import type { AssetBag, Deck } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { DeckBounds } from './bounds.js';
import type { ChartStyle } from './chart-style.js';
import { type DeckTheme, drawParas } from './draw-text.js';
import { fittingSize, wrapWidth } from './fit.js';
import { type Box, inToPt } from './geometry.js';
import { parasHeight } from './paragraph-lines.js';
import type { Pptx, PptxSlide } from './pptx-types.js';
import type { FittedText } from './slide-plan.js';

export interface DrawContext {
  pptx: Pptx;
  deck: Deck;
  /** The model's asset bag: the figures' drawings. */
  assets: AssetBag;
  theme: DeckTheme;
  m: TextMeasurer;
  /** One per native chart, in the order they are added: the package step applies them. */
  chartStyles: ChartStyle[];
  /** Measures every box drawn against its content and the slide (RENDER_OVERFLOW). */
  bounds: DeckBounds;
}

/** The largest size from `max` down to `min` at which a one-paragraph text fits the box. */
export function fitSize(
  text: string,
  box: Box,
  max: number,
  min: number,
  ctx: DrawContext,
  bold = false,
): number {
  const para = { kind: 'body' as const, runs: [{ text, bold }] };
  return fittingSize([para], inToPt(box.w), inToPt(box.h), max, min, ctx.m) ?? min;
}

/** Inches a one-paragraph text takes in a box's width at `size`. */
export function textHeight(text: string, size: number, box: Box, ctx: DrawContext, bold = false): number {
  const para = { kind: 'body' as const, runs: [{ text, bold }] };
  return parasHeight([para], size, wrapWidth(inToPt(box.w)), ctx.m) / 72;
}

/** drawParas, its box checked first. */
export function paras(slide: PptxSlide, fitted: FittedText, box: Box, ctx: DrawContext): void {
  ctx.bounds.text('text', fitted.paras, fitted.size, box);
  drawParas(slide, fitted.paras, fitted.size, box, ctx.theme);
}
