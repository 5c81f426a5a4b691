/**
 * The publish journal (`<state>/publish.json`): written, atomically, once a build's staging
 * folder is complete and before out/ changes, removed when the publish is done. A start that
 * finds one knows a publish was cut off (a kill, a full disk) and completes it; everything a
 * cut-off build left that is not in a journal is removed.
 */
import { lstat, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { finishInPlace } from './in-place.js';
import { IN_PLACE_PREFIX, type OutLayout, STAGING_PREFIX } from './out-layout.js';

export type Journal =
  | { mode: 'link'; generation: string }
  | { mode: 'in-place'; staging: string; old: string; oldNames: string[]; newNames: string[] };

const FILE = 'publish.json';

export async function writeJournal(stateDir: string, journal: Journal): Promise<void> {
  const temp = join(stateDir, `${FILE}.${process.pid}`);
  await writeFile(temp, `${JSON.stringify(journal)}\n`);
  await rename(temp, join(stateDir, FILE));
}

async function readJournal(stateDir: string): Promise<Journal | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(stateDir, FILE), 'utf8')) as Partial<Journal>;
    if (parsed.mode === 'link' && typeof parsed.generation === 'string') return parsed as Journal;
    if (parsed.mode === 'in-place' && typeof parsed.staging === 'string') return parsed as Journal;
  } catch {
    // No journal, or a torn one from before the atomic rename: nothing was published from it.
  }
  return undefined;
}

const safeName = (name: string) => name === basename(name) && name !== '..' && name !== '.';

/**
 * Completes or rolls back what a cut-off build left (called holding the lock, before the
 * layout is read for the new build). Returns what it did, for the build's report.
 */
export async function recoverOut(layout: OutLayout): Promise<string[]> {
  const done: string[] = [];
  const journal = await readJournal(layout.stateDir);
  if (journal?.mode === 'link' && safeName(journal.generation)) {
    const generation = join(layout.generationsDir, journal.generation);
    const outMissing = !(await lstat(layout.outDir).catch(() => undefined));
    if (outMissing && (await stat(generation).catch(() => undefined))?.isDirectory()) {
      const parent = dirname(layout.outDir);
      const next = join(parent, `.${basename(layout.outDir)}.briefkit-next-recover`);
      await rm(next, { force: true });
      await symlink(relative(parent, generation), next);
      await rename(next, layout.outDir);
      done.push('completed the publish of a build that was cut off');
    }
  }
  if (journal?.mode === 'in-place' && layout.target && safeName(journal.staging) && safeName(journal.old)) {
    await finishInPlace(layout.target, journal.staging, journal.old, journal.oldNames, journal.newNames);
    done.push('completed the publish of a build that was cut off');
  }
  await rm(join(layout.stateDir, FILE), { force: true });
  await removeLeftovers(layout);
  return done;
}

/** Staging folders and temporary links of builds that never reached their journal. */
async function removeLeftovers(layout: OutLayout): Promise<void> {
  const generations = await readdir(layout.generationsDir).catch(() => [] as string[]);
  const parent = dirname(layout.outDir);
  const nextPrefix = `.${basename(layout.outDir)}.briefkit-next-`;
  const siblings = await readdir(parent).catch(() => [] as string[]);
  const inPlace = layout.target ? await readdir(layout.target).catch(() => [] as string[]) : [];
  await Promise.all([
    ...generations
      .filter((e) => e.startsWith(STAGING_PREFIX))
      .map((e) => rm(join(layout.generationsDir, e), { recursive: true, force: true })),
    ...siblings.filter((e) => e.startsWith(nextPrefix)).map((e) => rm(join(parent, e), { force: true })),
    ...inPlace
      .filter((e) => e.startsWith(IN_PLACE_PREFIX))
      .map((e) => rm(join(layout.target as string, e), { recursive: true, force: true })),
  ]);
}
