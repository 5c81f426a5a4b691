/**
 * `briefkit build`: config → load → plan (models, keys) → render on the scheduler →
 * atomic publish + manifest. Input errors stop the build before anything is written;
 * out/ changes only when every output succeeded.
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ProvenanceSummary } from '../dataset/provenance/check.js';
import type { Diagnostic } from '../diagnostics.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { type BuildConfig, loadConfig } from './config.js';
import { checkExpandedConfig } from './config-expanded.js';
import { checkConfigFiles } from './config-files.js';
import { projectOf } from './config-paths.js';
import { legacyModelFiles, modelsDirFor, writeModels } from './emit-models.js';
import {
  type ManifestProvenance,
  manifestProvenance,
  provenanceOf,
  serialiseProvenance,
} from './emit-provenance.js';
import { sha256 } from './hash.js';
import { withTitles, writeIndexPage } from './index-page/write.js';
import type { Shard } from './jobs.js';
import { recoverOut } from './journal.js';
import { fontsHash } from './keys.js';
import { acquireLock, type HeldLock } from './lock.js';
import {
  INDEX_FILE,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  type Manifest,
  type ManifestOutput,
  PROVENANCE_FILE,
  readManifest,
  serialiseManifest,
} from './manifest.js';
import { layoutOf, type OutLayout, type PublishHook, stateDirFor } from './out-layout.js';
import { outputChanged, unsafeManifestPath } from './out-state.js';
import { createScheduler, type TaskRunner } from './pool.js';
import { loadInputs, type Prepared, plan } from './prepare.js';
import type { ProgressReporter } from './progress.js';
import { carryOver, PublishInterrupted, publish, Staging } from './publish.js';
import { renderJobs, type Workload } from './render-step.js';
import { BuildSession } from './sessions.js';
import { runTask, type Task, type TaskResult, type WorkerSetup } from './tasks.js';
import { BuildWriteError } from './write-files.js';

export interface BuildOptions {
  cwd: string;
  configFile: string;
  only?: string[];
  force?: boolean;
  jobs?: number;
  shard?: Shard;
  emitModel?: boolean;
  /** Also publish out/provenance.json (emit-provenance.ts). */
  emitProvenance?: boolean;
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
  /** With `emitModel`: the folder the models were written to (absolute); out/ is not touched. */
  modelsDir?: string;
  /** What the dataset's provenance check found (quotes found, sources not verifiable). */
  provenance?: ProvenanceSummary;
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
  // This build's fonts, bound charts and renderer sessions in this thread: nothing from an earlier build.
  const session = new BuildSession();
  // Everything that can refuse the inputs runs before the lock, and only reads: a refused build writes nothing.
  const inputs = await loadInputs(cwd, config, session);
  if (!inputs.loaded) return stopped(inputs.diagnostics, shownFrom);
  const sectorIds = inputs.loaded.dataset.sectors.map((s) => s.id);
  const expanded = checkExpandedConfig(cwd, config, configResult.source, sectorIds);
  if (expanded.length > 0) return stopped(expanded, shownFrom);
  const planned = await plan(
    { ...options, cwd, configFile: basename(configPath) },
    config,
    inputs.loaded,
    session,
  );
  if (!planned.prepared) return stopped(planned.diagnostics, shownFrom);
  const outDir = join(cwd, config.out);
  const lock = await acquireLock(join(stateDirFor(outDir), 'build.lock'));
  try {
    const recovery = await recoverOut(await layoutOf(outDir));
    const leftovers = recovery.warnings.map((message) => warning('BUILD_RECOVERY', message));
    if (options.emitModel) {
      const built = await writeModels(
        outDir,
        planned.prepared.selected,
        planned.prepared.charts.jobs,
        options.progress,
      );
      return {
        status: 'built',
        built,
        cached: [],
        published: [],
        diagnostics: leftovers,
        modelsDir: modelsDirFor(outDir),
      };
    }
    const layout = await layoutOf(outDir);
    const report = await execute(options, config, planned.prepared, layout, lock, leftovers, session);
    const { provenance } = inputs.loaded;
    return {
      ...report,
      diagnostics: relativeFiles(report.diagnostics, shownFrom),
      outDir,
      ...(provenance ? { provenance } : {}),
    };
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

/**
 * The estimate above which workers start; `BRIEFKIT_WORKER_MIN_MS` overrides it, so a test of
 * `--jobs 2` on a small project really runs workers (test/build/reproducible.test.ts).
 */
function workerThresholdMs(env: Record<string, string | undefined>): number {
  const set = env.BRIEFKIT_WORKER_MIN_MS;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : WORK_PER_EXTRA_THREAD_MS;
}

function startScheduler(
  setup: WorkerSetup,
  jobs: number,
  work: Workload,
  thresholdMs: number,
  session: BuildSession,
): TaskRunner<Task, TaskResult> {
  const workers = work.estimateMs >= thresholdMs ? jobs - 1 : 0;
  return createScheduler<Task, TaskResult>({
    workers,
    workerData: setup,
    inline: (task) => runTask(setup, task, session),
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
  config: BuildConfig,
  prepared: Prepared,
  layout: OutLayout,
  lock: HeldLock,
  warnings: Diagnostic[],
  session: BuildSession,
): Promise<Omit<BuildReport, 'outDir'>> {
  const { outDir } = layout;
  const previous = await previousManifest(outDir, warnings);
  let staging: Staging;
  try {
    staging = await Staging.create(layout);
  } catch (cause) {
    if (!(cause instanceof BuildWriteError)) throw cause;
    return writeFailed(warnings, cause);
  }
  try {
    let drop = new Set<string>();
    const diagnostics = [...warnings];
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
      startRunner: (work) =>
        startScheduler(
          setup,
          options.jobs ?? availableParallelism(),
          work,
          workerThresholdMs(options.env),
          session,
        ),
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
    await session.persistRenderers(setup);
    const fresh = withTitles(rendered.outputs, prepared.selected);
    const outputs = keepUnselected(previous, fresh, prepared.selected, options);
    if (!options.shard && !options.only && previous) drop = staleOutputs(previous, outputs);
    for (const file of await legacyModelFiles(layout.current)) drop.add(file);
    // provenance.json describes the outputs of the build that wrote it: any other build drops it.
    drop.add(PROVENANCE_FILE);
    // So is the index page: a build that does not write it (index: false, --shard) leaves none.
    drop.add(INDEX_FILE);
    // The manifest is written after the carry-over (it counts what provenance found there): not the old one.
    drop.add(manifestName(options));
    // A shard's manifest describes that shard's build: an unsharded build replaces it with manifest.json.
    if (!options.shard) for (const file of await shardManifests(layout.current)) drop.add(file);
    const { built, cached } = rendered;
    if (layout.current) {
      await carryOver(staging, layout.current, drop, (message) =>
        diagnostics.push({ code: 'BUILD_OUT_LINK', severity: 'warning', message }),
      );
    }
    // Every output is in the staging folder now (rendered or carried over): provenance reads them there.
    let provenance: ManifestProvenance | undefined = prepared.provenance;
    if (options.emitProvenance && prepared.provenance) {
      const file = await provenanceOf(prepared.dataset, prepared.provenance, outputs, (path) =>
        staging.pathOf(path),
      );
      await staging.write(PROVENANCE_FILE, serialiseProvenance(file));
      provenance = manifestProvenance(prepared.provenance, file);
    }
    const manifest = manifestOf(prepared, options, outputs, provenance);
    await staging.write(manifestName(options), serialiseManifest(manifest));
    // A shard's outputs are part of a build: the page listing them all belongs to none of them.
    if (config.index !== false && !options.shard) {
      const chartTitles = new Map(prepared.charts.catalogue.map((c) => [c.id, c.title]));
      await writeIndexPage(staging, { ...prepared, config, chartTitles, manifest });
    }
    const published = staging.written();
    if (!lock.isHeld())
      throw new Error(
        'the build lock was lost while building (its lease was not renewed in time); nothing was published',
      );
    // Published: what could not be cleaned up after the swap is a warning, not a failure.
    for (const problem of await publish(staging, options.publishHook))
      diagnostics.push(
        warning('BUILD_AFTER_PUBLISH', `the new build is published, but ${problem}`, CLEANUP_HINT),
      );
    // Stamps that cannot be written only cost the next build a re-read of its inputs.
    await prepared.stamps.save(layout.stateDir).catch(() => undefined);
    const status = built.length > 0 ? 'built' : 'up-to-date';
    return { status, built, cached, published, diagnostics };
  } catch (cause) {
    // A test stopping the publish stands for a process that died there: no clean-up.
    if (cause instanceof PublishInterrupted) throw cause.cause;
    // A publish that failed has undone itself (PublishError says what out/ holds); the
    // staging folder is discarded unless the publish's journal still names it.
    await staging.discard();
    // A file that could not be written (a full disk): a diagnostic at the file, exit 3, nothing published.
    if (cause instanceof BuildWriteError && !staging.sealed) return writeFailed(warnings, cause);
    throw cause;
  } finally {
    options.progress.finish();
  }
}

const CLEANUP_HINT = 'the next build tries again; if this stays, remove it by hand';

function warning(code: Diagnostic['code'], message: string, hint?: string): Diagnostic {
  return { code, severity: 'warning', message, ...(hint ? { hint } : {}) };
}

function writeFailed(warnings: Diagnostic[], cause: BuildWriteError): Omit<BuildReport, 'outDir'> {
  return {
    status: 'failed',
    built: [],
    cached: [],
    published: [],
    diagnostics: [...warnings, cause.diagnostic],
  };
}

const SHARD_MANIFEST = /^manifest-shard-\d+-of-\d+\.json$/;

/** The shard manifests at the top of the current build, which a later unsharded build drops. */
async function shardManifests(current: string | undefined): Promise<string[]> {
  if (current === undefined) return [];
  const names = await readdir(current).catch(() => [] as string[]);
  return names.filter((name) => SHARD_MANIFEST.test(name));
}

function manifestName(options: BuildOptions): string {
  return options.shard
    ? `manifest-shard-${options.shard.index}-of-${options.shard.count}.json`
    : MANIFEST_FILE;
}

function manifestOf(
  prepared: Prepared,
  options: BuildOptions,
  outputs: ManifestOutput[],
  provenance: ManifestProvenance | undefined,
): Manifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    briefkitVersion: BRIEFKIT_VERSION,
    buildTime: prepared.date.toISOString(),
    inputFiles: prepared.inputFiles,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(provenance ? { provenance } : {}),
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
