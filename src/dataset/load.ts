/**
 * Load and validate a dataset: bytes → text → YAML → shape (zod) → references.
 * `validateDatasetBytes` is pure; `loadDatasetFile` is the only part that reads a file.
 */
import type { Diagnostic } from '../diagnostics.js';
import { readInputFile, validateYamlBytes } from '../input/load-yaml-file.js';
import { checkReferences } from './references.js';
import { type Dataset, PolicyDataset } from './schema.js';

export interface DatasetResult {
  dataset?: Dataset;
  diagnostics: Diagnostic[];
}

/**
 * Validates a dataset from its bytes. Never throws on bad input. When the YAML reads,
 * shape and reference problems are reported together, in the order they appear in the file.
 */
export function validateDatasetBytes(bytes: Uint8Array, file: string): DatasetResult {
  const shaped = validateYamlBytes(PolicyDataset, bytes, file);
  if (!shaped.source) return { diagnostics: shaped.diagnostics };
  // References are checked on the shaped value when there is one, else on the raw data.
  const referenceProblems = checkReferences(shaped.value ?? shaped.source.data, shaped.source);
  const diagnostics = byPosition([...shaped.diagnostics, ...referenceProblems]);
  if (diagnostics.length > 0 || !shaped.value) return { diagnostics };
  // The brand marks that both shape and reference checks passed.
  return { dataset: shaped.value as Dataset, diagnostics: [] };
}

/** Sorts by line and column; the sort is stable, so problems at one spot keep their order. */
function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function validateDatasetText(text: string, file: string): DatasetResult {
  return validateDatasetBytes(new TextEncoder().encode(text), file);
}

export async function loadDatasetFile(file: string): Promise<DatasetResult> {
  const read = await readInputFile(file);
  if (!read.bytes) return { diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  return validateDatasetBytes(read.bytes, file);
}
