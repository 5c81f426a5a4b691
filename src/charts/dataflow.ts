/**
 * The rows a spec's marks draw, as vega computes them: the spec's top-level `transform`
 * (aggregate, calculate, fold, filter, window, …) run through vega's own dataflow, so the
 * deck's native chart (native.ts) is built from the very rows the Vega-Lite drawing uses and
 * the two can never disagree. A `native` block naming an aggregated or calculated field gets
 * its figures, not an empty chart.
 *
 * The spec is compiled as Vega-Lite with its data, its transforms and one mark, and run under
 * the same guards as a drawing (guards.ts: budgets, the expression interpreter, no loader);
 * the dataset the mark reads is what comes back. Layers' own transforms are the layers' business
 * (a filter that draws targets in outline): the native chart reads what every layer starts from.
 * Imported lazily: it loads vega.
 */
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ChartInstance } from './catalogue.js';
import { compileSpec, runDataflow } from './draw.js';
import { loadEngine } from './engine.js';
import { hasTransforms } from './figure-content.js';
import { CHART_LIMITS, type ChartLimits } from './limits.js';
import { isObject, type Json, type JsonObject, specTableNames } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';

/** A vega value as a table cell: numbers and text as they are, a date as its ISO text, the rest null. */
function cell(value: unknown): string | number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return null;
}

function asRow(tuple: unknown): Row {
  const row: Row = {};
  if (isObject(tuple as Json))
    for (const [key, value] of Object.entries(tuple as object)) row[key] = cell(value);
  return row;
}

/** The dataset the first mark of a compiled Vega spec reads (`marks[].from.data`), searching groups. */
function markData(node: Json): string | undefined {
  if (!isObject(node) || !Array.isArray(node.marks)) return undefined;
  for (const mark of node.marks) {
    if (!isObject(mark)) continue;
    if (mark.type !== 'group' && isObject(mark.from) && typeof mark.from.data === 'string')
      return mark.from.data;
    const inner = markData(mark);
    if (inner) return inner;
  }
  return undefined;
}

export interface TransformedRows {
  /** The rows the marks draw; undefined when the dataflow failed (see diagnostics). */
  rows?: Row[];
  diagnostics: Diagnostic[];
}

/**
 * The rows of `table` after the instance's spec transforms them. `tables` are the other tables
 * the spec names (a `lookup` may read them). A spec without transforms gets its rows back as
 * they are, without loading vega.
 */
export async function transformedRows(
  instance: ChartInstance,
  table: DerivedTable,
  tables: Record<string, DerivedTable>,
  dataset: Dataset,
  limits: ChartLimits = CHART_LIMITS,
): Promise<TransformedRows> {
  const { spec: file } = instance;
  if (!hasTransforms(file.spec)) return { rows: table.rows, diagnostics: [] };
  // Placeholders in expressions are filled as the drawing fills them; an unknown one is reported there (bind.ts).
  const transform = substitute(file.spec.transform ?? [], specTokens(dataset, instance.sector), () => {});
  const datasets: JsonObject = {};
  for (const name of specTableNames(file.spec)) {
    const rows = name === file.table ? table.rows : tables[name]?.rows;
    if (rows) datasets[name] = rows;
  }
  const probe: JsonObject = {
    data: { name: file.table },
    datasets,
    transform,
    mark: 'point',
  };
  const engine = await loadEngine();
  const compiled = compileSpec(engine, probe, file);
  if (!compiled.vega) return { diagnostics: compiled.diagnostics };
  const name = markData(compiled.vega);
  if (!name) return { diagnostics: compiled.diagnostics };
  const run = await runDataflow(engine, compiled.vega, file, limits, (view) => view.data(name));
  const diagnostics = [...compiled.diagnostics, ...run.diagnostics];
  if (!run.result) return { diagnostics };
  return { rows: (run.result as unknown[]).map(asRow), diagnostics };
}

/** `table` holding the transformed rows, with the columns those rows still have. */
export function withRows(table: DerivedTable, rows: Row[]): DerivedTable {
  const columns = table.columns.filter((c) => rows.some((row) => Object.hasOwn(row, c.name)));
  return { ...table, columns, rows };
}
