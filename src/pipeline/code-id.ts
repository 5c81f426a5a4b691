/**
 * What the cache keys and the no-op check call "this briefkit": its version, plus a hash of its
 * compiled files when it runs from a dist that `npm run prepare` stamped (code-stamp-write.ts).
 * A build by changed code is then not "up to date", and its outputs are not kept from a build
 * by other code, though the version number did not change. Read once per process: one small
 * file. Unstamped (from the sources, under tsx): the version alone, as before.
 */
import { readFileSync } from 'node:fs';
import { BRIEFKIT_VERSION } from '../version.js';

/** Beside the compiled modules' root: dist/code-stamp.json. */
export const CODE_STAMP_URL = new URL('../code-stamp.json', import.meta.url);

function stampedHash(): string | undefined {
  try {
    const stamp = JSON.parse(readFileSync(CODE_STAMP_URL, 'utf8')) as { sha256?: unknown };
    return typeof stamp.sha256 === 'string' && /^[0-9a-f]{64}$/.test(stamp.sha256) ? stamp.sha256 : undefined;
  } catch {
    return undefined;
  }
}

const hash = stampedHash();

export const BRIEFKIT_CODE_ID = hash ? `${BRIEFKIT_VERSION}+${hash.slice(0, 16)}` : BRIEFKIT_VERSION;
