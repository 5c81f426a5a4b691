/** The document stage: templates + dataset → the document model renderers read. */

export * from '../dataset/wording.js';
export type { ModelInput, ModelResult } from './build-models.js';
export { buildBriefingModel, buildDeckModel, buildSectorModel, renderModel } from './build-models.js';
export { checkModelGlyphs } from './coverage-files.js';
export { CompiledTemplates, type TemplateSet } from './environment.js';
export type { ShownText } from './shown-text.js';
export type { ChartEntry } from './template-data.js';
export { readTemplateSet, templateDependencies } from './template-files.js';
