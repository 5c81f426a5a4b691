/**
 * The plan: the config's documents expanded into jobs (one per output), filtered by
 * --only and --shard. Pure: no I/O.
 */
import type { Renderer, RenderOptions } from '../render/registry.js';
import type { ChartJob } from './chart-step.js';
import type { BuildConfig } from './config.js';
import type { JobKey } from './keys.js';
import type { ModelSlot } from './model-slot.js';

export interface DocumentJob {
  /** Unique job id: the document id, or `<id>-<sector>` for fanned-out documents. */
  id: string;
  /** The config entry's id (what --only matches besides the job id). */
  documentId: string;
  /** A registered renderer's format (render/registry.ts). */
  format: string;
  template: string;
  /** Output path relative to out/, forward slashes. */
  output: string;
  sectorId?: string;
  /** Resolved by the format's renderer from the entry's `params` and its config defaults. */
  options: RenderOptions;
}

/** A document job joined with what planning made for it: its model, its key, its charts. */
export interface PlannedDocument {
  kind: 'document';
  id: string;
  documentId: string;
  job: DocumentJob;
  model: ModelSlot;
  key: JobKey;
  /** Chart ids the model places, in order of first appearance. */
  chartIds: string[];
}

export interface PlannedChart extends ChartJob {
  kind: 'chart';
}

/** What the render step is handed: each job carries everything it needs, told apart by `kind`. */
export type PlannedJob = PlannedDocument | PlannedChart;

/**
 * `rendererFor` is passed in (prepare.ts gives the registry's): this module stays free of
 * the renderers, because the CLI's no-op fast path imports `parseShard` from it.
 */
export function planDocuments(
  config: BuildConfig,
  sectorIds: readonly string[],
  rendererFor: (format: string) => Pick<Renderer, 'resolveOptions'>,
): DocumentJob[] {
  const jobs: DocumentJob[] = [];
  for (const doc of config.documents) {
    const fannedOut = doc.for === 'sectors';
    const base = {
      documentId: doc.id,
      format: doc.format,
      template: doc.template,
      options: rendererFor(doc.format).resolveOptions(doc.params, config[doc.format], fannedOut),
    };
    if (fannedOut) {
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
