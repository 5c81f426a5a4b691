/**
 * The briefkit library API. The CLI is a thin shell over these functions.
 */

export { EXIT, type ExitCode } from './cli/exit-codes.js';
export { datasetJsonSchema } from './dataset/json-schema.js';
export { loadDatasetFile, validateDatasetBytes, validateDatasetText } from './dataset/load.js';
export { type ProvenanceSummary, provenanceLine } from './dataset/provenance/check.js';
export type { Dataset, RawDataset } from './dataset/schema.js';
export { PolicyDataset } from './dataset/schema.js';
export type { Diagnostic, DiagnosticCode } from './diagnostics.js';
export { formatDiagnostic } from './diagnostics.js';
export type * from './document/model.js';
export { silentProgress } from './pipeline/progress.js';
export { type BuildOptions, type BuildReport, build } from './pipeline/run-build.js';
export { loadTheme } from './theme/load.js';
export type { Theme } from './theme/schema.js';
