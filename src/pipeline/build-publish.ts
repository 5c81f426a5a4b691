/**
 * A planned build under its lock: render what is dirty into a staging folder, carry over what
 * is not, write the manifest (and provenance, the index page), then publish it atomically.
 * Any error discards the staging folder: out/ changes only when every output succeeded.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import {
  fontsKey,
  keepUnselected,
  manifestName,
  manifestOf,
  shardManifests,
  staleOutputs,
} from './build-manifest.js';
import { type BuildOptions, type BuildReport, warning } from './build-report.js';
import { startScheduler, workerThresholdMs } from './build-threads.js';
import type { BuildConfig } from './config.js';
import { legacyModelFiles } from './emit-models.js';
import {
  type ManifestProvenance,
  manifestProvenance,
  provenanceOf,
  serialiseProvenance,
} from './emit-provenance.js';
import { withTitles, writeIndexPage } from './index-page/write.js';
import type { HeldLock } from './lock.js';
import {
  INDEX_FILE,
  MANIFEST_FILE,
  type Manifest,
  PROVENANCE_FILE,
  readManifest,
  serialiseManifest,
} from './manifest.js';
import type { OutLayout } from './out-layout.js';
import { outputChanged, unsafeManifestPath } from './out-state.js';
import type { Prepared } from './prepare.js';
import { carryOver, PublishInterrupted, publish, Staging } from './publish.js';
import { renderJobs } from './render-step.js';
import type { BuildSession } from './sessions.js';
import type { WorkerSetup } from './tasks.js';
import { BuildWriteError } from './write-files.js';

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

export async function renderAndPublish(
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
          // No --jobs: workers only where they measured faster than one thread.
          workerThresholdMs(options.env, options.jobs === undefined),
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

function writeFailed(warnings: Diagnostic[], cause: BuildWriteError): Omit<BuildReport, 'outDir'> {
  return {
    status: 'failed',
    built: [],
    cached: [],
    published: [],
    diagnostics: [...warnings, cause.diagnostic],
  };
}
