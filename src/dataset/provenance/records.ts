/** The records of a dataset that cite sources, with their collection and index for positions. */
import type { Citation, ShapedDataset } from '../schema.js';

/**
 * Every list whose records cite sources, in the schema's order; test/dataset/provenance/records.test.ts
 * checks it against the schema, so a record kind added there is not left unchecked here.
 */
export const CITING = [
  'administrations',
  'fields',
  'sectors',
  'programs',
  'targets',
  'investments',
  'indicators',
  'channels',
  'partners',
  'risks',
] as const;

export type CitingCollection = (typeof CITING)[number];

export interface CitingRecord {
  collection: CitingCollection;
  index: number;
  id: string;
  cite: readonly Citation[];
  record: Readonly<Record<string, unknown>>;
}

export function citingRecords(data: ShapedDataset): CitingRecord[] {
  return CITING.flatMap((collection) =>
    (data[collection] as readonly { id: string; cite: readonly Citation[] }[]).map((record, index) => ({
      collection,
      index,
      id: record.id,
      cite: record.cite,
      record: record as unknown as Record<string, unknown>,
    })),
  );
}
