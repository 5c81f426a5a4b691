/** Shared test set-up: the shipped dataset, the fixture dataset and small in-memory templates. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { renderModel } from '../../src/document/build-models.js';
import type { TemplateSet } from '../../src/document/environment.js';
import type { Briefing, Deck, Inline } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TEMPLATES = join(ROOT, 'templates');
export const SHIPPED = join(ROOT, 'data', 'korea-emerging-tech.yaml');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'datasets', 'veloria-test-fixture.yaml');

export async function dataset(file = SHIPPED): Promise<Dataset> {
  const result = await loadDatasetFile(file);
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error(`${file} did not validate`);
  return result.dataset;
}

export function templates(main: string, partials: Record<string, string> = {}): TemplateSet {
  return {
    mainName: 'main.md.hbs',
    main,
    partials: new Map(
      Object.entries(partials).map(([name, text]) => [name, { file: `partials/${name}.md.hbs`, text }]),
    ),
  };
}

export function briefing(data: Dataset, main: string, partials: Record<string, string> = {}) {
  return renderModel('briefing', data, testCatalogue(data), templates(main, partials));
}

export function deck(data: Dataset, main: string, partials: Record<string, string> = {}) {
  return renderModel('deck', data, testCatalogue(data), templates(main, partials));
}

/** The model's readable text: inline runs joined, citations as [n]. */
export function runsText(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      if (r.type === 'text') return r.text;
      if (r.type === 'citation') return `[${r.number}]`;
      if (r.type === 'break') return '\n';
      return runsText(r.children);
    })
    .join('');
}

/** Every string in a model, for "contains / does not contain" checks. */
export function allText(model: Briefing | Deck): string {
  return JSON.stringify(model);
}

/** First paragraph text of a single-section briefing. */
export function firstParagraph(model: Briefing | undefined): string {
  const block = model?.sections[0]?.blocks.find((b) => b.type === 'paragraph');
  return block?.type === 'paragraph' ? runsText(block.children) : '';
}
