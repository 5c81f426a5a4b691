/**
 * out/manifest.json: what a build produced and from what. Deterministic: sorted,
 * no durations, the build time from SOURCE_DATE_EPOCH (else the dataset's as-of date).
 */
import { readInputFile } from '../input/read-file.js';
import type { ManifestProvenance } from './emit-provenance.js';

export const MANIFEST_FILE = 'manifest.json';
/** Written beside the manifest by `build --emit provenance` (emit-provenance.ts). */
export const PROVENANCE_FILE = 'provenance.json';
/** The hand-out page every build writes beside the manifest unless `index: false` (index-page/). */
export const INDEX_FILE = 'index.html';
export const MANIFEST_VERSION = 1;
/** Far above any real manifest (about 1.5 KB per output); read through the input guard. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ManifestOutput {
  /** Path relative to out/, with forward slashes. */
  path: string;
  /** The job that produced it (document id, or chart:<id>). */
  job: string;
  bytes: number;
  sha256: string;
  pages?: number;
  slides?: number;
  /** A document's title and subtitle as its model states them, for out/index.html (index-page/). */
  title?: string;
  subtitle?: string;
  /** The cache key: a hash over every input of the job. */
  key: string;
  /** Hashes of the inputs the output was built from, by name. */
  inputs: Record<string, string>;
}

export interface Manifest {
  manifestVersion: typeof MANIFEST_VERSION;
  briefkitVersion: string;
  buildTime: string;
  /** Files whose bytes decide the build, with their hashes: the no-op fast path compares them. */
  inputFiles: Record<string, string>;
  shard?: { index: number; count: number };
  /** The provenance check's counts (quotes found, figures matched, sources not verifiable); with `--emit provenance`, what the outputs print. */
  provenance?: ManifestProvenance;
  outputs: ManifestOutput[];
}

export function serialiseManifest(manifest: Manifest): string {
  const outputs = [...manifest.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const inputFiles = Object.fromEntries(
    Object.entries(manifest.inputFiles).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return `${JSON.stringify({ ...manifest, inputFiles, outputs }, null, 2)}\n`;
}

export function isManifest(value: unknown): value is Manifest {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<Manifest>;
  return (
    m.manifestVersion === MANIFEST_VERSION && Array.isArray(m.outputs) && typeof m.inputFiles === 'object'
  );
}

/** The previous manifest, or undefined when there is none or it cannot be trusted. */
export async function readManifest(file: string): Promise<Manifest | undefined> {
  // The guard (src/input/read-file.ts): a FIFO or device here would hang the no-op fast path.
  const read = await readInputFile(file, { maxBytes: MAX_MANIFEST_BYTES });
  if (!read.bytes) return undefined;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(read.bytes));
    return isManifest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Joins shard manifests; refuses overlapping outputs or mismatched builds. */
export function mergeManifests(parts: Manifest[]): { manifest?: Manifest; problems: string[] } {
  const problems: string[] = [];
  const first = parts[0];
  if (!first) return { problems: ['no manifests given'] };
  const byPath = new Map<string, ManifestOutput>();
  for (const part of parts) {
    if (part.briefkitVersion !== first.briefkitVersion || part.buildTime !== first.buildTime) {
      problems.push('manifests come from different builds (briefkit version or build time differ)');
    }
    for (const output of part.outputs) {
      if (byPath.has(output.path)) problems.push(`${output.path} appears in more than one manifest`);
      byPath.set(output.path, output);
    }
  }
  const count = first.shard?.count;
  if (count !== undefined) {
    const indexes = new Set(parts.map((p) => p.shard?.index));
    for (let i = 1; i <= count; i++) if (!indexes.has(i)) problems.push(`shard ${i}/${count} is missing`);
  }
  const inputFiles = Object.assign({}, ...parts.map((p) => p.inputFiles)) as Record<string, string>;
  const { shard: _shard, ...rest } = first;
  return problems.length > 0
    ? { problems }
    : { manifest: { ...rest, inputFiles, outputs: [...byPath.values()] }, problems };
}
