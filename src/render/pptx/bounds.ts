/**
 * The deck checks its own boxes: every text box, label and table is measured where it is
 * drawn, against its box and the slide. The planner fits text by shrinking and continuing,
 * but some things cannot continue (a title, a KPI label, one table row taller than a slide):
 * those are reported as RENDER_OVERFLOW instead of running off the slide unnoticed, at the
 * template line that produced the text (its heading or block), else at the slide's first line.
 */
import type { DiagnosticSink } from '../../diagnostics.js';
import type { Slide, TemplatePosition } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { fittingSize } from './fit.js';
import { type Box, inToPt, SLIDE_H, SLIDE_W } from './geometry.js';
import type { Para } from './styled-runs.js';

/** Inches a box may stick out by before it counts (rounding of measured heights). */
const TOLERANCE = 0.01;

export class DeckBounds {
  private readonly reported = new Set<string>();
  /** The physical slide being drawn (1-based) and its model slide. */
  slideNumber = 0;
  slide: Slide | undefined;
  /** The block being drawn by code that checks its own boxes (the KPI cards), see `within`. */
  private block: TemplatePosition | undefined;

  constructor(
    private readonly m: TextMeasurer,
    private readonly sink: DiagnosticSink | undefined,
  ) {}

  /** Runs `draw` with `pos` as the template line of what it checks (a block drawn elsewhere). */
  within<T>(pos: TemplatePosition | undefined, draw: () => T): T {
    const outer = this.block;
    this.block = pos;
    try {
      return draw();
    } finally {
      this.block = outer;
    }
  }

  /** `paras` at `size` must fit `box`, and `box` the slide; `pos` is the text's template line. */
  text(what: string, paras: readonly Para[], size: number, box: Box, pos?: TemplatePosition): void {
    if (paras.length === 0) return;
    const fits = fittingSize(paras, inToPt(box.w), inToPt(box.h), size, size, this.m) !== undefined;
    if (!fits) this.report(what, `its text does not fit its ${box.h.toFixed(2)} in box at ${size} pt`, pos);
    else this.onSlide(what, box, pos);
  }

  /** A single-line label in one style: the same check. */
  label(what: string, text: string, size: number, box: Box, bold = false, pos?: TemplatePosition): void {
    if (text.trim() === '') return;
    this.text(what, [{ kind: 'body', runs: [{ text, bold }] }], size, box, pos);
  }

  /** A table page: its rows (inches, header first) must fit the table's box. */
  table(what: string, rowHeights: readonly number[], box: Box, pos?: TemplatePosition): void {
    const needed = rowHeights.reduce((sum, h) => sum + h, 0);
    if (needed > box.h + TOLERANCE)
      this.report(
        what,
        `its rows need ${needed.toFixed(2)} in but the box is ${box.h.toFixed(2)} in high`,
        pos,
      );
    else this.onSlide(what, box, pos);
  }

  private onSlide(what: string, box: Box, pos?: TemplatePosition): void {
    const inside =
      box.x >= -TOLERANCE &&
      box.y >= -TOLERANCE &&
      box.x + box.w <= SLIDE_W + TOLERANCE &&
      box.y + box.h <= SLIDE_H + TOLERANCE;
    if (!inside) this.report(what, 'its box reaches past the edge of the slide', pos);
  }

  private report(what: string, detail: string, at?: TemplatePosition): void {
    // One diagnostic per model slide and element, not one per continuation slide.
    const key = `${this.slide?.title ?? ''}\u0000${this.slide?.pos?.line ?? ''}\u0000${what}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const pos = at ?? this.block ?? this.slide?.pos;
    this.sink?.report({
      code: 'RENDER_OVERFLOW',
      severity: 'error',
      message: `slide ${this.slideNumber} "${(this.slide?.title ?? '').slice(0, 60)}": the ${what} does not fit: ${detail}`,
      ...(pos ? { file: pos.template, line: pos.line, column: pos.column } : {}),
      hint: 'shorten this text: a title, KPI label or table row longer than a slide cannot continue onto the next one',
    });
  }
}
