/**
 * Templates → document models for every planned job, in the main thread (Handlebars and
 * Markdown are cheap; the models' hashes are the documents' cache keys). Every template
 * problem of every document is collected before the build stops. Each template (with its
 * partials) is read, parsed and compiled once per build, not once per document: a fanned-out
 * document renders the same template for every sector.
 */
import type { Dataset } from '../dataset/schema.js';
import { type Diagnostic, didYouMean, error } from '../diagnostics.js';
import { type ChartEntry, CompiledTemplates, readTemplateSet, renderModel } from '../document/index.js';
import type { DocumentModel } from '../document/model.js';
import { rendererFor } from '../render/registry.js';
import type { DocumentJob } from './jobs.js';

type TemplateRead = ReturnType<typeof readTemplateSet>;

/** A job's sector, or the REF_UNKNOWN a one-pager of an unknown sector gets (document/build-models.ts). */
function unknownSector(dataset: Dataset, sectorId: string): Diagnostic | undefined {
  const ids = dataset.sectors.map((s) => s.id);
  if (ids.includes(sectorId)) return undefined;
  const guess = didYouMean(sectorId, ids);
  return error('REF_UNKNOWN', `"${sectorId}" is not the id of any sector`, {
    hint: guess ? `did you mean "${guess}"?` : `use one of: ${ids.join(', ')}`,
  });
}

/**
 * `keep` turns each model into what the build holds of it, as soon as it is made: a large build
 * packs it (model-slot.ts) before the next one is built, so the models are never all alive.
 */
export async function buildModels<T>(
  jobs: DocumentJob[],
  dataset: Dataset,
  charts: ChartEntry[],
  templatesDir: string,
  projectDir: string,
  keep: (model: DocumentModel) => T,
): Promise<{ byJob: Map<string, T>; diagnostics: Diagnostic[]; templateFiles: Set<string> }> {
  const byJob = new Map<string, T>();
  const diagnostics: Diagnostic[] = [];
  // Every template and partial read: inputs of the build, hashed with what was read.
  const templateFiles = new Set<string>();
  const seen = new Set<string>();
  const templates = new Map<string, TemplateRead>();
  // Each template set parsed and compiled once for the build's documents.
  const compiled = new CompiledTemplates();
  const templateOf = (name: string): TemplateRead => {
    let read = templates.get(name);
    if (!read) {
      read = readTemplateSet(templatesDir, name, projectDir);
      templates.set(name, read);
    }
    return read;
  };
  for (const job of jobs) {
    const kind = rendererFor(job.format).model === 'deck' ? 'deck' : 'briefing';
    const read = templateOf(job.template);
    const missing = job.sectorId !== undefined ? unknownSector(dataset, job.sectorId) : undefined;
    const focus = kind === 'briefing' && job.sectorId !== undefined ? { sectorId: job.sectorId } : {};
    const result = missing
      ? { diagnostics: [missing] }
      : !read.set
        ? { diagnostics: read.diagnostics }
        : kind === 'deck'
          ? renderModel('deck', dataset, charts, read.set, focus, compiled)
          : renderModel('briefing', dataset, charts, read.set, focus, compiled);
    // The same template error would repeat once per sector: report it once.
    for (const d of result.diagnostics) {
      const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
    if ('model' in result && result.model) byJob.set(job.id, keep(result.model));
    if (!missing && read.set) for (const file of read.files) templateFiles.add(file);
  }
  return { byJob, diagnostics, templateFiles };
}
