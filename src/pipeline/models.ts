/**
 * Templates → document models for every planned job, in the main thread (Handlebars and
 * Markdown are cheap; the models' hashes are the documents' cache keys). Every template
 * problem of every document is collected before the build stops.
 */
import type { Dataset } from '../dataset/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel, type ChartEntry } from '../document/index.js';
import type { DocumentModel } from '../document/model.js';
import { rendererFor } from '../render/registry.js';
import type { DocumentJob } from './jobs.js';

export async function buildModels(
  jobs: DocumentJob[],
  dataset: Dataset,
  charts: ChartEntry[],
  templatesDir: string,
  projectDir: string,
): Promise<{ byJob: Map<string, DocumentModel>; diagnostics: Diagnostic[]; templateFiles: Set<string> }> {
  const byJob = new Map<string, DocumentModel>();
  const diagnostics: Diagnostic[] = [];
  // Every template and partial read: inputs of the build, hashed with what was read.
  const templateFiles = new Set<string>();
  const seen = new Set<string>();
  for (const job of jobs) {
    const input = { dataset, charts, templatesDir, template: job.template, baseDir: projectDir };
    const result =
      rendererFor(job.format).model === 'deck'
        ? await buildDeckModel(input)
        : job.sectorId !== undefined
          ? await buildSectorModel({ ...input, sectorId: job.sectorId })
          : await buildBriefingModel(input);
    // The same template error would repeat once per sector: report it once.
    for (const d of result.diagnostics) {
      const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
    if (result.model) byJob.set(job.id, result.model);
    for (const file of result.templateFiles ?? []) templateFiles.add(file);
  }
  return { byJob, diagnostics, templateFiles };
}
