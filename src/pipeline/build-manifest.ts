/**
 * The manifest a build publishes, and what of the previous build it drops: outputs no longer
 * made, shard manifests, and under --only the outputs it did not select, kept as they were.
 */
import { readdir } from 'node:fs/promises';
import { BRIEFKIT_VERSION } from '../version.js';
import type { BuildOptions } from './build-report.js';
import type { ManifestProvenance } from './emit-provenance.js';
import { sha256 } from './hash.js';
import { fontsHash } from './keys.js';
import { MANIFEST_FILE, MANIFEST_VERSION, type Manifest, type ManifestOutput } from './manifest.js';
import type { Prepared } from './prepare.js';

const SHARD_MANIFEST = /^manifest-shard-\d+-of-\d+\.json$/;

/** The shard manifests at the top of the current build, which a later unsharded build drops. */
export async function shardManifests(current: string | undefined): Promise<string[]> {
  if (current === undefined) return [];
  const names = await readdir(current).catch(() => [] as string[]);
  return names.filter((name) => SHARD_MANIFEST.test(name));
}

export function manifestName(options: BuildOptions): string {
  return options.shard
    ? `manifest-shard-${options.shard.index}-of-${options.shard.count}.json`
    : MANIFEST_FILE;
}

export function manifestOf(
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
export function staleOutputs(previous: Manifest, current: ManifestOutput[]): Set<string> {
  const keep = new Set(current.map((o) => o.path));
  return new Set(previous.outputs.map((o) => o.path).filter((p) => !keep.has(p)));
}

/** Renderer sessions (e.g. a shaping store) belong to the exact font files and briefkit version. */
export function fontsKey(inputFiles: Record<string, string>): string {
  return sha256(`${BRIEFKIT_VERSION}\n${fontsHash(inputFiles)}`).slice(0, 16);
}

/** With --only, outputs of jobs this build did not select stay in the manifest as they were. */
export function keepUnselected(
  previous: Manifest | undefined,
  fresh: ManifestOutput[],
  selected: { id: string }[],
  options: BuildOptions,
): ManifestOutput[] {
  if (options.shard || !previous || !options.only) return fresh;
  const ids = new Set(selected.map((s) => s.id));
  return [...previous.outputs.filter((o) => !ids.has(o.job)), ...fresh];
}
