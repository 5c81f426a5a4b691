/**
 * What `briefkit validate` checks beyond a dataset's schema: the same checks `build` runs on
 * everything the dataset becomes, short of drawing and rendering (the theme and its fonts, the
 * chart specs, the templates, and the glyph check on the models and the charts' text), against
 * the project's config with that dataset in place of the config's.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadConfig } from './config.js';
import { checkConfigFiles } from './config-files.js';
import { projectOf } from './config-paths.js';
import { checkedModels, loadInputs } from './prepare.js';
import { BuildSession } from './sessions.js';

export interface OutputCheck {
  /** False when there is no config file to check against (only the schema was checked). */
  checked: boolean;
  diagnostics: Diagnostic[];
}

/** Checks the dataset at `datasetPath` (absolute) as the config at `configFile` would build it. */
export async function checkDatasetOutputs(
  shownFrom: string,
  configFile: string,
  datasetPath: string,
): Promise<OutputCheck> {
  const { projectDir, configPath } = projectOf(shownFrom, configFile);
  if (!existsSync(configPath)) return { checked: false, diagnostics: [] };
  const loaded = await loadConfig(configPath);
  if (!loaded.value || !loaded.source)
    return shown({ checked: true, diagnostics: loaded.diagnostics }, shownFrom);
  const config = { ...loaded.value, datasets: [relative(projectDir, datasetPath)] };
  // The dataset was read already, and may be outside the project: validate checks any file.
  const missing = checkConfigFiles(projectDir, { ...config, datasets: [] }, loaded.source);
  if (missing.length > 0) return shown({ checked: true, diagnostics: missing }, shownFrom);
  // One check is one build's worth of fonts and chart bindings (src/pipeline/sessions.ts).
  const session = new BuildSession();
  const inputs = await loadInputs(projectDir, config, session);
  if (!inputs.loaded) return shown({ checked: true, diagnostics: inputs.diagnostics }, shownFrom);
  const models = await checkedModels(projectDir, config, inputs.loaded, session.fonts);
  return shown({ checked: true, diagnostics: models.diagnostics }, shownFrom);
}

/** Files named relative to where briefkit runs, as build names them. */
function shown(check: OutputCheck, from: string): OutputCheck {
  const diagnostics = check.diagnostics.map((d) =>
    d.file?.startsWith(`${from}/`) ? { ...d, file: d.file.slice(from.length + 1) } : d,
  );
  return { ...check, diagnostics };
}
