/**
 * Paths inside out/: a path that comes from a manifest or a config must name a place inside
 * out/ and nothing else. No absolute paths, no `..`, no backslashes (a Windows separator
 * would escape on one platform and not another), no empty segments.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

/** Why `relative` is not a safe path inside out/, or undefined when it is. */
export function unsafeOutPath(relative: string): string | undefined {
  if (relative === '' || relative === '.') return 'is empty';
  if (relative.includes('\\')) return 'contains a backslash';
  if (relative.includes('\0')) return 'contains a NUL character';
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative)) return 'is absolute';
  const segments = relative.split('/');
  if (segments.some((s) => s === '..')) return 'goes up with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  return undefined;
}

export class UnsafePathError extends Error {
  constructor(relative: string, reason: string) {
    super(`refusing to write "${relative}" outside out/: the path ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/** Joins a checked relative path to a folder; throws for an unsafe path. */
export function joinInside(dir: string, relative: string): string {
  const reason = unsafeOutPath(relative);
  if (reason) throw new UnsafePathError(relative, reason);
  return join(dir, ...relative.split('/'));
}

/**
 * True when `relative` names a regular file under `dir` reached without following any
 * symbolic link (a link inside out/ could point anywhere on the machine).
 */
export async function isPlainFileInside(dir: string, relative: string): Promise<boolean> {
  if (unsafeOutPath(relative)) return false;
  const segments = relative.split('/');
  let current = dir;
  for (const [i, segment] of segments.entries()) {
    current = join(current, segment);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return false;
    const last = i === segments.length - 1;
    if (last ? !info.isFile() : !info.isDirectory()) return false;
  }
  return true;
}
