/**
 * The chart stage's public API. The catalogue needs no vega; rendering imports it lazily.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedChart } from './types.js';

export { type ChartCatalogueEntry, chartCatalogue, listChartSpecs } from './catalogue.js';
export type { RenderedChart } from './types.js';

export type RenderOptions = import('./render.js').RenderOptions;

/** Every chart of `chartsDir`, per-sector ones included (imports vega on first use). */
export async function renderAllCharts(
  ...args: Parameters<typeof import('./render.js').renderAllCharts>
): ReturnType<typeof import('./render.js').renderAllCharts> {
  const render = await import('./render.js');
  return render.renderAllCharts(...args);
}

/** The charts with the given ids, or all (imports vega on first use). */
export async function renderCharts(
  ...args: Parameters<typeof import('./render.js').renderCharts>
): ReturnType<typeof import('./render.js').renderCharts> {
  const render = await import('./render.js');
  return render.renderCharts(...args);
}

/** Writes `<outDir>/charts/<id>.svg` and `.png`; returns the written paths. */
export async function writeCharts(charts: readonly RenderedChart[], outDir: string): Promise<string[]> {
  const dir = join(outDir, 'charts');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const chart of charts) {
    const svg = join(dir, `${chart.id}.svg`);
    const png = join(dir, `${chart.id}.png`);
    await writeFile(svg, chart.svg);
    await writeFile(png, chart.png);
    written.push(svg, png);
  }
  return written;
}
