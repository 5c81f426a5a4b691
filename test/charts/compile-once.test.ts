import { describe, expect, it } from 'vitest';
import { compileBound } from '../../src/charts/compile-once.js';
import { CompiledSpecs } from '../../src/charts/compiled-specs.js';
import { compileSpec } from '../../src/charts/draw.js';
import { type Engine, loadEngine } from '../../src/charts/engine.js';
import type { ChartSpecFile, JsonObject } from '../../src/charts/spec-file.js';

// compileSpec reads the spec file only to place its diagnostics.
const specFile = {
  id: 'bars',
  file: '/charts/bars.vl.json',
  table: 'rows',
  perSector: true,
} as unknown as ChartSpecFile;

function bound(rows: JsonObject[], mark = 'bar'): JsonObject {
  return {
    datasets: { rows },
    data: { name: 'rows' },
    mark,
    encoding: { x: { field: 'name', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
  };
}

/** The engine with its Vega-Lite compiles counted. */
async function counting(): Promise<{ engine: Engine; compiles: () => number }> {
  const real = await loadEngine();
  let count = 0;
  const vegaLite = {
    ...real.vegaLite,
    compile: (...args: Parameters<Engine['vegaLite']['compile']>) => {
      count += 1;
      return real.vegaLite.compile(...args);
    },
  } as Engine['vegaLite'];
  return { engine: { ...real, vegaLite }, compiles: () => count };
}

describe('compiling a spec once for every table it is bound to', () => {
  const first = [
    { name: 'a', value: 1 },
    { name: 'b', value: 2 },
  ];
  const second = [
    { name: 'c', value: 30 },
    { name: 'd', value: 40 },
    { name: 'e', value: 50 },
  ];

  it('gives the Vega a compile of its own would, with its own rows, compiling once', async () => {
    const { engine, compiles } = await counting();
    const kept = new CompiledSpecs();
    const before = compiles();
    compileBound(engine, bound(first), specFile, kept);
    const reused = compileBound(engine, { ...bound([]), datasets: { rows: second } }, specFile, kept);
    expect(compiles() - before).toBe(1);
    const own = compileSpec(await loadEngine(), bound(second), specFile);
    expect(reused.vega).toEqual(own.vega);
    // The rows are the chart's own array, not a copy of the first chart's.
    const data = (reused.vega?.data ?? []) as JsonObject[];
    expect(data.filter((entry) => entry.values === second)).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('"name":"a"');
  });

  it('compiles again when anything but the rows differs', async () => {
    const { engine, compiles } = await counting();
    const kept = new CompiledSpecs();
    const before = compiles();
    compileBound(engine, bound(first, 'point'), specFile, kept);
    compileBound(engine, bound(first, 'tick'), specFile, kept);
    expect(compiles() - before).toBe(2);
  });

  it('keeps what it compiled in the store it is given, not for another build', async () => {
    const { engine, compiles } = await counting();
    const thisBuild = new CompiledSpecs();
    const before = compiles();
    compileBound(engine, bound(first), specFile, thisBuild);
    compileBound(engine, bound(second), specFile, new CompiledSpecs());
    expect(compiles() - before).toBe(2);
    compileBound(engine, bound(second), specFile, thisBuild);
    expect(compiles() - before).toBe(2);
  });
});
