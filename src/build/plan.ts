/**
 * The plan: the config's documents expanded into jobs (one per output), filtered by
 * --only and --shard. Pure: no I/O.
 */
import type { BuildConfig, DocumentConfig } from './config.js';

export interface DocumentJob {
  /** Unique job id: the document id, or `<id>-<sector>` for fanned-out documents. */
  id: string;
  /** The config entry's id (what --only matches besides the job id). */
  documentId: string;
  format: DocumentConfig['format'];
  template: string;
  /** Output path relative to out/, forward slashes. */
  output: string;
  sectorId?: string;
  variant: 'briefing' | 'one-pager';
  pageSize: 'A4' | 'LETTER';
  pdfa: boolean;
}

export function planDocuments(config: BuildConfig, sectorIds: readonly string[]): DocumentJob[] {
  const jobs: DocumentJob[] = [];
  for (const doc of config.documents) {
    const base = {
      documentId: doc.id,
      format: doc.format,
      template: doc.template,
      variant: doc.params.variant ?? (doc.for ? 'one-pager' : 'briefing'),
      pageSize: doc.params.pageSize ?? config.pdf.pageSize,
      pdfa: doc.params.pdfa ?? config.pdf.pdfa,
    } as const;
    if (doc.for === 'sectors') {
      for (const sectorId of sectorIds) {
        jobs.push({
          ...base,
          id: `${doc.id}-${sectorId}`,
          output: doc.output.replaceAll('{sector}', sectorId),
          sectorId,
        });
      }
    } else {
      jobs.push({ ...base, id: doc.id, output: doc.output });
    }
  }
  return jobs;
}

export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1-based). */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** A deterministic share: jobs sorted by id, dealt round-robin. Every job lands in exactly one shard. */
export function inShard<T extends { id: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Jobs matching --only (a job id or a document id); unknown names are reported. */
export function selectOnly<T extends { id: string; documentId?: string }>(
  items: readonly T[],
  only: readonly string[] | undefined,
): { selected: T[]; unknown: string[] } {
  if (!only || only.length === 0) return { selected: [...items], unknown: [] };
  const wanted = new Set(only);
  const selected = items.filter(
    (j) => wanted.has(j.id) || (j.documentId !== undefined && wanted.has(j.documentId)),
  );
  const known = new Set(items.flatMap((j) => [j.id, j.documentId ?? j.id]));
  return { selected, unknown: only.filter((o) => !known.has(o)) };
}
