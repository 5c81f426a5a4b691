/**
 * Compiling a chart spec once for every table it is bound to. Vega-Lite does not read the rows
 * of a spec's `datasets`: the Vega it writes names each dataset's rows by reference (that data
 * entry's `values` is the very array bound). So the same spec bound to another sector's rows
 * compiles to the same Vega with those rows: the compiled Vega is kept, keyed by the bound spec
 * without its rows, and each chart gets a copy with its own rows put back. One spec over 100
 * sectors compiles once, not 100 times; the Vega is the same as a compile of its own would be.
 * What is kept lives in a `CompiledSpecs` the caller passes (the build's session), not here.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { CompiledWithoutRows as Compiled, CompiledSpecs } from './compiled-specs.js';
import { compileSpec } from './draw.js';
import type { Engine } from './engine.js';
import { type ChartSpecFile, isObject, type JsonObject } from './spec-file.js';

/** The bound spec without its rows (their dataset names stay), and the file it came from. */
function keyOf(bound: JsonObject, spec: ChartSpecFile): string | undefined {
  const datasets = bound.datasets;
  if (datasets !== undefined && !isObject(datasets)) return undefined;
  const names = Object.keys(datasets ?? {});
  return JSON.stringify([spec.file, { ...bound, datasets: names }]);
}

/** The compiled Vega without the rows, if each data entry with rows holds one dataset's array. */
function withoutRows(vega: JsonObject, bound: JsonObject): Compiled | undefined {
  const datasets = isObject(bound.datasets) ? bound.datasets : {};
  const data = vega.data;
  if (!Array.isArray(data)) return undefined;
  const rowsOf = new Map<number, string>();
  const entries: JsonObject[] = [];
  for (const [i, entry] of data.entries()) {
    if (!isObject(entry)) return undefined;
    if (!Array.isArray(entry.values)) {
      entries.push(entry);
      continue;
    }
    const name = Object.keys(datasets).find((n) => datasets[n] === entry.values);
    // Rows Vega-Lite copied or reshaped: this spec is compiled every time.
    if (name === undefined) return undefined;
    rowsOf.set(i, name);
    entries.push({ ...entry, values: [] });
  }
  return { vega: structuredClone({ ...vega, data: entries }), rowsOf };
}

function withRows(compiled: Compiled, bound: JsonObject): JsonObject {
  const datasets = isObject(bound.datasets) ? bound.datasets : {};
  const vega = structuredClone(compiled.vega);
  const data = vega.data as JsonObject[];
  for (const [i, name] of compiled.rowsOf) (data[i] as JsonObject).values = datasets[name] ?? [];
  return vega;
}

/**
 * `compileSpec` (draw.ts), once per spec without its rows in `kept`. A compile that reported anything is
 * not kept: its diagnostics point into the spec file, and come from compiling it again.
 */
export function compileBound(
  engine: Engine,
  bound: JsonObject,
  spec: ChartSpecFile,
  kept: CompiledSpecs,
): { vega?: JsonObject; diagnostics: Diagnostic[] } {
  const key = keyOf(bound, spec);
  const known = key === undefined ? undefined : kept.get(key);
  if (known) return { vega: withRows(known, bound), diagnostics: [] };
  const compiled = compileSpec(engine, bound, spec);
  if (key === undefined || !compiled.vega || compiled.diagnostics.length > 0) return compiled;
  const template = withoutRows(compiled.vega, bound);
  if (template) kept.keep(key, template);
  return compiled;
}
