/**
 * The glyph check (coverage.ts) for a build: the theme's fonts, the dataset file and the
 * template files, read only when a character is missing.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../dataset/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { themeCoverage } from '../theme/coverage.js';
import type { Theme } from '../theme/schema.js';
import { missingGlyphDiagnostics } from './coverage.js';
import type { DocumentModel } from './model.js';
import { templateTextByName } from './template-files.js';

export interface ModelGlyphInput {
  models: Iterable<DocumentModel>;
  dataset: Dataset;
  theme: Theme;
  /** The dataset file, named as its own diagnostics name it. */
  datasetFile: string;
  /** The folder template positions are relative to (the project). */
  baseDir: string;
}

export function checkModelGlyphs(input: ModelGlyphInput): Diagnostic[] {
  return missingGlyphDiagnostics({
    models: input.models,
    dataset: input.dataset,
    coverage: themeCoverage(input.theme),
    datasetFile: input.datasetFile,
    datasetText: () => {
      try {
        return readFileSync(input.datasetFile, 'utf8').replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
    templateText: (name) => templateTextByName(name, input.baseDir),
  });
}
