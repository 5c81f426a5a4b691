/**
 * The moves of an in-place publish (out/ is a mount point: see out-layout.ts), shared by the
 * publish itself and by the recovery of one that was cut off.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IN_PLACE_PREFIX, type PublishHook } from './out-layout.js';

/** Top-level entries of an in-place out/ that belong to a build (not briefkit's own). */
export async function outputEntries(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith(IN_PLACE_PREFIX)).sort();
  // The manifest first out and last in: while it is absent, a reader knows a publish is under way.
  return [...names.filter((n) => n === 'manifest.json'), ...names.filter((n) => n !== 'manifest.json')];
}

/**
 * The moves of an in-place publish, safe to run again from any point: a new entry already
 * moved in is no longer in the staging folder, and every old entry left in out/ moves out
 * before any new one moves in.
 */
export async function finishInPlace(
  target: string,
  stagingName: string,
  old: string,
  oldNames: string[],
  newNames: string[],
  hook: PublishHook = () => {},
): Promise<void> {
  const stagingDir = join(target, stagingName);
  const oldDir = join(target, old);
  const remaining = new Set(await readdir(stagingDir).catch(() => [] as string[]));
  await mkdir(oldDir, { recursive: true });
  const present = new Set(await readdir(target));
  for (const name of oldNames) {
    const movedIn = newNames.includes(name) && !remaining.has(name);
    if (present.has(name) && !movedIn) await rename(join(target, name), join(oldDir, name));
  }
  await hook('old-moved-out');
  const ordered = [
    ...newNames.filter((n) => n !== 'manifest.json'),
    ...newNames.filter((n) => n === 'manifest.json'),
  ];
  for (const name of ordered)
    if (remaining.has(name)) await rename(join(stagingDir, name), join(target, name));
  await hook('new-moved-in');
  await rm(oldDir, { recursive: true, force: true });
  await rm(stagingDir, { recursive: true, force: true });
}
