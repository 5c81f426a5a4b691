/**
 * The document stage's API: dataset + chart catalogue + templates → Briefing or Deck.
 * `renderModel` is pure (template texts in, model out); the `build*Model` functions only add
 * reading the template files.
 */

import type { Dataset } from '../dataset/schema.js';
import { formerAdministrations } from '../derive/administrations.js';
import { type Diagnostic, didYouMean, error } from '../diagnostics.js';
import { assembly } from './assemble.js';
import { assembleBriefing } from './briefing.js';
import { assembleDeck } from './deck.js';
import { type CompiledTemplates, renderTemplate, type TemplateSet } from './environment.js';
import { markdownItems } from './markdown.js';
import type { Briefing, Deck } from './model.js';
import { RenderState } from './render-state.js';
import { type ChartEntry, type Focus, templateContext } from './template-data.js';
import { readTemplateSet } from './template-files.js';

export interface ModelInput {
  dataset: Dataset;
  /** The chart catalogue: ids a template may place, with title and description (alt text). */
  charts: readonly ChartEntry[];
  templatesDir: string;
  /** Template file name inside `templatesDir`; each builder has its default. */
  template?: string;
  /** Template positions are named relative to this folder (default: the working directory). */
  baseDir?: string;
}

export interface ModelResult<T> {
  model?: T;
  diagnostics: Diagnostic[];
  /** The template and partial files read (the build hashes them as inputs). */
  templateFiles?: string[];
}

type Kind = 'briefing' | 'deck';

/** Pure: renders a template set over the dataset and assembles the model. */
export function renderModel(
  kind: 'briefing',
  dataset: Dataset,
  charts: readonly ChartEntry[],
  templates: TemplateSet,
  focus?: Focus,
  compiled?: CompiledTemplates,
): ModelResult<Briefing>;
export function renderModel(
  kind: 'deck',
  dataset: Dataset,
  charts: readonly ChartEntry[],
  templates: TemplateSet,
  focus?: Focus,
  compiled?: CompiledTemplates,
): ModelResult<Deck>;
export function renderModel(
  kind: Kind,
  dataset: Dataset,
  charts: readonly ChartEntry[],
  templates: TemplateSet,
  focus: Focus = {},
  compiled?: CompiledTemplates,
): ModelResult<Briefing | Deck> {
  const state = new RenderState(dataset.sources, charts, templates.mainName, {
    asOf: dataset.meta.asOf,
    ...(dataset.meta.fiscalYear ? { fiscalYear: dataset.meta.fiscalYear } : {}),
    administrations: new Map(dataset.administrations.map((a) => [a.id, a.name])),
    formerAdministrations: formerAdministrations(dataset.administrations, dataset.meta.asOf),
  });
  const context = templateContext(dataset, charts, focus);
  const rendered = renderTemplate(templates, context, state, compiled);
  if (!rendered.markdown) return { diagnostics: rendered.diagnostics };
  const a = assembly(state);
  const items = markdownItems(rendered.markdown, a);
  const model =
    kind === 'briefing' ? assembleBriefing(dataset, items, a, state) : assembleDeck(dataset, items, a, state);
  if (a.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: a.diagnostics };
  return { model, diagnostics: a.diagnostics };
}

export function buildBriefingModel(input: ModelInput): ModelResult<Briefing> {
  const templates = readTemplateSet(input.templatesDir, input.template ?? 'briefing.md.hbs', input.baseDir);
  if (!templates.set) return { diagnostics: templates.diagnostics };
  const result = renderModel('briefing', input.dataset, input.charts, templates.set);
  return { ...result, templateFiles: templates.files };
}

export function buildDeckModel(input: ModelInput): ModelResult<Deck> {
  const templates = readTemplateSet(input.templatesDir, input.template ?? 'deck.md.hbs', input.baseDir);
  if (!templates.set) return { diagnostics: templates.diagnostics };
  const result = renderModel('deck', input.dataset, input.charts, templates.set);
  return { ...result, templateFiles: templates.files };
}

/** A one-pager: the template sees the sector as `sector` (and everything else as usual). */
export function buildSectorModel(input: ModelInput & { sectorId: string }): ModelResult<Briefing> {
  const sector = input.dataset.sectors.find((s) => s.id === input.sectorId);
  if (!sector) {
    const guess = didYouMean(
      input.sectorId,
      input.dataset.sectors.map((s) => s.id),
    );
    return {
      diagnostics: [
        error('REF_UNKNOWN', `"${input.sectorId}" is not the id of any sector`, {
          hint: guess
            ? `did you mean "${guess}"?`
            : `use one of: ${input.dataset.sectors.map((s) => s.id).join(', ')}`,
        }),
      ],
    };
  }
  const templates = readTemplateSet(input.templatesDir, input.template ?? 'sector.md.hbs', input.baseDir);
  if (!templates.set) return { diagnostics: templates.diagnostics };
  const result = renderModel('briefing', input.dataset, input.charts, templates.set, { sectorId: sector.id });
  return { ...result, templateFiles: templates.files };
}
