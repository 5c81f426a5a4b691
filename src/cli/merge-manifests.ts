/** `briefkit merge-manifests FILE…`: joins shard manifests into out/manifest.json. */
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { MANIFEST_FILE, mergeManifests, readManifest, serialiseManifest } from '../build/manifest.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export async function runMergeManifests(
  files: string[],
  io: Io,
  cwd: string,
  _config: string,
): Promise<ExitCode> {
  const manifests = [];
  for (const file of files) {
    const manifest = await readManifest(resolve(cwd, file));
    if (!manifest) {
      io.err(`${file}: not a briefkit manifest (missing, unreadable or of another version)\n`);
      return EXIT.invalidInput;
    }
    manifests.push(manifest);
  }
  const merged = mergeManifests(manifests);
  if (!merged.manifest) {
    for (const problem of merged.problems) io.err(`briefkit: ${problem}\n`);
    return EXIT.invalidInput;
  }
  const target = join(dirname(resolve(cwd, files[0] as string)), MANIFEST_FILE);
  // Atomic: write beside, then rename over.
  await writeFile(`${target}.tmp`, serialiseManifest(merged.manifest));
  await rename(`${target}.tmp`, target);
  io.err(
    `briefkit: merged ${files.length} manifests into ${target} (${merged.manifest.outputs.length} outputs)\n`,
  );
  return EXIT.ok;
}
