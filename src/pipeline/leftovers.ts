/**
 * What builds leave beside their files, written and removed safely: small state files written
 * atomically through a temporary (`<file>.<pid>` by default; a kill can leave it, never a torn
 * file), the removal of temporaries whose writer is gone, and the removal of a folder only
 * when it is a real folder where briefkit put it (never through a symbolic link). Light: the
 * no-op fast path imports this module.
 */
import { lstat, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildWriteError, writeFailure } from './write-files.js';

/**
 * The build lock's lease (lock.ts): renewed every LEASE_MS / 5, stale when not renewed for
 * LEASE_MS. A temporary file older than this belongs to no live writer either.
 */
export const LEASE_MS = 30_000;

/** True when a process with this id runs on this machine (EPERM: it runs, as someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface AtomicWriteOptions {
  /**
   * The temporary's path, in the file's folder (a rename does not cross file systems); by
   * default `<file>.<pid>`, which `removeStaleTemps` clears after a kill. A temporary inside
   * out/ must start with `.briefkit-` (out-layout.ts IN_PLACE_PREFIX): no build carries it over.
   */
  temp?: string;
  /** The file as a failure's diagnostic names it (`out/manifest.json`); the path by default. */
  shown?: string;
}

/**
 * Writes `file` whole or not at all: a temporary, then one rename; the temporary is removed
 * when either fails. An I/O error (a full disk) is a BuildWriteError naming the file: Node's
 * own message for a failed write names no path. The one writer of briefkit's own small files
 * (the journal, the lock's owner, the last-build pointer, a merged manifest).
 */
export async function writeAtomically(
  file: string,
  text: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = options.temp ?? `${file}.${process.pid}`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    const shown = options.shown ?? file;
    const diagnostic = writeFailure(shown, shown, cause);
    throw diagnostic ? new BuildWriteError(diagnostic) : cause;
  }
}

/**
 * Removes the `<file>.<pid>` temporaries of writers that were killed: the process is gone, or
 * the file is older than the lease (a pid seen from another host on a shared volume means
 * nothing here, but its writer renames within milliseconds). Callers hold the lock or guard
 * under which such files are written, so a live writer is only ever this process.
 */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(entry.slice(prefix.length));
    if (!entry.startsWith(prefix) || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    const path = join(dir, entry);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (isAlive(pid) && Date.now() - info.mtimeMs <= LEASE_MS) continue;
    await rm(path, { force: true }).catch(() => undefined);
  }
}

/**
 * Why `dir/name` is not a folder briefkit may delete or publish: it must be a real folder (not
 * a symbolic link, not a file) directly inside `dir`, by real path too. Undefined when it is.
 */
export async function notRealFolderIn(dir: string, name: string): Promise<string | undefined> {
  const path = join(dir, name);
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 'does not exist';
  if (info.isSymbolicLink()) return 'is a symbolic link';
  if (!info.isDirectory()) return 'is not a folder';
  const [real, parent] = await Promise.all([realpath(path), realpath(dir)]);
  return dirname(real) === parent ? undefined : 'resolves outside the folder it is in';
}

/**
 * Removes a build folder of briefkit's (a generation, a staging folder) if it is a real
 * folder in `dir`; otherwise, or when the removal fails, says why and removes nothing more.
 */
export async function removeRealFolder(dir: string, name: string): Promise<string | undefined> {
  const refused = await notRealFolderIn(dir, name);
  if (refused === 'does not exist') return undefined;
  if (refused)
    return `${join(dir, name)} ${refused}; briefkit does not delete through it: remove it yourself`;
  try {
    await rm(join(dir, name), { recursive: true, force: true });
    return undefined;
  } catch (cause) {
    return `${join(dir, name)} could not be removed (${messageOf(cause)})`;
  }
}

export function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
