/**
 * `briefkit build`: the no-op fast path first (light imports only), then the full build,
 * loaded lazily so an up-to-date build never pays for yaml, zod, vega, pdfkit or pptxgenjs.
 */
import { basename, join } from 'node:path';
import { projectOf } from '../pipeline/config-paths.js';
import { parseSourceDateEpoch } from '../pipeline/dates.js';
import { InputStamps } from '../pipeline/input-stamps.js';
import { isUpToDate } from '../pipeline/inputs.js';
import { parseShard, type Shard } from '../pipeline/jobs.js';
import { hasUnfinishedPublish } from '../pipeline/journal.js';
import { readLastBuild } from '../pipeline/last-build.js';
import { MANIFEST_FILE, readManifest } from '../pipeline/manifest.js';
import { stateDirFor } from '../pipeline/out-layout.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export interface BuildFlags {
  config: string;
  only?: string[];
  force?: boolean;
  jobs?: string;
  shard?: string;
  watch?: boolean;
  json?: boolean;
  emit?: string;
}

export interface ParsedBuildFlags {
  configFile: string;
  only?: string[];
  force: boolean;
  jobs?: number;
  shard?: Shard;
  json: boolean;
  emitModel: boolean;
  /** `--emit provenance`: out/provenance.json with the outputs (pipeline/emit-provenance.ts). */
  emitProvenance?: boolean;
}

/** Checks flag values; a message means wrong usage (exit 2). */
export function parseBuildFlags(
  flags: BuildFlags,
  env: Record<string, string | undefined>,
): ParsedBuildFlags | string {
  if (parseSourceDateEpoch(env.SOURCE_DATE_EPOCH) === 'invalid') {
    return `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${env.SOURCE_DATE_EPOCH}"`;
  }
  let jobs: number | undefined;
  if (flags.jobs !== undefined) {
    // Digits only: Number() would also take "0x10", "1e1" and " 4".
    jobs = /^\d+$/.test(flags.jobs) ? Number(flags.jobs) : Number.NaN;
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
      return `--jobs must be a whole number from 1 to 64, got "${flags.jobs}"`;
  }
  let shard: Shard | undefined;
  if (flags.shard !== undefined) {
    shard = parseShard(flags.shard);
    if (!shard) return `--shard must look like 1/4 (index from 1 to count), got "${flags.shard}"`;
  }
  if (flags.emit !== undefined && flags.emit !== 'model' && flags.emit !== 'provenance')
    return `--emit accepts "model" or "provenance", got "${flags.emit}"`;
  // A shard's outputs are a share of the build: provenance lists every output, so it is written by a whole build.
  if (flags.emit === 'provenance' && flags.shard !== undefined)
    return '--emit provenance lists every output of the build; run it without --shard';
  return {
    configFile: flags.config,
    only: flags.only,
    force: Boolean(flags.force),
    jobs,
    shard,
    json: Boolean(flags.json),
    emitModel: flags.emit === 'model',
    emitProvenance: flags.emit === 'provenance',
  };
}

export async function runBuild(
  flags: ParsedBuildFlags,
  io: Io,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<ExitCode> {
  // An up-to-date out/ may lack provenance.json: `--emit provenance` always runs the full build.
  const plain = !flags.force && !flags.only && !flags.shard && !flags.emitModel && !flags.emitProvenance;
  if (plain) {
    const { projectDir, configPath } = projectOf(cwd, flags.configFile);
    const outDir = await readLastBuild(projectDir, basename(configPath));
    // A publish cut off, or leftovers a reader can see: the full build recovers them under the lock.
    if (outDir && !(await hasUnfinishedPublish(outDir))) {
      const manifest = await readManifest(join(outDir, MANIFEST_FILE));
      // The inputs' stamps: only files changed since the last build are read and hashed.
      const stamps = await InputStamps.read(stateDirFor(outDir));
      if (await isUpToDate(projectDir, outDir, manifest, BRIEFKIT_VERSION, env, stamps)) {
        // Outputs hashed for the first time since their publish are stamped, so the next no-op
        // does not read them (temp file + rename; a stale stamp only makes a file hashed again).
        if (stamps.recorded) await stamps.save(stateDirFor(outDir)).catch(() => undefined);
        if (flags.json) io.out(`${JSON.stringify({ status: 'up-to-date', built: [], diagnostics: [] })}\n`);
        else io.err('briefkit: everything is up to date; nothing rebuilt\n');
        return EXIT.ok;
      }
    }
  }
  const { runFullBuild } = await import('./build-full.js');
  return runFullBuild(flags, io, cwd, env);
}
