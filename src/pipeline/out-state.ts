/** Checks of the files the previous build left in out/. */
import { readFile } from 'node:fs/promises';
import { sha256 } from './hash.js';
import type { Manifest, ManifestOutput } from './manifest.js';
import { isPlainFileInside, joinInside, unsafeOutPath } from './out-paths.js';

/**
 * True when the file on disk is missing, differs from what the manifest recorded, or is not a
 * plain file inside out/ (a symbolic link on the way could point anywhere).
 */
export async function outputChanged(outDir: string, recorded: ManifestOutput): Promise<boolean> {
  try {
    if (!(await isPlainFileInside(outDir, recorded.path))) return true;
    return sha256(await readFile(joinInside(outDir, recorded.path))) !== recorded.sha256;
  } catch {
    return true;
  }
}

/** The manifest's first output path that does not stay inside out/, if any. */
export function unsafeManifestPath(manifest: Manifest): string | undefined {
  return manifest.outputs.find((o) => typeof o.path !== 'string' || unsafeOutPath(o.path) !== undefined)
    ?.path;
}
