/**
 * The chart stage's public API. Binding and the figures' content need no vega; drawing
 * (draw-charts.ts) imports it lazily.
 */
export { type BoundCharts, bindCharts, listChartSpecs } from './catalogue.js';
export { chartAssets, chartEntry } from './figure-content.js';
export type { DrawnChart } from './types.js';

/** Draws the bound charts with the given ids (imports vega on first use). */
export async function drawCharts(
  ...args: Parameters<typeof import('./draw-charts.js').drawCharts>
): ReturnType<typeof import('./draw-charts.js').drawCharts> {
  const render = await import('./draw-charts.js');
  return render.drawCharts(...args);
}
