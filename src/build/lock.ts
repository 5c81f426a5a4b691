/**
 * One build at a time per out/ folder: an exclusive lock file holding the owner's pid.
 * A lock whose process is gone (a killed build) is stale and is taken over.
 */

import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

export class LockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockInfo | undefined,
  ) {
    super(
      `another build is running on this output folder (pid ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}, lock ${lockFile}); wait for it to finish`,
    );
    this.name = 'LockedError';
  }
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

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' ? (parsed as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws LockedError. Returns a release function. */
export async function acquireLock(file: string): Promise<() => Promise<void>> {
  await mkdir(dirname(file), { recursive: true });
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(info));
      await handle.close();
      return async () => {
        const holder = await readLock(file);
        if (holder?.pid === process.pid) await rm(file, { force: true });
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      const holder = await readLock(file);
      const stale = holder === undefined ? false : holder.host === info.host && !isAlive(holder.pid);
      if (!stale || attempt > 0) throw new LockedError(file, holder);
      await rm(file, { force: true });
    }
  }
  throw new LockedError(file, undefined);
}
