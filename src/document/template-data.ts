/**
 * The data a template sees: the dataset as it is, with every optional field the schema knows
 * present (as `null` when the data lacks it), so `{{#if budget}}` works in Handlebars' strict
 * mode while a misspelt field (`{{budjet}}`) is still an error. A programme's or a figure's
 * `administration` is the one it names, else the one in office at its date as far as the data
 * says (src/derive/administrations.ts), so a template groups and words it by that government. Strings are not escaped: what
 * a template prints never reaches the Markdown text as Markdown (literal.ts), and helpers
 * compare and sort the values as written.
 */
import type { z } from 'zod';
import { type Dataset, PolicyDataset, Publication } from '../dataset/schema.js';
import { recordAdministration } from '../derive/administrations.js';
import { qualifiedTotals } from '../derive/totals.js';
import { resolvedAnalysis } from './analysis-data.js';
import { isRecord } from './helper-args.js';
import type { FigureContent } from './model.js';

/** A chart the templates may place: the chart stage's catalogue entry. */
export interface ChartEntry {
  id: string;
  title: string;
  /** The alt text a figure of it carries when the template gives none. */
  description: string;
  /** What its figure node carries: data table, sources, notes, drawing, plot. */
  figure: FigureContent;
  /** Rows of the chart's table; 0: the chart has nothing to draw (templates leave it out). */
  rows?: number;
  /** The further parts of a chart whose rows take more than a page (src/charts/page-fit.ts). */
  continued?: ChartEntry[];
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

/** Deep copy of plain data (freezing the copy must not freeze the caller's dataset). */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = copyPlain(item);
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
 * one-pager, `sector` (the sector record, with optional fields filled). `analysis` has its
 * `basedOn` ids resolved to records (analysis-data.ts); `publication` is as given, filled.
 */
export function templateContext(
  dataset: Dataset,
  charts: readonly ChartEntry[],
  focus: Focus = {},
): TemplateContext {
  const base = filledDataset(dataset);
  const extra: Record<string, unknown> = { charts: frozenCharts(charts) };
  if (focus.sectorId !== undefined) {
    const sectors = Array.isArray(base.sectors) ? base.sectors : [];
    extra.sector = sectors.find((s) => isRecord(s) && s.id === focus.sectorId) ?? null;
  }
  return { ...base, ...extra };
}

/*
 * A build renders one model per sector from the same dataset: filling it once (not once per
 * document) keeps planning linear in the number of documents. The cached values are frozen,
 * so no helper can change what the next document sees. Module scope is safe: keyed by the
 * build's own dataset and chart list objects (each build reads its inputs afresh), gone with them.
 */
const datasets = new WeakMap<Dataset, Readonly<Record<string, unknown>>>();
const chartLists = new WeakMap<readonly ChartEntry[], unknown>();

function filledDataset(dataset: Dataset): Readonly<Record<string, unknown>> {
  let filled = datasets.get(dataset);
  if (!filled) {
    // Totals no surer than their parts (derive/totals.ts), as the derived tables show them.
    const value = copyPlain(fillOptional(PolicyDataset, qualifiedTotals(dataset)));
    const base = isRecord(value) ? withAdministrations(value, dataset) : {};
    // The analysis's `basedOn` ids become the records they name (analysis-data.ts).
    // A dataset built in code rather than parsed may lack `publication`: templates still read its fields.
    const publication = isRecord(base.publication)
      ? base.publication
      : fillOptional(Publication, { authors: [] });
    filled = deepFreeze({ ...base, analysis: resolvedAnalysis(base), publication });
    datasets.set(dataset, filled);
  }
  return filled;
}

/** Fills `administration` of programmes (by date or year) and investments (by date) from the terms. */
function withAdministrations(value: Record<string, unknown>, dataset: Dataset): Record<string, unknown> {
  const terms = dataset.administrations;
  const asOf = dataset.meta.asOf;
  const resolve = (list: unknown, yearCounts: boolean) =>
    Array.isArray(list)
      ? list.map((row: unknown) =>
          isRecord(row)
            ? { ...row, administration: recordAdministration(row, terms, asOf, { yearCounts }) ?? null }
            : row,
        )
      : list;
  return {
    ...value,
    programs: resolve(value.programs, true),
    investments: resolve(value.investments, false),
  };
}

function frozenCharts(charts: readonly ChartEntry[]): unknown {
  let copy = chartLists.get(charts);
  if (copy === undefined) {
    // Templates see what they print (id, title, alt text), not the figure's data.
    copy = deepFreeze(charts.map(({ id, title, description }) => ({ id, title, description })));
    chartLists.set(charts, copy);
  }
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
