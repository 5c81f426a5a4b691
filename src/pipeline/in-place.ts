/**
 * The moves of an in-place publish (out/ is a mount point: see out-layout.ts), shared by the
 * publish itself and by the recovery of one that was cut off. A move that fails is undone at
 * once, in the same process, so out/ holds one complete build; the journal stays only when
 * even that fails, and then the error says where every entry is.
 */
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf } from './leftovers.js';
import {
  IN_PLACE_PREFIX,
  noHook,
  OUT_PREVIOUS,
  PublishError,
  type PublishHook,
  PublishInterrupted,
  runHook,
} from './out-layout.js';

/** What an in-place publish moves, as its journal records it. */
export interface InPlaceMoves {
  /** The real folder of out/. */
  target: string;
  /** The staging folder's name inside target. */
  stagingName: string;
  /** The name, inside target, of the folder the current build's entries move aside to. */
  old: string;
  oldNames: string[];
  newNames: string[];
  /** The journal, removed once out/ holds one build again. */
  journalFile: string;
}

const MANIFEST = 'manifest.json';

/** Top-level entries of an in-place out/ that belong to a build (not briefkit's own). */
export async function outputEntries(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith(IN_PLACE_PREFIX)).sort();
  return manifestFirst(names);
}

// The manifest first out and last in: while it is absent, a reader knows a publish is under way.
const manifestFirst = (names: string[]) => [
  ...names.filter((n) => n === MANIFEST),
  ...names.filter((n) => n !== MANIFEST),
];
const manifestLast = (names: string[]) => [
  ...names.filter((n) => n !== MANIFEST),
  ...names.filter((n) => n === MANIFEST),
];

const listing = async (dir: string) => new Set(await readdir(dir).catch(() => [] as string[]));

async function move(from: string, to: string, what: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (cause) {
    throw new Error(`could not move ${what} (${messageOf(cause)})`);
  }
}

/**
 * Completes the moves, safe to run again from any point (after a kill, or after a rollback
 * cut off half-way): a new entry already moved in is no longer in the staging folder, and
 * every old entry left in out/ moves out before any new one moves in. Returns what could not
 * be cleaned up afterwards (out/ holds the new build by then).
 */
export async function finishInPlace(moves: InPlaceMoves, hook: PublishHook = noHook): Promise<string[]> {
  const { target, stagingName, old, oldNames, newNames } = moves;
  const stagingDir = join(target, stagingName);
  const oldDir = join(target, old);
  try {
    const remaining = await listing(stagingDir);
    await mkdir(oldDir, { recursive: true });
    const present = await listing(target);
    for (const name of oldNames) {
      const movedIn = newNames.includes(name) && !remaining.has(name);
      if (!present.has(name) || movedIn) continue;
      await runHook(hook, 'moving-out', name);
      await move(join(target, name), join(oldDir, name), `out/${name} of the current build aside`);
    }
    await runHook(hook, 'old-moved-out');
    for (const name of manifestLast(newNames)) {
      if (!remaining.has(name)) continue;
      await runHook(hook, 'moving-in', name);
      await move(join(stagingDir, name), join(target, name), `the new build's ${name} into out/`);
    }
    await runHook(hook, 'new-moved-in');
  } catch (cause) {
    if (cause instanceof PublishInterrupted) throw cause;
    throw await rollBackInPlace(moves, cause, hook);
  }
  const problems: string[] = [];
  for (const path of [oldDir, stagingDir, moves.journalFile])
    problems.push(...(await removeLeftover(path, hook)));
  return problems;
}

async function removeLeftover(path: string, hook: PublishHook): Promise<string[]> {
  try {
    await runHook(hook, 'cleaning', path);
    await rm(path, { recursive: true, force: true });
    return [];
  } catch (cause) {
    if (cause instanceof PublishInterrupted) throw cause;
    return [`${path} could not be removed (${messageOf(cause)})`];
  }
}

/**
 * Puts the current build back after `cause` stopped the moves: the new build's entries back
 * into the staging folder (the manifest first), then the current build's back into out/ (the
 * manifest last). Returns the error to throw, which says what out/ holds.
 */
export async function rollBackInPlace(
  moves: InPlaceMoves,
  cause: unknown,
  hook: PublishHook = noHook,
): Promise<PublishError> {
  const { target, stagingName, old, oldNames, newNames, journalFile } = moves;
  const stagingDir = join(target, stagingName);
  const oldDir = join(target, old);
  const failed = `publishing into out/ in place: ${messageOf(cause)}`;
  try {
    // No staging folder: every new entry was moved in and the journal outlived the clean-up.
    if (!(await lstat(stagingDir).catch(() => undefined))?.isDirectory())
      return new PublishError(failed, 'out/ holds the new build.');
    const inStaging = await listing(stagingDir);
    const present = await listing(target);
    for (const name of manifestFirst(newNames)) {
      if (!present.has(name) || inStaging.has(name)) continue;
      await runHook(hook, 'moving-back', name);
      await move(join(target, name), join(stagingDir, name), `the new build's ${name} back out of out/`);
    }
    const inOld = await listing(oldDir);
    for (const name of manifestLast(oldNames)) {
      if (!inOld.has(name)) continue;
      await runHook(hook, 'moving-back', name);
      await move(join(oldDir, name), join(target, name), `out/${name} of the current build back`);
    }
    // The journal goes first: without it, the staging folder is only a leftover.
    const kept = await rm(journalFile, { force: true }).then(
      () => undefined,
      (error: unknown) => messageOf(error),
    );
    if (kept)
      return new PublishError(
        failed,
        `out/ holds the previous build, as it was, but the journal ${journalFile} could not be removed (${kept}): the next build finishes publishing this one`,
      );
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(oldDir, { recursive: true, force: true }).catch(() => undefined);
    return new PublishError(failed, OUT_PREVIOUS);
  } catch (second) {
    if (second instanceof PublishInterrupted) throw second;
    return new PublishError(
      `${failed}; putting the previous build back failed too: ${messageOf(second)}`,
      await describeMix(moves),
    );
  }
}

/** Where each build's entries are when neither could be made whole. */
async function describeMix(moves: InPlaceMoves): Promise<string> {
  const stagingDir = join(moves.target, moves.stagingName);
  const oldDir = join(moves.target, moves.old);
  const list = (names: Set<string>) => (names.size > 0 ? [...names].sort().join(', ') : 'none');
  return [
    'out/ holds parts of two builds.',
    `Entries of the previous build moved aside to ${oldDir}: ${list(await listing(oldDir))}.`,
    `Entries of the new build not in out/ (still in ${stagingDir}): ${list(await listing(stagingDir))}.`,
    `Fix the problem above and build again: the next build finishes this publish from ${moves.journalFile}.`,
  ].join(' ');
}
