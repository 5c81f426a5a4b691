/**
 * `briefkit build`: config → load → plan (models, keys) → render on the scheduler →
 * atomic publish + manifest. Input errors stop the build before anything is written;
 * out/ changes only when every output succeeded.
 */
import { basename, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { renderAndPublish } from './build-publish.js';
import { type BuildOptions, type BuildReport, warning } from './build-report.js';
import { type BuildConfig, loadConfig } from './config.js';
import { checkExpandedConfig } from './config-expanded.js';
import { checkConfigFiles } from './config-files.js';
import { projectOf } from './config-paths.js';
import { modelsDirFor, writeModels } from './emit-models.js';
import { limitHeapGrowth } from './heap-limits.js';
import { recoverOut } from './journal.js';
import { acquireLock } from './lock.js';
import { layoutOf, stateDirFor } from './out-layout.js';
import { loadInputs, plan } from './prepare.js';
import { BuildSession } from './sessions.js';
import { baselineWasmOnly } from './wasm-tiers.js';

export type { BuildOptions, BuildReport, BuildStatus } from './build-report.js';

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
  limitHeapGrowth();
  baselineWasmOnly();
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
    const report = await renderAndPublish(
      options,
      config,
      planned.prepared,
      layout,
      lock,
      leftovers,
      session,
    );
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
