/**
 * `briefkit build`: config → plan → cache check → render (pool) → atomic publish + manifest.
 * Input errors stop the build before anything is written; out/ changes only on success.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { RenderedChart } from '../charts/types.js';
import { loadDatasetFile } from '../dataset/load.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadTheme } from '../theme/load.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { chartJobs } from './chart-step.js';
import { type BuildConfig, loadConfig } from './config.js';
import { buildDate } from './dates.js';
import { hashInputs } from './inputs.js';
import { documentKeys } from './keys.js';
import { acquireLock } from './lock.js';
import {
  MANIFEST_FILE,
  type Manifest,
  type ManifestOutput,
  readManifest,
  serialiseManifest,
} from './manifest.js';
import { buildModels } from './models.js';
import { inShard, planDocuments, type Shard, selectOnly } from './plan.js';
import type { ProgressReporter } from './progress.js';
import { removeStaleStaging, Staging } from './publish.js';
import { renderJobs } from './render-step.js';
import { outputChanged, removeStaleOutputs, stateDirFor } from './state.js';

export interface BuildOptions {
  cwd: string;
  configFile: string;
  only?: string[];
  force?: boolean;
  jobs?: number;
  shard?: Shard;
  emitModel?: boolean;
  env: Record<string, string | undefined>;
  progress: ProgressReporter;
}

export type BuildStatus = 'built' | 'up-to-date' | 'invalid' | 'failed';

export interface BuildReport {
  status: BuildStatus;
  built: string[];
  cached: string[];
  published: string[];
  diagnostics: Diagnostic[];
  /** The out/ folder written (absolute), when the config was valid. */
  outDir?: string;
}

const invalid = (diagnostics: Diagnostic[]): BuildReport => ({
  status: 'invalid',
  built: [],
  cached: [],
  published: [],
  diagnostics,
});

export async function build(options: BuildOptions): Promise<BuildReport> {
  const cwd = resolve(options.cwd);
  const configResult = await loadConfig(join(cwd, options.configFile));
  if (!configResult.value) return invalid(relativise(configResult.diagnostics, cwd));
  const config: BuildConfig = configResult.value;
  const outDir = join(cwd, config.out);
  const stateDir = stateDirFor(outDir);
  const release = await acquireLock(join(stateDir, 'lock'));
  try {
    await removeStaleStaging(stateDir);
    return await buildLocked(options, cwd, config, outDir, stateDir);
  } finally {
    await release();
  }
}

async function buildLocked(
  options: BuildOptions,
  cwd: string,
  config: BuildConfig,
  outDir: string,
  stateDir: string,
): Promise<BuildReport> {
  const datasetFile = config.datasets[0] as string;
  const [datasetResult, themeResult] = await Promise.all([
    loadDatasetFile(join(cwd, datasetFile)),
    loadTheme(join(cwd, config.theme)),
  ]);
  const loadProblems = [...datasetResult.diagnostics, ...themeResult.diagnostics];
  if (!datasetResult.dataset || !themeResult.theme) return invalid(relativise(loadProblems, cwd));
  const dataset = datasetResult.dataset;
  const theme = themeResult.theme;
  const chartsDir = join(cwd, config.charts);

  const charts = await chartJobs(dataset, theme, chartsDir);
  if (charts.diagnostics.length > 0) return invalid(relativise(charts.diagnostics, cwd));
  const allDocs = planDocuments(
    config,
    dataset.sectors.map((s) => s.id),
  );
  const models = await buildModels(allDocs, dataset, charts.catalogue, join(cwd, config.templates));
  if (models.diagnostics.length > 0) return invalid(relativise(models.diagnostics, cwd));

  const chosen = selectOnly([...allDocs, ...charts.jobs], options.only);
  if (chosen.unknown.length > 0) {
    return invalid(
      chosen.unknown.map((name) => ({
        code: 'CLI_USAGE' as const,
        severity: 'error' as const,
        message: `--only ${name}: no document or chart has this id`,
        hint: `ids: ${[...allDocs.map((d) => d.id), ...new Set(allDocs.map((d) => d.documentId))].join(', ')}`,
      })),
    );
  }
  const selected = inShard(chosen.selected, options.shard);
  const date = buildDate(options.env, dataset.meta.asOf);
  const inputFiles = await hashInputs(
    cwd,
    [options.configFile, datasetFile, config.theme],
    [config.templates, config.charts],
    options.env,
    [theme.fonts.regular, theme.fonts.bold],
  );
  const keys = documentKeys({
    docs: allDocs,
    models: models.byJob,
    chartKeys: charts.keys,
    inputFiles,
    date,
    theme,
  });
  const previous = await readManifest(join(outDir, MANIFEST_FILE));
  const previousByPath = new Map((previous?.outputs ?? []).map((o) => [o.path, o]));

  const staging = await Staging.create(stateDir);
  try {
    const rendered = await renderJobs({
      selected,
      models: models.byJob,
      keys,
      chartKeys: charts.keys,
      previousByPath,
      force: Boolean(options.force),
      emitModel: Boolean(options.emitModel),
      staging,
      outDir,
      setup: { dataset, theme, chartsDir },
      jobs: options.jobs ?? availableParallelism(),
      date,
      progress: options.progress,
      outputChanged,
    });
    const outputs = mergeOutputs(
      previous,
      rendered.outputs,
      selected.map((s) => s.id),
      options,
    );
    const manifest: Manifest = {
      manifestVersion: 1,
      briefkitVersion: BRIEFKIT_VERSION,
      buildTime: date.toISOString(),
      inputFiles,
      ...(options.shard ? { shard: options.shard } : {}),
      outputs,
    };
    const manifestName = options.shard
      ? `manifest-shard-${options.shard.index}-of-${options.shard.count}.json`
      : MANIFEST_FILE;
    if (!options.emitModel) await staging.write(manifestName, serialiseManifest(manifest));
    const published = await staging.publish(outDir);
    if (!options.shard && !options.only && !options.emitModel && previous) {
      await removeStaleOutputs(outDir, previous, outputs);
    }
    options.progress.finish();
    return {
      status: rendered.built.length > 0 ? 'built' : 'up-to-date',
      built: rendered.built,
      cached: rendered.cached,
      published,
      diagnostics: rendered.diagnostics,
      outDir,
    };
  } catch (cause) {
    await staging.discard();
    options.progress.finish();
    throw cause;
  }
}

/** Keeps previous outputs of jobs this build did not select (--only, --shard). */
function mergeOutputs(
  previous: Manifest | undefined,
  fresh: ManifestOutput[],
  selectedJobs: string[],
  options: BuildOptions,
): ManifestOutput[] {
  if (options.shard || !previous || (!options.only && !options.emitModel)) return fresh;
  const selected = new Set(selectedJobs);
  return [...previous.outputs.filter((o) => !selected.has(o.job)), ...fresh];
}

function relativise(diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) =>
    d.file?.startsWith(`${cwd}/`) ? { ...d, file: d.file.slice(cwd.length + 1) } : d,
  );
}

export type { RenderedChart };
