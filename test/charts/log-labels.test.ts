/**
 * Issue 11: a log axis' labels (src/charts/scale-rule.ts labelledTicks) are spaced on the plot's
 * width as drawn, inside the scale's domain and padding, never overprinting; the drawing
 * measures that width from vega (draw-charts.ts) and lays the labels out again on it.
 */
import { describe, expect, it } from 'vitest';
import { FLUSH } from '../../src/charts/layout.js';
import { LOG_AXIS_ROOM, labelledTicks, powersOfTen } from '../../src/charts/scale-rule.js';

const CHAR = 6.6;
const measure = (text: string) => text.length * CHAR;
const shown = (v: number) => v;
const label = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 20 });

/** The label boxes as vega places them: centred, or flush inwards near either end (14 px padding). */
function boxes(kept: readonly number[], room: number, domain: [number, number]): [number, number][] {
  const [lo, hi] = domain.map(Math.log10) as [number, number];
  return kept.map((v) => {
    const at = 14 + ((Math.log10(v) - lo) / (hi - lo)) * (room - 28);
    const w = measure(label(v));
    return at <= FLUSH ? [at, at + w] : at >= room - FLUSH ? [at - w, at] : [at - w / 2, at + w / 2];
  });
}

describe('log axis labels', () => {
  const figures = [0.05, 3, 250, 40_000, 9_000_000, 1.2e9];
  const ticks = powersOfTen(figures);
  const domain: [number, number] = [Math.min(...figures), Math.max(...figures)];

  it.each([120, 165, LOG_AXIS_ROOM, 400])('leave labels apart on a %i px plot', (room) => {
    const kept = labelledTicks(ticks, shown, { room, measure }, domain);
    expect(kept.length).toBeGreaterThan(0);
    const placed = boxes(kept, room, domain);
    for (let i = 1; i < placed.length; i++)
      expect((placed[i]?.[0] ?? 0) - (placed[i - 1]?.[1] ?? 0)).toBeGreaterThanOrEqual(10);
  });

  it('label more ticks on a wider plot, and only ticks inside the domain', () => {
    const narrow = labelledTicks(ticks, shown, { room: 165, measure }, domain);
    const wide = labelledTicks(ticks, shown, { room: 400, measure }, domain);
    expect(wide.length).toBeGreaterThan(narrow.length);
    for (const v of wide) expect(v >= domain[0] && v <= domain[1]).toBe(true);
  });

  it('keep one label when the plot is narrower than two', () => {
    const kept = labelledTicks([1, 1e15, 1e30], shown, { room: 60, measure }, [1, 1e30]);
    expect(kept).toEqual([1]);
  });
});
