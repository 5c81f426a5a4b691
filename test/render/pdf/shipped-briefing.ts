/**
 * The shipped dataset's briefing, built in process once per test worker and shared by the
 * files that read it (tag text, contents, citation marks, page flow, shipped).
 */
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { buildBriefingModel } from '../../../src/document/index.js';
import type { Briefing } from '../../../src/document/model.js';
import { buildCharts } from '../../support/charts.js';
import { defaultTheme, renderModel } from './read.js';

export interface BuiltBriefing {
  model: Briefing;
  /** What building the model reported (warnings; an error leaves no model and throws). */
  modelDiagnostics: Diagnostic[];
  bytes: Uint8Array;
}

const built = new Map<string, Promise<BuiltBriefing>>();

/** The briefing of the dataset at `file` (the shipped one by default), rendered with the shipped templates. */
export function briefingOf(file = 'data/korea-emerging-tech.yaml'): Promise<BuiltBriefing> {
  let pending = built.get(file);
  if (!pending) {
    pending = build(file);
    built.set(file, pending);
  }
  return pending;
}

async function build(file: string): Promise<BuiltBriefing> {
  const loaded = await loadDatasetFile(file);
  if (!loaded.dataset) throw new Error(`${file} does not load`);
  const charts = await buildCharts(loaded.dataset, await defaultTheme());
  const { model, diagnostics: modelDiagnostics } = buildBriefingModel({
    dataset: loaded.dataset,
    charts: charts.catalogue,
    templatesDir: 'templates',
  });
  if (!model) throw new Error(`no briefing model for ${file}`);
  const { bytes, diagnostics } = await renderModel(model, charts.assetsFor(model));
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { model, modelDiagnostics, bytes };
}
