/**
 * The inputs' hashes keyed by what the file system says about each file, so a rebuild reads
 * and hashes only the files that changed (the fonts are tens of megabytes; reading them made a
 * no-op rebuild peak at 110 MB). Kept in the build's state folder (`.briefkit/<out>/`) and
 * written after a build is published; the no-op fast path only reads it. Light imports only.
 *
 * When a stamp is trusted (the rule git's index uses): the size, inode, device, mtime and ctime
 * (to the nanosecond) all equal the recorded ones. A tool can set a file's mtime back (`touch -d`,
 * `cp -p`, `rsync -t`, a checkout that restores times), but not its ctime: every write and every
 * change of the times sets the ctime to now. So new content of the same size with an older mtime
 * still changes the stamp and is hashed again. One case is left: a file changed within the file
 * system's timestamp tick after it was stamped would keep its stamp; so a file whose ctime is
 * less than RACY_MS old when it is stamped is not stamped at all (it is hashed next time).
 */
import type { BigIntStats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const STAMPS_FILE = 'input-stamps.json';
const STAMPS_VERSION = 1;

/** Two seconds: coarser than any file system's timestamps (FAT's are 2 s). */
export const RACY_MS = 2000;

interface Stamp {
  /** size, ino, dev, mtimeNs, ctimeNs joined: one string compares all five. */
  stat: string;
  sha256: string;
}

const stampOf = (info: BigIntStats) =>
  [info.size, info.ino, info.dev, info.mtimeNs, info.ctimeNs].map(String).join(':');

export class InputStamps {
  private readonly fresh = new Map<string, Stamp>();
  private recordedAny = false;

  constructor(
    private readonly known: ReadonlyMap<string, Stamp> = new Map(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The recorded hash of `file` when its stamp is unchanged. */
  lookup(file: string, info: BigIntStats): string | undefined {
    const stamp = this.known.get(file);
    if (!stamp || stamp.stat !== stampOf(info)) return undefined;
    this.fresh.set(file, stamp);
    return stamp.sha256;
  }

  /** Records the hash of the bytes read from `file`, whose stat was taken before the read. */
  record(file: string, info: BigIntStats, sha256: string): void {
    if (!info.isFile()) return;
    const ctimeMs = Number(info.ctimeNs / 1_000_000n);
    if (ctimeMs >= this.now() - RACY_MS) return;
    this.fresh.set(file, { stat: stampOf(info), sha256 });
    this.recordedAny = true;
  }

  /** Whether a file was hashed and stamped since these stamps were read: they are worth saving. */
  get recorded(): boolean {
    return this.recordedAny;
  }

  /** The stamps of this build's inputs (looked up or recorded), written by temp file + rename. */
  async save(stateDir: string): Promise<void> {
    const entries = Object.fromEntries([...this.fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await mkdir(stateDir, { recursive: true });
    const file = join(stateDir, STAMPS_FILE);
    const temp = `${file}.briefkit-${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ version: STAMPS_VERSION, entries })}\n`);
    await rename(temp, file);
  }

  /** The stamps of the last published build; none when the file is missing or not ours. */
  static async read(stateDir: string, now?: () => number): Promise<InputStamps> {
    try {
      const parsed = JSON.parse(await readFile(join(stateDir, STAMPS_FILE), 'utf8')) as unknown;
      const known = new Map<string, Stamp>();
      if (!isRecord(parsed) || parsed.version !== STAMPS_VERSION || !isRecord(parsed.entries))
        return new InputStamps(known, now);
      for (const [file, stamp] of Object.entries(parsed.entries)) {
        if (isRecord(stamp) && typeof stamp.stat === 'string' && typeof stamp.sha256 === 'string')
          known.set(file, { stat: stamp.stat, sha256: stamp.sha256 });
      }
      return new InputStamps(known, now);
    } catch {
      return new InputStamps(new Map(), now);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
