/**
 * Load and validate a dataset: bytes → text → YAML → shape (zod) → references → provenance.
 * `validateDatasetBytes` is pure (no provenance: it reads no source file); `loadDatasetFile`
 * is the only part that reads files: the dataset, then its sources' stored texts.
 */
import type { Diagnostic } from '../diagnostics.js';
import { readInputFile, validateYamlBytes } from '../input/load-yaml-file.js';
import type { YamlSource } from '../input/yaml.js';
import { checkProvenance, type ProvenanceSummary } from './provenance/check.js';
import { checkReferences } from './references.js';
import { type Dataset, PolicyDataset } from './schema.js';

export interface DatasetResult {
  dataset?: Dataset;
  diagnostics: Diagnostic[];
  /** What the provenance check found (loadDatasetFile only). */
  provenance?: ProvenanceSummary;
  /** The sources' stored files (absolute), inputs of a build like the dataset itself. */
  sourceFiles?: string[];
}

function validated(bytes: Uint8Array, file: string): DatasetResult & { yaml?: YamlSource } {
  const shaped = validateYamlBytes(PolicyDataset, bytes, file);
  if (!shaped.source) return { diagnostics: shaped.diagnostics };
  // References are checked on the shaped value when there is one, else on the raw data.
  const referenceProblems = checkReferences(shaped.value ?? shaped.source.data, shaped.source);
  const diagnostics = byPosition([...shaped.diagnostics, ...referenceProblems]);
  if (diagnostics.some((d) => d.severity === 'error') || !shaped.value) return { diagnostics };
  // The brand marks that both shape and reference checks passed; warnings go with the dataset.
  return { dataset: shaped.value as Dataset, diagnostics, yaml: shaped.source };
}

/**
 * Validates a dataset from its bytes. Never throws on bad input. When the YAML reads,
 * shape and reference problems are reported together, in the order they appear in the file.
 */
export function validateDatasetBytes(bytes: Uint8Array, file: string): DatasetResult {
  const { yaml: _yaml, ...result } = validated(bytes, file);
  return result;
}

/** Sorts by line and column; the sort is stable, so problems at one spot keep their order. */
function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function validateDatasetText(text: string, file: string): DatasetResult {
  return validateDatasetBytes(new TextEncoder().encode(text), file);
}

/** Reads, validates and checks the provenance of a dataset: its quotes against its sources' stored texts. */
export async function loadDatasetFile(file: string): Promise<DatasetResult> {
  const read = await readInputFile(file);
  if (!read.bytes) return { diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  const { yaml, ...result } = validated(read.bytes, file);
  if (!result.dataset || !yaml) return result;
  const provenance = await checkProvenance(result.dataset, yaml);
  const { summary, sourceFiles } = provenance;
  // Warnings (same money not linked, sources that disagree) are said, and the dataset stays valid.
  const diagnostics = byPosition([...result.diagnostics, ...provenance.diagnostics]);
  if (diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics, provenance: summary, sourceFiles };
  return { ...result, diagnostics, provenance: summary, sourceFiles };
}
