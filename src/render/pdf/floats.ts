/**
 * Figures as floats: text moves up past a figure that does not fit, and a figure that ends a
 * section may wait for the next section's text (Ctx.deferred).
 */
import type { Prepared } from './blocks.js';
import { type Ctx, remaining } from './frame.js';

/**
 * A figure that cannot fit the rest of the page lets the text after it (paragraphs, lists,
 * tables that fit whole) fill that room first and opens the next page, as a float does, rather
 * than leave a third of the page empty. Sub-headings may move up with their text; the figure
 * never leaves its top-level section (each is placed on its own).
 */
export function floatFigures(prepared: readonly Prepared[], room: number): Prepared[] {
  const [first, ...rest] = prepared;
  if (!first?.floatMin || first.floatMin <= room) return [...prepared];
  let left = room;
  let moved = 0;
  for (const next of rest) {
    if (next.whole === undefined || next.floatMin !== undefined || next.whole > left) break;
    left -= next.whole;
    moved += 1;
  }
  // A heading must not end the run: it would be left above the figure, away from its text.
  while (moved > 0 && rest[moved - 1]?.heading) moved -= 1;
  return [...rest.slice(0, moved), first, ...rest.slice(moved)];
}

/**
 * A section-ending figure is deferred only when waiting saves more than this share of a page. A
 * third let the Korea Figure 1 leave a 30% hole on US Letter once the contents moved to the cover
 * (test/render/pdf/shipped.test.ts); a quarter fills it, and no other shipped page moves.
 */
export const DEFER_SHARE = 1 / 4;

/**
 * Draws deferred figures (Ctx.deferred) that can be drawn before a block needing `nextKeep`:
 * where they fit, or at the top of the page that block would open anyway. `force` draws the
 * rest (the body's end).
 */
export function placeDeferred(ctx: Ctx, nextKeep: number, force = false): void {
  const deferred = ctx.deferred;
  while (deferred?.[0]) {
    const first = deferred[0];
    const fits = first.floatMin <= remaining(ctx) + 0.01;
    const breaking = nextKeep > remaining(ctx) + 0.01;
    if (!fits && !breaking && !force && !ctx.pageEmpty) return;
    deferred.shift();
    first.place();
  }
}
