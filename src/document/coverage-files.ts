/**
 * The glyph check (coverage.ts) for a build: the theme's fonts, the dataset file and the
 * template files, read only when a character is missing.
 */
import type { Dataset } from '../dataset/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { readInputTextSync } from '../input/read-file.js';
import type { BuildFonts } from '../theme/build-fonts.js';
import type { Theme } from '../theme/schema.js';
import { themeCoverage } from '../theme/stack-coverage.js';
import { missingGlyphDiagnostics } from './coverage.js';
import type { DocumentModel } from './model.js';
import type { ShownText } from './shown-text.js';
import { templateTextByName } from './template-files.js';

export interface ModelGlyphInput {
  models: Iterable<DocumentModel>;
  /** The charts' text (src/charts/chart-text.ts), each at its spec file. */
  texts?: Iterable<ShownText>;
  dataset: Dataset;
  theme: Theme;
  /** The build's fonts: the stack the renderers draw with. */
  fonts: BuildFonts;
  /** The dataset file, named as its own diagnostics name it. */
  datasetFile: string;
  /** The folder template positions are relative to (the project). */
  baseDir: string;
}

export function checkModelGlyphs(input: ModelGlyphInput): Diagnostic[] {
  return missingGlyphDiagnostics({
    models: input.models,
    ...(input.texts ? { texts: input.texts } : {}),
    dataset: input.dataset,
    coverage: themeCoverage(input.theme, input.fonts),
    datasetFile: input.datasetFile,
    // Through the guard (src/input/read-file.ts), like every input: the file was loaded that way,
    // but it is read again here, and may have been replaced by a pipe since.
    datasetText: () => readInputTextSync(input.datasetFile).text,
    templateText: (name) => templateTextByName(name, input.baseDir),
  });
}
