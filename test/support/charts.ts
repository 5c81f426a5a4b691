/**
 * The chart stage as the build runs it (src/pipeline/chart-step.ts), for tests that need real
 * charts: plan (the catalogue whose entries become figure nodes), draw, and file the drawings
 * in each model's asset bag.
 */

import type { DrawnChart } from '../../src/charts/types.js';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { AssetBag, DocumentModel } from '../../src/document/model.js';
import type { ChartEntry } from '../../src/document/template-data.js';
import { chartJobs, figureAssets, renderChartsById } from '../../src/pipeline/chart-step.js';
import { BuildSession } from '../../src/pipeline/sessions.js';
import type { Theme } from '../../src/theme/schema.js';
import { testFonts } from './theme.js';

export interface BuiltCharts {
  catalogue: ChartEntry[];
  drawn: Map<string, DrawnChart>;
  diagnostics: Diagnostic[];
  /** The asset bag of a model built from `catalogue`. */
  assetsFor(model: DocumentModel): AssetBag;
}

/**
 * Drawings by what they were drawn from (charts dir, theme, dataset): the unit files share one
 * module graph per worker (vitest.config.ts, `isolate: false`), so the shipped dataset's charts,
 * asked for by a dozen files, are drawn once per worker. Drawing is deterministic
 * (test/render/pptx/determinism.test.ts), so a shared drawing is the one each file would draw.
 * Callers read what they get and never change it.
 */
const drawnFor = new Map<string, Promise<Omit<BuiltCharts, 'assetsFor'>>>();

/** A JSON replacer that keeps a Map's or Set's contents in the key (JSON would write `{}`). */
function plainValue(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  return value;
}

/** Plans and draws every chart of `chartsDir` for the dataset. */
export async function buildCharts(
  dataset: Dataset,
  theme: Theme,
  chartsDir = 'templates/charts',
): Promise<BuiltCharts> {
  const key = JSON.stringify([chartsDir, theme, dataset], plainValue);
  let pending = drawnFor.get(key);
  if (!pending) {
    pending = draw(dataset, theme, chartsDir);
    drawnFor.set(key, pending);
    // A failed drawing is not kept: the next caller sees the error for itself.
    pending.catch(() => drawnFor.delete(key));
  }
  const { catalogue, drawn, diagnostics } = await pending;
  return { catalogue, drawn, diagnostics, assetsFor: (model) => new Map(figureAssets(model, drawn)) };
}

async function draw(
  dataset: Dataset,
  theme: Theme,
  chartsDir: string,
): Promise<Omit<BuiltCharts, 'assetsFor'>> {
  const plan = await chartJobs(dataset, theme, chartsDir, testFonts);
  const ids = plan.jobs.map((job) => job.chartId);
  const { charts, diagnostics } = await renderChartsById(dataset, theme, chartsDir, ids, new BuildSession());
  return {
    catalogue: plan.catalogue,
    drawn: new Map(charts.map((c) => [c.id, c])),
    diagnostics: [...plan.diagnostics, ...diagnostics],
  };
}
