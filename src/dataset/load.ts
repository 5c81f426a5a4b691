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

/** Validates a dataset from its bytes. Never throws on bad input. */
export function validateDatasetBytes(bytes: Uint8Array, file: string): DatasetResult {
  const shaped = validateYamlBytes(PolicyDataset, bytes, file);
  if (!shaped.value || !shaped.source) return { diagnostics: shaped.diagnostics };
  const referenceProblems = checkReferences(shaped.value, shaped.source);
  if (referenceProblems.length > 0) return { diagnostics: referenceProblems };
  // The brand marks that both shape and reference checks passed.
  return { dataset: shaped.value as Dataset, diagnostics: [] };
}

export function validateDatasetText(text: string, file: string): DatasetResult {
  return validateDatasetBytes(new TextEncoder().encode(text), file);
}

export async function loadDatasetFile(file: string): Promise<DatasetResult> {
  const read = await readInputFile(file);
  if (!read.bytes) return { diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  return validateDatasetBytes(read.bytes, file);
}
