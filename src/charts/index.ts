/**
 * The chart stage's public API. Binding and the figures' content need no vega; drawing
 * (render.ts) imports it lazily.
 */
export { type BoundCharts, bindCharts, listChartSpecs } from './catalogue.js';
export { chartAssets, chartEntry } from './figure.js';
export type { DrawnChart } from './types.js';

/** Draws the bound charts with the given ids (imports vega on first use). */
export async function drawCharts(
  ...args: Parameters<typeof import('./render.js').drawCharts>
): ReturnType<typeof import('./render.js').drawCharts> {
  const render = await import('./render.js');
  return render.drawCharts(...args);
}
