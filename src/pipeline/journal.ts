/**
 * The publish journal (`<state>/publish.json`): written, atomically, once a build's staging
 * folder is complete and before out/ changes, removed when the publish is done. A start that
 * finds one knows a publish was cut off (a kill, a full disk) and completes it; everything a
 * cut-off build left that is not in a journal is removed. Light: the no-op fast path asks
 * `hasUnfinishedPublish` before it answers "up to date".
 */
import { lstat, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { readInputFile } from '../input/read-file.js';
import { finishInPlace } from './in-place.js';
import {
  messageOf,
  notRealFolderIn,
  removeRealFolder,
  removeStaleTemps,
  writeAtomically,
} from './leftovers.js';
import { IN_PLACE_PREFIX, type OutLayout, STAGING_PREFIX, stateDirFor } from './out-layout.js';

export type Journal =
  | { mode: 'link'; generation: string }
  | { mode: 'in-place'; staging: string; old: string; oldNames: string[]; newNames: string[] };

const FILE = 'publish.json';

export const journalFileOf = (stateDir: string) => join(stateDir, FILE);

export async function writeJournal(stateDir: string, journal: Journal): Promise<void> {
  await mkdir(stateDir, { recursive: true });
  await writeAtomically(journalFileOf(stateDir), `${JSON.stringify(journal)}\n`);
}

const safeName = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && name === basename(name) && name !== '..' && name !== '.';
const safeNames = (names: unknown): names is string[] => Array.isArray(names) && names.every(safeName);

/** The journal, if there is one that can be trusted: its names stay inside their folders. */
async function readJournal(stateDir: string): Promise<Journal | undefined> {
  try {
    // Through the input guard: a named pipe here would hang every build, the fast path too.
    const read = await readInputFile(journalFileOf(stateDir));
    if (!read.bytes) return undefined;
    const parsed = JSON.parse(new TextDecoder().decode(read.bytes)) as Record<string, unknown>;
    if (parsed.mode === 'link' && safeName(parsed.generation)) return parsed as Journal;
    // briefkit's own entries inside out/ start with the prefix; nothing else is ever removed.
    const own = (name: unknown) => safeName(name) && name.startsWith(IN_PLACE_PREFIX);
    if (
      parsed.mode === 'in-place' &&
      own(parsed.staging) &&
      own(parsed.old) &&
      safeNames(parsed.oldNames) &&
      safeNames(parsed.newNames)
    )
      return parsed as Journal;
  } catch {
    // No journal, or a torn one from before the atomic rename: nothing was published from it.
  }
  return undefined;
}

/**
 * True when a publish was cut off or left something a reader of out/ can see: the fast path
 * must not answer "up to date" then, but let the full build (which holds the lock) recover.
 */
export async function hasUnfinishedPublish(outDir: string): Promise<boolean> {
  if (await lstat(journalFileOf(stateDirFor(outDir))).then(Boolean, () => false)) return true;
  const entries = await readdir(outDir).catch(() => [] as string[]);
  return entries.some((e) => e.startsWith(IN_PLACE_PREFIX));
}

export interface Recovery {
  done: string[];
  /** What could not be cleaned up or was refused (a link where a build folder should be). */
  warnings: string[];
}

/**
 * Completes or rolls back what a cut-off build left (called holding the lock, before the
 * layout is read for the new build). Throws a PublishError, saying what out/ holds, when a
 * cut-off in-place publish can be neither completed nor undone.
 */
export async function recoverOut(layout: OutLayout): Promise<Recovery> {
  const done: string[] = [];
  const warnings: string[] = [];
  const journalFile = journalFileOf(layout.stateDir);
  const journal = await readJournal(layout.stateDir);
  if (journal?.mode === 'link') {
    const outMissing = !(await lstat(layout.outDir).catch(() => undefined));
    const refused = outMissing ? await notRealFolderIn(layout.generationsDir, journal.generation) : undefined;
    if (outMissing && refused && refused !== 'does not exist')
      warnings.push(
        `the cut-off publish named ${join(layout.generationsDir, journal.generation)}, which ${refused}: it was not published`,
      );
    else if (outMissing && !refused) {
      await linkOut(layout, join(layout.generationsDir, journal.generation));
      done.push('completed the publish of a build that was cut off');
    }
  }
  if (journal?.mode === 'in-place' && layout.target) {
    const moves = { ...journal, target: layout.target, stagingName: journal.staging, journalFile };
    warnings.push(...(await finishInPlace(moves)));
    done.push('completed the publish of a build that was cut off');
  }
  await rm(journalFile, { force: true }).catch((cause: unknown) =>
    warnings.push(`${journalFile} could not be removed (${messageOf(cause)})`),
  );
  warnings.push(...(await removeLeftovers(layout)));
  await removeStaleTemps(journalFile);
  return { done, warnings };
}

async function linkOut(layout: OutLayout, generation: string): Promise<void> {
  const parent = dirname(layout.outDir);
  const next = join(parent, `.${basename(layout.outDir)}.briefkit-next-recover-${process.pid}`);
  await rm(next, { force: true });
  await symlink(relative(parent, generation), next);
  await rename(next, layout.outDir);
}

/** Staging folders and temporary links of builds that never reached their journal. */
async function removeLeftovers(layout: OutLayout): Promise<string[]> {
  const problems: string[] = [];
  const generations = await readdir(layout.generationsDir).catch(() => [] as string[]);
  for (const entry of generations.filter((e) => e.startsWith(STAGING_PREFIX))) {
    const problem = await removeRealFolder(layout.generationsDir, entry);
    if (problem) problems.push(problem);
  }
  // Only links are removed here: briefkit never makes anything else beside out/.
  const parent = dirname(layout.outDir);
  const nextPrefix = `.${basename(layout.outDir)}.briefkit-next-`;
  for (const entry of (await readdir(parent).catch(() => [] as string[])).filter((e) =>
    e.startsWith(nextPrefix),
  )) {
    const info = await lstat(join(parent, entry)).catch(() => undefined);
    if (info?.isSymbolicLink()) await rm(join(parent, entry), { force: true });
    else if (info) problems.push(`${join(parent, entry)} is not a link briefkit made: remove it yourself`);
  }
  // Inside an in-place out/ (a real folder), briefkit's own entries; rm never follows a link.
  const target = layout.target;
  if (target) {
    for (const entry of (await readdir(target).catch(() => [] as string[])).filter((e) =>
      e.startsWith(IN_PLACE_PREFIX),
    )) {
      await rm(join(target, entry), { recursive: true, force: true }).catch((cause: unknown) =>
        problems.push(`${join(target, entry)} could not be removed (${messageOf(cause)})`),
      );
    }
  }
  return problems;
}
