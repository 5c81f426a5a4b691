/** Content hashes: the cache keys and the manifest's checksums. */
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A stable JSON text: object keys sorted, so equal values always hash equally. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

/** Hash of several named parts; the names keep "ab"+"c" apart from "a"+"bc". */
export function hashParts(parts: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(parts).sort()) {
    const value = parts[name] ?? '';
    hash.update(`${name}\0${value.length}\0${value}\0`);
  }
  return hash.digest('hex');
}
