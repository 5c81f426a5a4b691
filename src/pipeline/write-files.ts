/**
 * Writing the build's files so that a failure names the file. Node's error for a failed
 * write(2) carries no path ("ENOSPC: no space left on device, write"), so a full disk used to
 * reach the user as that line alone. Every staging write goes through here (Staging in
 * publish.ts, the document task in tasks.ts): an I/O error becomes BUILD_WRITE_FAILED at the
 * file, with what to do; the build discards its staging folder and exits 3.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** What an errno code means, in words, for the codes a write can meet. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EIO: 'the disk reported an input/output error',
  EFBIG: 'the file is too large for the file system',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on this system',
  ENOTDIR: 'a folder on its path is a file',
};

const HINTS: Record<string, string> = {
  ENOSPC:
    'the disk that holds this file is full: free some space (a build needs room for a whole new out/ beside the current one) and build again',
  EDQUOT: 'free some space within your quota, or ask for a larger one, and build again',
  EROFS: 'put the output folder (and .briefkit/ beside it) on a writable disk',
  EACCES: 'check that you may write to this folder (its owner and permissions), then build again',
  EPERM: 'check that you may write to this folder (its owner and permissions), then build again',
};

const DEFAULT_HINT = 'check the disk (free space, permissions, health) and build again';

/** Thrown by the writers below; carries the diagnostic the build reports. */
export class BuildWriteError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'BuildWriteError';
  }
}

function errnoCode(cause: unknown): string | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * The diagnostic for an I/O error writing `file` (shown in the message as `shown`, e.g.
 * `out/briefing.pdf`), or undefined when `cause` is not an I/O error (a bug passes through).
 */
export function writeFailure(file: string, shown: string, cause: unknown): Diagnostic | undefined {
  const code = errnoCode(cause);
  if (!code) return undefined;
  const reason = REASONS[code] ?? (cause instanceof Error ? cause.message : code);
  return {
    code: 'BUILD_WRITE_FAILED',
    severity: 'error',
    message: `${shown} could not be written: ${reason} (${code})`,
    file,
    hint: HINTS[code] ?? DEFAULT_HINT,
  };
}

/** Runs a file-system action that writes `file`; an I/O error becomes a BuildWriteError. */
export async function attemptWrite<T>(file: string, shown: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (cause) {
    const diagnostic = writeFailure(file, shown, cause);
    throw diagnostic ? new BuildWriteError(diagnostic) : cause;
  }
}

/** Writes a file of the build (its folder made first). */
export function writeBuildFile(file: string, shown: string, bytes: Uint8Array | string): Promise<void> {
  return attemptWrite(file, shown, async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  });
}
