/**
 * Atomic publish. A build writes every output into a staging folder, carries over the files
 * of the current build it does not replace, and only then, when nothing failed, makes that
 * folder the new out/ (see out-layout.ts for the two modes). A failed build discards its
 * staging folder: out/ is left byte-identical. Each step is named, so tests can stop a
 * publish between any two of them (the `hook`) and check what a reader and the next start see.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { finishInPlace, outputEntries, rollBackInPlace } from './in-place.js';
import { journalFileOf, writeJournal } from './journal.js';
import { messageOf, removeRealFolder } from './leftovers.js';
import {
  GENERATION_PREFIX,
  IN_PLACE_PREFIX,
  noHook,
  OUT_UNCHANGED,
  type OutLayout,
  PublishError,
  type PublishHook,
  PublishInterrupted,
  runHook,
  STAGING_PREFIX,
} from './out-layout.js';
import { joinInside } from './out-paths.js';
import { attemptWrite, writeBuildFile } from './write-files.js';

export { PublishInterrupted } from './out-layout.js';

const suffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

export class Staging {
  private readonly files = new Set<string>();
  /** Set once the publish journal names this folder: from then on it is out/'s, not ours to discard. */
  sealed = false;
  private constructor(
    readonly dir: string,
    readonly layout: OutLayout,
  ) {}

  static async create(layout: OutLayout): Promise<Staging> {
    const dir =
      layout.mode === 'in-place' && layout.target
        ? join(layout.target, `${IN_PLACE_PREFIX}${STAGING_PREFIX}${suffix()}`)
        : join(layout.generationsDir, `${STAGING_PREFIX}${suffix()}`);
    await attemptWrite(dir, 'the staging folder', () => mkdir(dir, { recursive: true }));
    return new Staging(dir, layout);
  }

  /** Where a file of this build goes; refuses a path that would leave the staging folder. */
  pathOf(relativePath: string): string {
    return joinInside(this.dir, relativePath);
  }

  /** Records a file a worker wrote into the staging folder. */
  add(relativePath: string): void {
    this.pathOf(relativePath);
    this.files.add(relativePath);
  }

  has(relativePath: string): boolean {
    return this.files.has(relativePath);
  }

  /** The files this build wrote, sorted. */
  written(): string[] {
    return [...this.files].sort();
  }

  async write(relativePath: string, bytes: Uint8Array | string): Promise<void> {
    await writeBuildFile(this.pathOf(relativePath), `out/${relativePath}`, bytes);
    this.add(relativePath);
  }

  async discard(): Promise<void> {
    if (this.sealed) return;
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Copies into the staging folder every file of the current build that this build neither
 * wrote nor dropped (a stale output): hard links where the file system allows (published
 * files are never changed in place), copies elsewhere. Symbolic links inside out/ are not
 * followed or kept; `warn` names each one.
 */
export async function carryOver(
  staging: Staging,
  from: string,
  drop: ReadonlySet<string>,
  warn: (message: string) => void,
): Promise<void> {
  const walk = async (dir: string, prefix: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (prefix === '' && entry.name.startsWith(IN_PLACE_PREFIX)) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const source = join(dir, entry.name);
      if (entry.isDirectory()) await walk(source, rel);
      else if (entry.isFile()) {
        if (staging.has(rel) || drop.has(rel)) continue;
        const target = staging.pathOf(rel);
        await attemptWrite(target, `out/${rel}`, async () => {
          await mkdir(dirname(target), { recursive: true });
          await link(source, target).catch(() => copyFile(source, target));
        });
      } else warn(`out/${rel} is not a plain file or folder (a symbolic link?): it was not kept`);
    }
  };
  await walk(from, '');
}

/**
 * Makes the staging folder the published out/. A failure before the swap is undone (out/ as
 * it was) and thrown as a PublishError saying what out/ holds; after the swap the build is
 * published, and what could not be cleaned up is returned, for warnings.
 */
export async function publish(staging: Staging, hook: PublishHook = noHook): Promise<string[]> {
  if (staging.layout.mode === 'in-place') return publishInPlace(staging, hook);
  const { layout } = staging;
  const generation = join(layout.generationsDir, `${GENERATION_PREFIX}${suffix()}`);
  await rename(staging.dir, generation);
  // From here publish cleans up after itself: the staging folder is the generation.
  staging.sealed = true;
  const swap: LinkSwap = { layout, generation, previous: layout.current, legacyMoved: false };
  try {
    await runHook(hook, 'sealed');
    await writeJournal(layout.stateDir, { mode: 'link', generation: basename(generation) });
    await runHook(hook, 'journal-written');
    if (layout.current === layout.outDir) {
      swap.previous = join(layout.generationsDir, `${GENERATION_PREFIX}legacy-${suffix()}`);
      await rename(layout.outDir, swap.previous);
      swap.legacyMoved = true;
      await runHook(hook, 'legacy-moved');
    }
    const parent = dirname(layout.outDir);
    swap.next = join(parent, `.${basename(layout.outDir)}.briefkit-next-${suffix()}`);
    await symlink(relative(parent, generation), swap.next);
    await runHook(hook, 'link-made');
    await rename(swap.next, layout.outDir);
  } catch (cause) {
    if (cause instanceof PublishInterrupted) throw cause;
    throw await undoSwap(swap, cause);
  }
  await runHook(hook, 'swapped');
  // Published. Nothing below may fail the build: a leftover is a warning, retried next time.
  const problems: string[] = [];
  const journalFile = journalFileOf(layout.stateDir);
  try {
    await runHook(hook, 'cleaning', journalFile);
    await rm(journalFile, { force: true });
  } catch (cause) {
    if (cause instanceof PublishInterrupted) throw cause;
    problems.push(`${journalFile} could not be removed (${messageOf(cause)})`);
  }
  problems.push(...(await pruneGenerations(layout.generationsDir, [generation, swap.previous], hook)));
  await runHook(hook, 'cleaned');
  return problems;
}

interface LinkSwap {
  layout: OutLayout;
  generation: string;
  /** The build folder out/ showed before (a plain out/ folder once moved to the generations). */
  previous?: string;
  legacyMoved: boolean;
  /** The new link, once made. */
  next?: string;
}

/** Puts out/ back as it was after a failure before the swap; returns the error to throw. */
async function undoSwap(swap: LinkSwap, cause: unknown): Promise<PublishError> {
  const { layout } = swap;
  const failed = `publishing out/: ${messageOf(cause)}`;
  if (swap.next) await rm(swap.next, { force: true }).catch(() => undefined);
  if (swap.legacyMoved && swap.previous) {
    try {
      await rename(swap.previous, layout.outDir);
    } catch (second) {
      // The journal stays: the next start links out/ to the new build.
      return new PublishError(
        `${failed}; putting out/ back failed too: ${messageOf(second)}`,
        `out/ is missing: the previous build is in ${swap.previous}, the new one in ${swap.generation}. Fix the problem above and build again: the next build restores out/ from ${journalFileOf(layout.stateDir)}.`,
      );
    }
  }
  await rm(journalFileOf(layout.stateDir), { force: true }).catch(() => undefined);
  await rm(swap.generation, { recursive: true, force: true }).catch(() => undefined);
  return new PublishError(failed, OUT_UNCHANGED);
}

/** Removes every generation but the ones kept (the new one and the one it replaced). */
async function pruneGenerations(
  dir: string,
  keep: (string | undefined)[],
  hook: PublishHook,
): Promise<string[]> {
  const kept = new Set(keep.filter((k): k is string => k !== undefined).map((k) => basename(k)));
  const entries = await readdir(dir).catch(() => [] as string[]);
  const problems: string[] = [];
  for (const entry of entries.filter((e) => e.startsWith(GENERATION_PREFIX) && !kept.has(e)).sort()) {
    try {
      await runHook(hook, 'cleaning', join(dir, entry));
      const problem = await removeRealFolder(dir, entry);
      if (problem) problems.push(`the old build folder ${problem}`);
    } catch (cause) {
      if (cause instanceof PublishInterrupted) throw cause;
      problems.push(`the old build folder ${join(dir, entry)} could not be removed (${messageOf(cause)})`);
    }
  }
  return problems;
}

async function publishInPlace(staging: Staging, hook: PublishHook): Promise<string[]> {
  const { layout } = staging;
  const target = layout.target as string;
  const moves = {
    target,
    stagingName: basename(staging.dir),
    old: `${IN_PLACE_PREFIX}old-${suffix()}`,
    oldNames: await outputEntries(target),
    newNames: await outputEntries(staging.dir),
    journalFile: journalFileOf(layout.stateDir),
  };
  await runHook(hook, 'sealed');
  const { oldNames, newNames, old } = moves;
  await writeJournal(layout.stateDir, {
    mode: 'in-place',
    staging: moves.stagingName,
    old,
    oldNames,
    newNames,
  });
  // The journal names the staging folder: from here it is out/'s, and the moves own it.
  staging.sealed = true;
  try {
    await runHook(hook, 'journal-written');
  } catch (cause) {
    if (cause instanceof PublishInterrupted) throw cause;
    throw await rollBackInPlace(moves, cause, hook);
  }
  const problems = await finishInPlace(moves, hook);
  await runHook(hook, 'cleaned');
  return problems;
}
