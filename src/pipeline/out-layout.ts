/**
 * How out/ is kept, decided afresh at every build:
 *
 * - `link` (the usual case): out/ is a symbolic link to a complete generation folder under
 *   the state folder (`.briefkit/<out>/generations/gen-…`). A build fills a new generation
 *   and swaps the link with one rename(2), so a reader sees the old build or the new one,
 *   never a mix. The generation it replaced is kept until the next build, for readers that
 *   resolved out/ just before the swap. A plain out/ folder (an older briefkit, or made by
 *   hand) becomes a generation at the first publish.
 * - `in-place`: out/ is a mount point (tmpfs, a CI volume) or the user's own link to one; it
 *   cannot be replaced, so the build stages inside it (the only place on its file system)
 *   and moves entries in under a journal that the next start completes. Files are never
 *   half-written, but a reader may see two builds for the few milliseconds of the moves.
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export type OutMode = 'link' | 'in-place';

/**
 * The steps of a publish, for the test hook. Most name a step just done; the `-ing` ones are
 * called just before the operation they name, with the entry it concerns, so a test can make
 * that one operation fail.
 */
export type PublishStep =
  | 'sealed'
  | 'journal-written'
  | 'legacy-moved'
  | 'link-made'
  | 'swapped'
  | 'old-moved-out'
  | 'new-moved-in'
  | 'cleaned'
  /** In place: before one entry of the current build moves aside. */
  | 'moving-out'
  /** In place: before one entry of the new build moves into out/. */
  | 'moving-in'
  /** In place, undoing a failed publish: before one entry moves back where it was. */
  | 'moving-back'
  /** After the swap: before one leftover (a journal, an old build folder) is removed. */
  | 'cleaning';

/**
 * Called at each step of a publish: a test seam for fault injection, unused in production.
 * An InjectedFailure it throws stands for that operation failing (EACCES, ENOSPC) in a process
 * that lives on; anything else it throws stands for the process dying there.
 */
export type PublishHook = (step: PublishStep, entry?: string) => void | Promise<void>;

export const noHook: PublishHook = () => {};

/** Thrown by a test's publish hook: the operation at this step fails, the build goes on. */
export class InjectedFailure extends Error {
  readonly code: string;
  constructor(code = 'EACCES') {
    super(`${code}: injected failure`);
    this.name = 'InjectedFailure';
    this.code = code;
  }
}

/**
 * Wraps any other error of a publish hook: the test is simulating a process that died at that
 * step, so the build must not clean up after it (a dead process cannot).
 */
export class PublishInterrupted extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PublishInterrupted';
  }
}

export async function runHook(hook: PublishHook, step: PublishStep, entry?: string): Promise<void> {
  try {
    await hook(step, entry);
  } catch (cause) {
    if (cause instanceof InjectedFailure) throw cause;
    throw new PublishInterrupted(cause);
  }
}

/** A publish that failed once out/ was being changed; `outState` says what out/ holds now. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly outState: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

/** What out/ holds after a failure that changed nothing, or after a publish was undone. */
export const OUT_UNCHANGED = 'out/ was left as it was.';
export const OUT_PREVIOUS = 'out/ holds the previous build, as it was; nothing was published.';

export interface OutLayout {
  /** The path users read, from the config. */
  outDir: string;
  /** `.briefkit/<name of out>` beside out/: lock, journal, shaping store, generations. */
  stateDir: string;
  generationsDir: string;
  mode: OutMode;
  /** The folder holding the current build's files, if there is one. */
  current?: string;
  /** In `in-place` mode, the real folder the moves happen in. */
  target?: string;
}

export const STAGING_PREFIX = 'staging-';
export const GENERATION_PREFIX = 'gen-';
/** Entries briefkit keeps inside an in-place out/ while publishing; never outputs. */
export const IN_PLACE_PREFIX = '.briefkit-';

export function stateDirFor(outDir: string): string {
  return join(dirname(outDir), '.briefkit', basename(outDir));
}

export class OutDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutDirError';
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Every build folder lives under `.briefkit/<out>/generations`; a symbolic link anywhere on
 * that way would make briefkit create and prune build folders wherever it points.
 */
async function refuseLinkedStateFolders(outDir: string, generationsDir: string): Promise<void> {
  const briefkitDir = join(dirname(outDir), '.briefkit');
  for (const path of [briefkitDir, dirname(generationsDir), generationsDir]) {
    const info = await lstat(path).catch(() => undefined);
    if (info?.isSymbolicLink() || (info && !info.isDirectory()))
      throw new OutDirError(
        `${path} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}: briefkit keeps its build folders there and does not create or delete them through a link. Remove it (briefkit makes the folder) and build again`,
      );
  }
}

export async function layoutOf(outDir: string): Promise<OutLayout> {
  const stateDir = stateDirFor(outDir);
  const generationsDir = join(stateDir, 'generations');
  const base = { outDir, stateDir, generationsDir };
  await refuseLinkedStateFolders(outDir, generationsDir);
  const info = await lstat(outDir).catch(() => undefined);
  if (!info) return { ...base, mode: 'link' };
  if (info.isSymbolicLink()) {
    const target = resolve(dirname(outDir), await readlink(outDir));
    if (isInside(generationsDir, target)) {
      const entry = await lstat(target).catch(() => undefined);
      if (!entry) return { ...base, mode: 'link' };
      // Only a real folder briefkit made is read from (carried over) or kept.
      if (dirname(target) !== generationsDir || !entry.isDirectory())
        throw new OutDirError(
          `${outDir} points to ${target}, which is not a build folder briefkit made (a link, a file or a nested folder): remove ${outDir} and build again`,
        );
      return { ...base, mode: 'link', current: target };
    }
    // The user's own link (e.g. to a shared volume): publish into what it points to.
    const real = await realpath(outDir).catch(() => undefined);
    const realInfo = real ? await stat(real) : undefined;
    if (!real || !realInfo?.isDirectory())
      throw new OutDirError(`${outDir} is a symbolic link to something that is not a folder`);
    return { ...base, mode: 'in-place', current: real, target: real };
  }
  if (!info.isDirectory()) throw new OutDirError(`${outDir} exists and is not a folder: move it away`);
  const parent = await stat(dirname(outDir));
  if (parent.dev !== info.dev) return { ...base, mode: 'in-place', current: outDir, target: outDir };
  return { ...base, mode: 'link', current: outDir };
}
