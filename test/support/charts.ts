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

/** Plans and draws every chart of `chartsDir` for the dataset. */
export async function buildCharts(
  dataset: Dataset,
  theme: Theme,
  chartsDir = 'templates/charts',
): Promise<BuiltCharts> {
  const plan = await chartJobs(dataset, theme, chartsDir, testFonts);
  const ids = plan.jobs.map((job) => job.chartId);
  const { charts, diagnostics } = await renderChartsById(dataset, theme, chartsDir, ids, new BuildSession());
  const drawn = new Map(charts.map((c) => [c.id, c]));
  return {
    catalogue: plan.catalogue,
    drawn,
    diagnostics: [...plan.diagnostics, ...diagnostics],
    assetsFor: (model) => new Map(figureAssets(model, drawn)),
  };
}
