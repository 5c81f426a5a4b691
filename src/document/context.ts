/**
 * The data a template sees. Two things make Handlebars' strict mode useful on it:
 * - every optional field the schema knows is present (as `null` when the data lacks it), so
 *   `{{#if budget}}` works while a misspelt field (`{{budjet}}`) is still an error;
 * - every string from the data is escaped for Markdown, so a name with `*`, `_`, `|` or `<`
 *   prints as written instead of turning into emphasis, a table cell or HTML.
 */
import type { z } from 'zod';
import { type Dataset, PolicyDataset } from '../dataset/schema.js';

export interface ChartEntry {
  id: string;
  title: string;
  description: string;
}

/** Internal zod 4 definition fields we read; narrow on purpose (a library boundary). */
interface ZodDefView {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
}

function defOf(schema: z.ZodType): ZodDefView {
  return (schema as unknown as { _zod: { def: ZodDefView } })._zod.def;
}

/** Adds `null` for every optional object key the schema declares and the value lacks. */
export function fillOptional(schema: z.ZodType, value: unknown): unknown {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
    return value === undefined || value === null ? (value ?? null) : fillOptional(def.innerType, value);
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.map((item) => fillOptional(element, item));
  }
  if (def.type === 'object' && def.shape && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(def.shape)) out[key] = fillOptional(field, value[key]);
    return out;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Backslash-escapes the ASCII punctuation that Markdown would otherwise interpret. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>#|~&]/g, (ch) => `\\${ch}`);
  // A value at the start of a line must not open a list, quote or heading.
  return inline.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Deep copy with every string escaped; keys are kept as own properties of plain objects. */
export function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeStrings);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = escapeStrings(item);
    return out;
  }
  return value;
}

export interface TemplateContext {
  [key: string]: unknown;
}

/** Which record a document is about: `sector` for a one-pager. */
export interface Focus {
  sectorId?: string;
}

/**
 * The root context: the dataset's collections, `charts` (the chart catalogue) and, for a
 * one-pager, `sector` (the sector record, with optional fields filled), all escaped.
 */
export function templateContext(
  dataset: Dataset,
  charts: readonly ChartEntry[],
  focus: Focus = {},
): TemplateContext {
  const base = escapedDataset(dataset);
  const extra: Record<string, unknown> = { charts: escapedCharts(charts) };
  if (focus.sectorId !== undefined) {
    const sectors = Array.isArray(base.sectors) ? base.sectors : [];
    extra.sector = sectors.find((s) => isRecord(s) && s.id === focus.sectorId) ?? null;
  }
  return { ...base, ...extra };
}

/*
 * A build renders one model per sector from the same dataset: filling and escaping it once
 * (not once per document) keeps planning linear in the number of documents. The cached
 * values are frozen, so no helper can change what the next document sees.
 */
const datasets = new WeakMap<Dataset, Readonly<Record<string, unknown>>>();
const chartLists = new WeakMap<readonly ChartEntry[], unknown>();

function escapedDataset(dataset: Dataset): Readonly<Record<string, unknown>> {
  let escaped = datasets.get(dataset);
  if (!escaped) {
    const filled = escapeStrings(fillOptional(PolicyDataset, dataset));
    escaped = deepFreeze(isRecord(filled) ? filled : {});
    datasets.set(dataset, escaped);
  }
  return escaped;
}

function escapedCharts(charts: readonly ChartEntry[]): unknown {
  let escaped = chartLists.get(charts);
  if (escaped === undefined) {
    escaped = deepFreeze(escapeStrings(charts.map((c) => ({ ...c }))));
    chartLists.set(charts, escaped);
  }
  return escaped;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
