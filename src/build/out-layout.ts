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

export type PublishStep =
  | 'sealed'
  | 'journal-written'
  | 'legacy-moved'
  | 'link-made'
  | 'swapped'
  | 'old-moved-out'
  | 'new-moved-in'
  | 'cleaned';

/** Called after each step of a publish; a test seam for fault injection, unused in production. */
export type PublishHook = (step: PublishStep) => void | Promise<void>;

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

export async function layoutOf(outDir: string): Promise<OutLayout> {
  const stateDir = stateDirFor(outDir);
  const generationsDir = join(stateDir, 'generations');
  const base = { outDir, stateDir, generationsDir };
  const info = await lstat(outDir).catch(() => undefined);
  if (!info) return { ...base, mode: 'link' };
  if (info.isSymbolicLink()) {
    const target = resolve(dirname(outDir), await readlink(outDir));
    if (isInside(generationsDir, target)) {
      const exists = await stat(target).catch(() => undefined);
      return { ...base, mode: 'link', ...(exists?.isDirectory() ? { current: target } : {}) };
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
