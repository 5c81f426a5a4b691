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
import { lstat, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** The lease: renewed every LEASE_MS / 5; a lock not renewed for LEASE_MS is stale. */
export const LEASE_MS = 30_000;
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockInfo | undefined> {
  try {
    const parsed = JSON.parse(await readFile(`${file}.owner.json`, 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? (parsed as LockInfo)
      : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` holding the acquisition guard (a directory beside the lock). */
async function underGuard<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const guard = `${file}.guard`;
  const deadline = Date.now() + GUARD_WAIT_MS;
  for (;;) {
    try {
      await mkdir(guard);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const age = await stat(guard).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
      else if (Date.now() > deadline) throw new LockedError(file, await readOwner(file));
      else await sleep(20 + Math.random() * 30);
    }
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
    await writeFile(`${ownerFile}.${process.pid}`, JSON.stringify(info));
    await rename(`${ownerFile}.${process.pid}`, ownerFile);
    return release;
  });
  return {
    isHeld: () => held,
    release: async () => {
      if (!held) return;
      held = false;
      await rm(ownerFile, { force: true });
      await unlock().catch(() => undefined);
    },
  };
}
