/**
 * `briefkit merge-manifests FILE…`: joins the partial manifests of a sharded build into
 * `<out>/manifest.json`, where `<out>` is the config's output folder (--config, default
 * briefkit.config.yaml), the folder the shards' outputs were copied into. The partial
 * manifests may be anywhere. Every output they name must be a plain file in that out/ that
 * matches its entry (manifest-parts.ts); the merged manifest is written atomically (temp +
 * rename) while holding the build lock, so no build swaps out/ meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Diagnostic, error, formatDiagnostic } from '../diagnostics.js';
import { projectOf } from '../pipeline/config-paths.js';
import { recoverOut } from '../pipeline/journal.js';
import { writeAtomically } from '../pipeline/leftovers.js';
import { acquireLock, LockedError } from '../pipeline/lock.js';
import { MANIFEST_FILE, mergeManifests, serialiseManifest } from '../pipeline/manifest.js';
import { checkOutputsInOut, type PartialManifest, readPartialManifest } from '../pipeline/manifest-parts.js';
import { IN_PLACE_PREFIX, layoutOf, stateDirFor } from '../pipeline/out-layout.js';
import { BuildWriteError } from '../pipeline/write-files.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

function print(diagnostics: Diagnostic[], io: Io, target: string): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  const n = diagnostics.length;
  io.err(`\n${n} problem${n === 1 ? '' : 's'} found; ${target} was not written.\n`);
}

/** The config's out/ folder, or the config's problems (named from `cwd`). */
async function outFolder(
  cwd: string,
  configFile: string,
): Promise<{ outDir?: string; diagnostics: Diagnostic[] }> {
  const { projectDir, configPath } = projectOf(cwd, configFile);
  const { loadConfig } = await import('../pipeline/config.js');
  const config = await loadConfig(configPath);
  const diagnostics = config.diagnostics.map((d) =>
    d.file === configPath ? { ...d, file: relative(cwd, configPath) || configPath } : d,
  );
  return config.value ? { outDir: join(projectDir, config.value.out), diagnostics } : { diagnostics };
}

/**
 * A temporary inside out/, named like briefkit's other entries there (out-layout.ts
 * IN_PLACE_PREFIX): no build carries it over.
 */
function mergeTemp(outDir: string): string {
  return join(outDir, `${IN_PLACE_PREFIX}merge-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export async function runMergeManifests(
  files: string[],
  io: Io,
  cwd: string,
  configFile: string,
): Promise<ExitCode> {
  const out = await outFolder(cwd, configFile);
  if (!out.outDir) {
    print(out.diagnostics, io, 'no manifest');
    return EXIT.invalidInput;
  }
  const outDir = out.outDir;
  const shownOut = relative(cwd, outDir) || outDir;
  const target = `${shownOut}/${MANIFEST_FILE}`;
  const parts: PartialManifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = await readPartialManifest(resolve(cwd, file), file);
    diagnostics.push(...read.diagnostics);
    if (read.part) parts.push(read.part);
  }
  if (diagnostics.length > 0) {
    print(diagnostics, io, target);
    return EXIT.invalidInput;
  }
  const merged = mergeManifests(parts.map((p) => p.manifest));
  if (!merged.manifest) {
    const hint =
      'merge every shard of one build: the same briefkit version and SOURCE_DATE_EPOCH, each shard once';
    print(
      merged.problems.map((problem) => error('MANIFEST_INVALID', problem, { hint })),
      io,
      target,
    );
    return EXIT.invalidInput;
  }
  if (!(await stat(outDir).catch(() => undefined))?.isDirectory()) {
    const hint = 'copy the out/ folders of every shard into it, then merge';
    print(
      [error('FILE_NOT_FOUND', `there is no output folder ${shownOut}`, { file: shownOut, hint })],
      io,
      target,
    );
    return EXIT.invalidInput;
  }
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock(join(stateDirFor(outDir), 'build.lock'));
  } catch (cause) {
    if (!(cause instanceof LockedError)) throw cause;
    io.err(`briefkit: ${cause.message}\n${target} was not written.\n`);
    return EXIT.failure;
  }
  try {
    // A publish cut off by a kill is completed first, as a build's start does.
    await recoverOut(await layoutOf(outDir));
    const problems = (await Promise.all(parts.map((part) => checkOutputsInOut(outDir, part)))).flat();
    if (problems.length > 0) {
      print(problems, io, target);
      return EXIT.invalidInput;
    }
    await writeAtomically(join(outDir, MANIFEST_FILE), serialiseManifest(merged.manifest), {
      temp: mergeTemp(outDir),
      shown: target,
    });
  } catch (cause) {
    if (!(cause instanceof BuildWriteError)) throw cause;
    print([cause.diagnostic], io, target);
    return EXIT.failure;
  } finally {
    await lock.release();
  }
  io.err(
    `briefkit: merged ${files.length} manifests into ${target} (${merged.manifest.outputs.length} outputs)\n`,
  );
  return EXIT.ok;
}
