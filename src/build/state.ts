/** Where a build keeps its lock and staging folder (beside out/, same file system), and output checks. */
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256 } from './hash.js';
import type { Manifest, ManifestOutput } from './manifest.js';

export function stateDirFor(outDir: string): string {
  return join(dirname(outDir), '.briefkit', basename(outDir));
}

/** True when the file on disk is missing or differs from what the manifest recorded. */
export async function outputChanged(outDir: string, recorded: ManifestOutput): Promise<boolean> {
  try {
    return sha256(await readFile(join(outDir, recorded.path))) !== recorded.sha256;
  } catch {
    return true;
  }
}

/** Removes files a previous build produced that this build no longer produces (e.g. a deleted sector). */
export async function removeStaleOutputs(
  outDir: string,
  previous: Manifest,
  current: ManifestOutput[],
): Promise<void> {
  const keep = new Set(current.map((o) => o.path));
  await Promise.all(
    previous.outputs.filter((o) => !keep.has(o.path)).map((o) => rm(join(outDir, o.path), { force: true })),
  );
}
