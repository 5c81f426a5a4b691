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
import { recoverOut } from './journal.js';
import { fontsHash } from './keys.js';
import { acquireLock, type HeldLock } from './lock.js';
import {
  MANIFEST_FILE,
  MANIFEST_VERSION,
  type Manifest,
  type ManifestOutput,
  readManifest,
  serialiseManifest,
} from './manifest.js';
import { layoutOf, type OutLayout, type PublishHook, stateDirFor } from './out-layout.js';
import type { Shard } from './plan.js';
import { createScheduler, type TaskRunner } from './pool.js';
import { loadInputs, type Prepared, plan } from './prepare.js';
import type { ProgressReporter } from './progress.js';
import { carryOver, PublishInterrupted, publish, Staging } from './publish.js';
import { emitModels, renderJobs, type Workload } from './render-step.js';
import { persistSessions } from './sessions.js';
import { outputChanged, unsafeManifestPath } from './state.js';
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
  /** Test seam: called after each step of the publish (fault injection). */
  publishHook?: PublishHook;
}

/**
 * `usage`: the command line named something the config does not have (exit 2).
 * `failed`: rendering reported an error; nothing was published (exit 1 or 3, by the codes).
 */
export type BuildStatus = 'built' | 'up-to-date' | 'invalid' | 'usage' | 'failed';

export interface BuildReport {
  status: BuildStatus;
  built: string[];
  cached: string[];
  published: string[];
  diagnostics: Diagnostic[];
  /** The out/ folder written (absolute), when the config was valid. */
  outDir?: string;
}

function relativeFiles(diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) =>
    d.file?.startsWith(`${cwd}/`) ? { ...d, file: d.file.slice(cwd.length + 1) } : d,
  );
}

function stopped(diagnostics: Diagnostic[], cwd: string): BuildReport {
  const usage = diagnostics.length > 0 && diagnostics.every((d) => d.code === 'CLI_USAGE');
  const shown = relativeFiles(diagnostics, cwd);
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
  const lock = await acquireLock(join(stateDirFor(outDir), 'build.lock'));
  try {
    await recoverOut(await layoutOf(outDir));
    const inputs = await loadInputs(cwd, config);
    if (!inputs.loaded) return stopped(inputs.diagnostics, shownFrom);
    const sectorIds = inputs.loaded.dataset.sectors.map((s) => s.id);
    const clashes = expandedOutputClashes(config, configResult.source, sectorIds);
    if (clashes.length > 0) return stopped(clashes, shownFrom);
    const planned = await plan({ ...options, cwd, configFile: basename(configPath) }, config, inputs.loaded);
    if (!planned.prepared) return stopped(planned.diagnostics, shownFrom);
    const report = await execute(options, planned.prepared, await layoutOf(outDir), lock);
    return { ...report, diagnostics: relativeFiles(report.diagnostics, shownFrom), outDir };
  } finally {
    await lock.release();
  }
}

/**
 * Render threads: this thread, plus jobs-1 workers when the work is big enough to repay a
 * worker's start-up (importing vega and the renderers' libraries and shaping its first text: about a
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

/** The previous build's manifest, unless one of its paths would lead outside out/. */
async function previousManifest(outDir: string, warnings: Diagnostic[]): Promise<Manifest | undefined> {
  const previous = await readManifest(join(outDir, MANIFEST_FILE));
  const unsafe = previous ? unsafeManifestPath(previous) : undefined;
  if (!previous || unsafe === undefined) return previous;
  warnings.push({
    code: 'BUILD_UNTRUSTED_MANIFEST',
    severity: 'warning',
    message: `out/${MANIFEST_FILE} lists "${unsafe}", a path outside out/; it was ignored and every output is rebuilt`,
    file: join(outDir, MANIFEST_FILE),
  });
  return undefined;
}

async function execute(
  options: BuildOptions,
  prepared: Prepared,
  layout: OutLayout,
  lock: HeldLock,
): Promise<Omit<BuildReport, 'outDir'>> {
  const { outDir } = layout;
  const warnings: Diagnostic[] = [];
  const previous = await previousManifest(outDir, warnings);
  const staging = await Staging.create(layout);
  try {
    let built: string[];
    let cached: string[] = [];
    let drop = new Set<string>();
    const diagnostics = [...warnings];
    if (options.emitModel) {
      built = await emitModels(prepared.selected, prepared.charts.jobs, staging, options.progress);
    } else {
      const setup: WorkerSetup = {
        dataset: prepared.dataset,
        theme: prepared.theme,
        chartsDir: prepared.chartsDir,
        stateDir: layout.stateDir,
        sessionKey: fontsKey(prepared.inputFiles),
      };
      const rendered = await renderJobs({
        selected: prepared.selected,
        previousByPath: new Map((previous?.outputs ?? []).map((o) => [o.path, o])),
        force: Boolean(options.force),
        staging,
        outDir,
        startRunner: (work) => startScheduler(setup, options.jobs ?? availableParallelism(), work),
        date: prepared.date,
        progress: options.progress,
        outputChanged,
      });
      diagnostics.push(...rendered.diagnostics);
      // Any error, at any stage, discards the whole build: nothing published, nothing cached.
      if (diagnostics.some((d) => d.severity === 'error')) {
        await staging.discard();
        return { status: 'failed', built: [], cached: [], published: [], diagnostics };
      }
      await persistSessions(setup);
      const outputs = keepUnselected(previous, rendered.outputs, prepared.selected, options);
      await staging.write(manifestName(options), serialiseManifest(manifestOf(prepared, options, outputs)));
      if (!options.shard && !options.only && previous) drop = staleOutputs(previous, outputs);
      built = rendered.built;
      cached = rendered.cached;
    }
    const published = staging.written();
    if (layout.current) {
      await carryOver(staging, layout.current, drop, (message) =>
        diagnostics.push({ code: 'BUILD_OUT_LINK', severity: 'warning', message }),
      );
    }
    if (!lock.isHeld())
      throw new Error(
        'the build lock was lost while building (its lease was not renewed in time); nothing was published',
      );
    await publish(staging, options.publishHook);
    const status = built.length > 0 ? 'built' : 'up-to-date';
    return { status, built, cached, published, diagnostics };
  } catch (cause) {
    // A test stopping the publish stands for a process that died there: no clean-up.
    if (cause instanceof PublishInterrupted) throw cause.cause;
    // Past the journal the new build is complete: finish its publish rather than leave a mix.
    if (staging.sealed) await recoverOut(layout).catch(() => undefined);
    else await staging.discard();
    throw cause;
  } finally {
    options.progress.finish();
  }
}

function manifestName(options: BuildOptions): string {
  return options.shard
    ? `manifest-shard-${options.shard.index}-of-${options.shard.count}.json`
    : MANIFEST_FILE;
}

function manifestOf(prepared: Prepared, options: BuildOptions, outputs: ManifestOutput[]): Manifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    briefkitVersion: BRIEFKIT_VERSION,
    buildTime: prepared.date.toISOString(),
    inputFiles: prepared.inputFiles,
    ...(options.shard ? { shard: options.shard } : {}),
    outputs,
  };
}

/** Files the previous build produced that this one no longer does (e.g. a deleted sector). */
function staleOutputs(previous: Manifest, current: ManifestOutput[]): Set<string> {
  const keep = new Set(current.map((o) => o.path));
  return new Set(previous.outputs.map((o) => o.path).filter((p) => !keep.has(p)));
}

/** Renderer sessions (e.g. a shaping store) belong to the exact font files and briefkit version. */
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
