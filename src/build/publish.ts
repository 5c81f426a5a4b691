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
import { finishInPlace, outputEntries } from './in-place.js';
import { writeJournal } from './journal.js';
import {
  GENERATION_PREFIX,
  IN_PLACE_PREFIX,
  type OutLayout,
  type PublishHook,
  type PublishStep,
  STAGING_PREFIX,
} from './out-layout.js';
import { joinInside } from './out-paths.js';
import { attemptWrite, writeBuildFile } from './write-files.js';

const suffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Thrown by a publish hook's error: the test is simulating a process that died at that step,
 * so the build must not clean up after it (a dead process cannot).
 */
export class PublishInterrupted extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PublishInterrupted';
  }
}

async function step(hook: PublishHook, name: PublishStep): Promise<void> {
  try {
    await hook(name);
  } catch (cause) {
    throw new PublishInterrupted(cause);
  }
}

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

/** Makes the staging folder the published out/. */
export async function publish(staging: Staging, hook: PublishHook = () => {}): Promise<void> {
  if (staging.layout.mode === 'in-place') return publishInPlace(staging, hook);
  const { layout } = staging;
  const generation = join(layout.generationsDir, `${GENERATION_PREFIX}${suffix()}`);
  await rename(staging.dir, generation);
  await step(hook, 'sealed');
  staging.sealed = true;
  await writeJournal(layout.stateDir, { mode: 'link', generation: basename(generation) });
  await step(hook, 'journal-written');
  let previous = layout.current;
  if (layout.current === layout.outDir) {
    previous = join(layout.generationsDir, `${GENERATION_PREFIX}legacy-${suffix()}`);
    await rename(layout.outDir, previous);
    await step(hook, 'legacy-moved');
  }
  const parent = dirname(layout.outDir);
  const next = join(parent, `.${basename(layout.outDir)}.briefkit-next-${suffix()}`);
  await symlink(relative(parent, generation), next);
  await step(hook, 'link-made');
  await rename(next, layout.outDir);
  await step(hook, 'swapped');
  await rm(join(layout.stateDir, 'publish.json'), { force: true });
  await pruneGenerations(layout.generationsDir, [generation, previous]);
  await step(hook, 'cleaned');
}

/** Removes every generation but the ones kept (the new one and the one it replaced). */
async function pruneGenerations(dir: string, keep: (string | undefined)[]): Promise<void> {
  const kept = new Set(keep.filter((k): k is string => k !== undefined).map((k) => basename(k)));
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => e.startsWith(GENERATION_PREFIX) && !kept.has(e))
      .map((e) => rm(join(dir, e), { recursive: true, force: true })),
  );
}

async function publishInPlace(staging: Staging, hook: PublishHook): Promise<void> {
  const target = staging.layout.target as string;
  const old = `${IN_PLACE_PREFIX}old-${suffix()}`;
  const oldNames = await outputEntries(target);
  const newNames = await outputEntries(staging.dir);
  await step(hook, 'sealed');
  staging.sealed = true;
  await writeJournal(staging.layout.stateDir, {
    mode: 'in-place',
    staging: basename(staging.dir),
    old,
    oldNames,
    newNames,
  });
  await step(hook, 'journal-written');
  await finishInPlace(target, basename(staging.dir), old, oldNames, newNames, (name) => step(hook, name));
  await rm(join(staging.layout.stateDir, 'publish.json'), { force: true });
  await step(hook, 'cleaned');
}
