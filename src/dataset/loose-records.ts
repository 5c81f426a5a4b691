/**
 * Reading the dataset defensively: the relation and same-money checks (relation-checks.ts,
 * same-money.ts) also run after a failed shape check, so they read plain values, never the
 * parsed types.
 */
import type { Diagnostic } from '../diagnostics.js';

export type Path = (string | number)[];
export type Loose = Record<string, unknown>;
/** Where a dataset path is in its file. */
export type At = (path: Path) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

export function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of a top-level list, each a plain object (anything else reads as `{}`). */
export function records(data: unknown, name: string): Loose[] {
  const list = isLoose(data) ? data[name] : undefined;
  return Array.isArray(list) ? list.map((item) => (isLoose(item) ? item : {})) : [];
}

export const textOf = (record: Loose, key: string) =>
  typeof record[key] === 'string' ? record[key] : undefined;
