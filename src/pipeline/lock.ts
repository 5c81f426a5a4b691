/**
 * One build at a time per out/ folder. The lock is proper-lockfile's: a directory made with
 * mkdir (atomic on every file system, shared volumes included) whose mtime is a lease the
 * holder renews every few seconds. A holder that dies stops renewing, and the lease expires
 * after LEASE_MS on any host; a holder on this host whose pid is gone is taken over at once.
 *
 * proper-lockfile's own stale takeover (stat, rmdir, mkdir) races when two builds find the
 * same stale lock: the second rmdir can remove the first one's fresh lock. Every acquisition
 * therefore runs under a short-lived guard directory, so takeovers happen one at a time.
 * A sibling `<lock>.owner.json` names the holder for messages only; nothing trusts it to be
 * complete (a full disk can leave it empty).
 */
import type { Stats } from 'node:fs';
import { lstat, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { readInputFile } from '../input/read-file.js';
import { isAlive, LEASE_MS, removeStaleTemps, writeAtomically } from './leftovers.js';

export { LEASE_MS } from './leftovers.js';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** A guard older than this was left by a process killed during the few ms it holds one. */
const GUARD_STALE_MS = 5_000;
const GUARD_WAIT_MS = 10_000;

export class LockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockInfo | undefined,
  ) {
    const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.started}` : 'holder unknown';
    super(
      `another build is running on this output folder (${who}; lock ${lockFile}); wait for it to finish. A lock whose holder died expires ${LEASE_MS / 1000} s after its last renewal`,
    );
    this.name = 'LockedError';
  }
}

export interface HeldLock {
  /** False once the lease was lost (renewal failed, or another process took the lock). */
  isHeld(): boolean;
  release(): Promise<void>;
}

async function readOwner(file: string): Promise<LockInfo | undefined> {
  try {
    // Through the input guard: a named pipe as the owner file would hang the build.
    const read = await readInputFile(`${file}.owner.json`);
    if (!read.bytes) return undefined;
    const parsed = JSON.parse(new TextDecoder().decode(read.bytes)) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? (parsed as LockInfo)
      : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Something at the guard's path that briefkit did not make: nothing removes it on its own. */
export class GuardError extends Error {
  constructor(guard: string, what: string) {
    super(
      `${guard} is not a guard briefkit made (it is ${what}; briefkit's is an empty folder that lives for milliseconds): builds cannot take the lock while it is there. If no build is running, remove it (rm -r "${guard}") and build again`,
    );
    this.name = 'GuardError';
  }
}

/** Why the entry at the guard's path cannot be a guard briefkit made, if it cannot. */
async function foreignGuard(guard: string, info: Stats): Promise<string | undefined> {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (!info.isDirectory()) return 'a file';
  const entries = await readdir(guard).catch(() => [] as string[]);
  return entries.length > 0
    ? `a folder with ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in it`
    : undefined;
}

/**
 * Removes a stale guard, but only the very one judged stale (same inode, same mtime). Two
 * builds can judge the same stale guard; the first removes it and makes a fresh one, and a
 * plain rmdir by the second would remove that fresh guard and let both in at once. The check
 * and the removal therefore run under a second folder (`<guard>.break`), held for the two
 * calls, so the second build finds the fresh guard and leaves it. A breaker left by a kill in
 * those microseconds is removed once it is stale in turn.
 */
export async function breakStaleGuard(guard: string, judged: Stats): Promise<boolean> {
  const breaker = `${guard}.break`;
  try {
    await mkdir(breaker);
  } catch {
    const info = await lstat(breaker).catch(() => undefined);
    const foreign = info ? await foreignGuard(breaker, info) : undefined;
    if (foreign) throw new GuardError(breaker, foreign);
    if (info && Date.now() - info.mtimeMs > GUARD_STALE_MS) await rmdir(breaker).catch(() => undefined);
    return false;
  }
  try {
    const now = await lstat(guard);
    if (now.ino !== judged.ino || now.mtimeMs !== judged.mtimeMs) return false;
    await rmdir(guard);
    return true;
  } catch {
    return false;
  } finally {
    await rmdir(breaker).catch(() => undefined);
  }
}

/** Runs `fn` holding the acquisition guard (an empty directory beside the lock). */
async function underGuard<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const guard = `${file}.guard`;
  const deadline = Date.now() + GUARD_WAIT_MS;
  for (;;) {
    try {
      await mkdir(guard);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    }
    const info = await lstat(guard).catch(() => undefined);
    if (info) {
      const foreign = await foreignGuard(guard, info);
      if (foreign) throw new GuardError(guard, foreign);
      // Removed the stale guard: try again at once (a fresh guard is never stale, so no spin).
      if (Date.now() - info.mtimeMs > GUARD_STALE_MS && (await breakStaleGuard(guard, info))) continue;
    }
    if (Date.now() > deadline) throw new LockedError(file, await readOwner(file));
    await sleep(20 + Math.random() * 30);
  }
  try {
    return await fn();
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

function lockOptions(file: string, onLost: () => void): lockfile.LockOptions {
  return {
    lockfilePath: file,
    realpath: false,
    stale: LEASE_MS,
    update: LEASE_MS / 5,
    retries: 0,
    onCompromised: onLost,
  };
}

/** Takes the lock or throws LockedError. */
export async function acquireLock(file: string): Promise<HeldLock> {
  await mkdir(dirname(file), { recursive: true });
  const ownerFile = `${file}.owner.json`;
  let held = true;
  const unlock = await underGuard(file, async () => {
    // Anything but a directory here is not a lock (an older briefkit's lock file, or one a
    // full disk left empty): it holds no lease, so it cannot prove a live holder.
    const existing = await lstat(file).catch(() => undefined);
    if (existing && !existing.isDirectory()) await rm(file, { force: true });
    const owner = await readOwner(file);
    // Same host, holder gone: its lease need not run out. We hold the guard, so no other
    // build can have re-taken the lock between this check and the removal.
    if (existing?.isDirectory() && owner && owner.host === hostname() && !isAlive(owner.pid)) {
      await rm(file, { recursive: true, force: true });
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(
        file,
        lockOptions(file, () => {
          held = false;
        }),
      );
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockedError(file, owner);
      throw cause;
    }
    // Written under the guard, so a later taker never reads the previous holder's pid here.
    const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    await writeAtomically(ownerFile, JSON.stringify(info));
    // Temporaries of owner files whose writers were killed; every writer holds this guard.
    await removeStaleTemps(ownerFile);
    return release;
  });
  return {
    isHeld: () => held,
    release: async () => {
      if (!held) return;
      held = false;
      // Best effort: the build is over (and may be published); a stale lock expires anyway.
      await rm(ownerFile, { force: true }).catch(() => undefined);
      await unlock().catch(() => undefined);
    },
  };
}
