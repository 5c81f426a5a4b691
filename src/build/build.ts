/**
 * `briefkit build`: config → load → plan (models, keys) → render on the scheduler →
 * atomic publish + manifest. Input errors stop the build before anything is written;
 * out/ changes only when every output succeeded.
 */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { type BuildConfig, loadConfig } from './config.js';
import { checkConfigFiles } from './config-files.js';
import { expandedOutputClashes } from './config-outputs.js';
import { projectOf } from './config-paths.js';
import { sha256 } from './hash.js';
import { fontsHash } from './keys.js';
import { acquireLock } from './lock.js';
import {
  MANIFEST_FILE,
  MANIFEST_VERSION,
  type Manifest,
  type ManifestOutput,
  readManifest,
  serialiseManifest,
} from './manifest.js';
import type { Shard } from './plan.js';
import { createScheduler, type TaskRunner } from './pool.js';
import { loadInputs, type Prepared, plan } from './prepare.js';
import type { ProgressReporter } from './progress.js';
import { removeStaleStaging, Staging } from './publish.js';
import { emitModels, renderJobs, type Workload } from './render-step.js';
import { saveShaping } from './shaping.js';
import { outputChanged, removeStaleOutputs, stateDirFor } from './state.js';
import { runTask, type Task, type TaskResult, type WorkerSetup } from './tasks.js';

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

/** `usage`: the command line named something the config does not have (exit 2). */
export type BuildStatus = 'built' | 'up-to-date' | 'invalid' | 'usage';

export interface BuildReport {
  status: BuildStatus;
  built: string[];
  cached: string[];
  published: string[];
  diagnostics: Diagnostic[];
  /** The out/ folder written (absolute), when the config was valid. */
  outDir?: string;
}

function stopped(diagnostics: Diagnostic[], cwd: string): BuildReport {
  const usage = diagnostics.length > 0 && diagnostics.every((d) => d.code === 'CLI_USAGE');
  const shown = diagnostics.map((d) =>
    d.file?.startsWith(`${cwd}/`) ? { ...d, file: d.file.slice(cwd.length + 1) } : d,
  );
  return { status: usage ? 'usage' : 'invalid', built: [], cached: [], published: [], diagnostics: shown };
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  // The config's paths are relative to its own folder (the project); messages name files from where briefkit runs.
  const shownFrom = resolve(options.cwd);
  const { projectDir: cwd, configPath } = projectOf(shownFrom, options.configFile);
  const configResult = await loadConfig(configPath);
  if (!configResult.value || !configResult.source) return stopped(configResult.diagnostics, shownFrom);
  const config: BuildConfig = configResult.value;
  const missingFiles = checkConfigFiles(cwd, config, configResult.source);
  if (missingFiles.length > 0) return stopped(missingFiles, shownFrom);
  const outDir = join(cwd, config.out);
  const stateDir = stateDirFor(outDir);
  const release = await acquireLock(join(stateDir, 'lock'));
  try {
    await removeStaleStaging(stateDir);
    const inputs = await loadInputs(cwd, config);
    if (!inputs.loaded) return stopped(inputs.diagnostics, shownFrom);
    const sectorIds = inputs.loaded.dataset.sectors.map((s) => s.id);
    const clashes = expandedOutputClashes(config, configResult.source, sectorIds);
    if (clashes.length > 0) return stopped(clashes, shownFrom);
    const planned = await plan({ ...options, cwd, configFile: basename(configPath) }, config, inputs.loaded);
    if (!planned.prepared) return stopped(planned.diagnostics, shownFrom);
    return { ...(await execute(options, planned.prepared, outDir, stateDir)), outDir };
  } finally {
    await release();
  }
}

/**
 * Render threads: this thread, plus jobs-1 workers when the work is big enough to repay a
 * worker's start-up (importing vega, pdfkit and pptxgenjs and shaping its first text: about a
 * second of CPU, measured). Workers hold a few tasks ahead (pool.ts), so they do not wait
 * while this thread renders.
 */
const WORK_PER_EXTRA_THREAD_MS = 1500;

function startScheduler(setup: WorkerSetup, jobs: number, work: Workload): TaskRunner<Task, TaskResult> {
  const workers = work.estimateMs >= WORK_PER_EXTRA_THREAD_MS ? jobs - 1 : 0;
  return createScheduler<Task, TaskResult>({
    workers,
    workerData: setup,
    inline: (task) => runTask(setup, task),
  });
}

async function execute(
  options: BuildOptions,
  prepared: Prepared,
  outDir: string,
  stateDir: string,
): Promise<BuildReport> {
  const previous = await readManifest(join(outDir, MANIFEST_FILE));
  const staging = await Staging.create(stateDir);
  try {
    if (options.emitModel) {
      const built = await emitModels(prepared.selected, prepared.models, staging, options.progress);
      const published = await staging.publish(outDir);
      return { status: 'built', built, cached: [], published, diagnostics: [] };
    }
    const setup: WorkerSetup = {
      dataset: prepared.dataset,
      theme: prepared.theme,
      chartsDir: prepared.chartsDir,
      shapingFile: join(stateDir, 'shaping', `${fontsKey(prepared.inputFiles)}.json`),
    };
    const rendered = await renderJobs({
      selected: prepared.selected,
      models: prepared.models,
      keys: prepared.keys,
      previousByPath: new Map((previous?.outputs ?? []).map((o) => [o.path, o])),
      force: Boolean(options.force),
      staging,
      outDir,
      startRunner: (work) => startScheduler(setup, options.jobs ?? availableParallelism(), work),
      date: prepared.date,
      progress: options.progress,
      outputChanged,
    });
    await saveShaping(setup);
    const outputs = keepUnselected(previous, rendered.outputs, prepared.selected, options);
    const manifest: Manifest = {
      manifestVersion: MANIFEST_VERSION,
      briefkitVersion: BRIEFKIT_VERSION,
      buildTime: prepared.date.toISOString(),
      inputFiles: prepared.inputFiles,
      ...(options.shard ? { shard: options.shard } : {}),
      outputs,
    };
    const name = options.shard
      ? `manifest-shard-${options.shard.index}-of-${options.shard.count}.json`
      : MANIFEST_FILE;
    await staging.write(name, serialiseManifest(manifest));
    const published = await staging.publish(outDir);
    if (!options.shard && !options.only && previous) await removeStaleOutputs(outDir, previous, outputs);
    const status = rendered.built.length > 0 ? 'built' : 'up-to-date';
    return {
      status,
      built: rendered.built,
      cached: rendered.cached,
      published,
      diagnostics: rendered.diagnostics,
    };
  } catch (cause) {
    await staging.discard();
    throw cause;
  } finally {
    options.progress.finish();
  }
}

/** The shaping store belongs to the exact font files and briefkit version. */
function fontsKey(inputFiles: Record<string, string>): string {
  return sha256(`${BRIEFKIT_VERSION}\n${fontsHash(inputFiles)}`).slice(0, 16);
}

/** With --only, outputs of jobs this build did not select stay in the manifest as they were. */
function keepUnselected(
  previous: Manifest | undefined,
  fresh: ManifestOutput[],
  selected: { id: string }[],
  options: BuildOptions,
): ManifestOutput[] {
  if (options.shard || !previous || !options.only) return fresh;
  const ids = new Set(selected.map((s) => s.id));
  return [...previous.outputs.filter((o) => !ids.has(o.job)), ...fresh];
}
