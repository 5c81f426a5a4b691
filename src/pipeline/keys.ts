/**
 * Cache keys: a hash over everything a document's bytes depend on. The model already
 * folds in the dataset and the templates it used; charts add their own keys.
 */
import { figureBlocks } from '../document/figures.js';
import type { DocumentModel } from '../document/model.js';
import type { Theme } from '../theme/schema.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { hashParts, sha256, stableJson } from './hash.js';
import type { DocumentJob } from './jobs.js';

export interface JobKey {
  key: string;
  inputs: Record<string, string>;
}

/** One hash of the font files (installed-package inputs) a build used. */
export function fontsHash(inputFiles: Record<string, string>): string {
  return sha256(
    Object.entries(inputFiles)
      .filter(([file]) => file.startsWith('pkg:'))
      .map(([file, hash]) => `${file}=${hash}`)
      .sort()
      .join('\n'),
  );
}

/** Chart ids a model places, in order of first appearance. */
export function chartIdsOf(model: DocumentModel): string[] {
  return [...new Set(figureBlocks(model).map((figure) => figure.chartId))];
}

/**
 * What a job's bytes depend on besides its model: its fields with its renderer's options
 * beside them (flat, so a PDF job hashes as it did before the options had their own field).
 */
function jobIdentity(job: DocumentJob): Record<string, unknown> {
  const { options, ...fields } = job;
  return { ...options, ...fields };
}

/** What a document's key needs of its model, taken while the model is at hand (it may be packed after). */
export interface ModelFacts {
  hash: string;
  /** Chart ids the model places, in order of first appearance. */
  chartIds: string[];
}

export function modelFacts(model: DocumentModel): ModelFacts {
  return { hash: sha256(stableJson(model)), chartIds: chartIdsOf(model) };
}

export function documentKeys(input: {
  docs: DocumentJob[];
  models: ReadonlyMap<string, ModelFacts>;
  chartKeys: ReadonlyMap<string, string>;
  inputFiles: Record<string, string>;
  date: Date;
  theme: Theme;
}): Map<string, JobKey> {
  const themeHash = sha256(stableJson(input.theme));
  const fonts = fontsHash(input.inputFiles);
  const keys = new Map<string, JobKey>();
  for (const job of input.docs) {
    const model = input.models.get(job.id);
    if (!model) continue;
    const inputs: Record<string, string> = {
      model: model.hash,
      theme: themeHash,
      fonts,
      job: sha256(stableJson(jobIdentity(job))),
      date: input.date.toISOString(),
      briefkit: BRIEFKIT_VERSION,
    };
    for (const id of model.chartIds) inputs[`chart:${id}`] = input.chartKeys.get(id) ?? 'missing';
    keys.set(job.id, { key: hashParts(inputs), inputs });
  }
  return keys;
}
