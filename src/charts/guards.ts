/**
 * Budgets checked while vega runs (limits.ts), for what only the data decides: the rows a
 * transform makes, the size of an expression's sequence, the items drawn, the canvas. Each
 * guard stops the chart before the expensive step (the next dataflow operator, the SVG, the
 * PNG) and says where in the spec the work came from.
 */
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import { CHART_LIMITS, ChartBudgetError, type ChartLimits, formatCount, sequenceLength } from './limits.js';
import { type ChartSpecFile, isObject, type Json } from './spec-file.js';

type Path = (string | number)[];
type Vega = typeof import('vega');
type AnyFunction = (...args: unknown[]) => unknown;

/** The limits the guarded expression functions apply: the chart being drawn sets them. */
let active: ChartLimits = CHART_LIMITS;
/** Items the chart's expressions have made so far, against `expressionItems`. */
let spent = 0;

/** Starts a chart's budget for the guarded expression functions (one chart at a time per thread). */
export function useLimits(limits: ChartLimits): void {
  active = limits;
  spent = 0;
}

function spend(name: string, count: number): void {
  spent += count;
  if (spent > active.expressionItems)
    throw new ChartBudgetError(
      'expression',
      `the chart's expressions make over ${formatCount(active.expressionItems)} items in all (${name}() on every row adds up)`,
      name,
    );
}

/** vega-time's units, in milliseconds, to count a `timeSequence` before making it. */
const UNIT_MS: Record<string, number> = {
  year: 3.15e10,
  quarter: 7.8e9,
  month: 2.6e9,
  week: 6.048e8,
  date: 8.64e7,
  day: 8.64e7,
  dayofyear: 8.64e7,
  hours: 3.6e6,
  minutes: 6e4,
  seconds: 1e3,
  milliseconds: 1,
};

function refuseRows(name: string, count: number): void {
  if (!(count <= active.rows))
    throw new ChartBudgetError(
      'expression',
      `${name}() would make ${formatCount(count)} items; the budget is ${formatCount(active.rows)}`,
      name,
    );
  spend(name, count);
}

/**
 * The vega modules whose expression functions are wrapped already: a second install would wrap
 * the wrappers. Module scope is right here: vega's function table is process-wide, imported once
 * per thread (engine.ts), and the wrappers hold no build's data (they read `active`).
 */
const guarded = new WeakSet<Vega>();

/**
 * Wraps the expression functions whose output grows with an argument, so `sequence(0, 1e9)`
 * is refused before the array is made. vega's functions are process-wide; the wrappers read
 * the limits of the chart being drawn.
 */
export function installExpressionGuards(vega: Vega): void {
  if (guarded.has(vega)) return;
  guarded.add(vega);
  // Narrow cast at the library boundary: expressionFunction(name) returns the function.
  const lookup = vega.expressionFunction as unknown as (name: string) => AnyFunction;
  const original = (name: string) => lookup(name);
  const sequence = original('sequence');
  vega.expressionFunction('sequence', (...args: unknown[]) => {
    const [a = 0, b, c] = args.map(Number);
    const [start, stop, step] = args.length < 2 ? [0, a, 1] : [a, b ?? 0, args.length < 3 ? 1 : (c ?? 1)];
    refuseRows('sequence', sequenceLength(start, stop, step));
    return sequence(...args);
  });
  for (const name of ['timeSequence', 'utcSequence']) {
    const make = original(name);
    vega.expressionFunction(name, (unit: unknown, start: unknown, stop: unknown, step: unknown = 1) => {
      const ms = UNIT_MS[String(unit)];
      if (ms !== undefined)
        refuseRows(name, (Number(stop) - Number(start)) / (ms * Math.max(1, Number(step))));
      return make(unit, start, stop, step);
    });
  }
  const pad = original('pad');
  vega.expressionFunction('pad', (text: unknown, length: unknown, ...rest: unknown[]) => {
    if (!(Number(length) <= active.stringLength))
      throw new ChartBudgetError(
        'string',
        `pad() would make a string of ${formatCount(Number(length))} characters; the budget is ${formatCount(active.stringLength)}`,
        'pad',
      );
    spend('pad', Math.max(0, Number(length)));
    return pad(text, length, ...rest);
  });
  // join() grows with its items and its separator: measured before the string is made.
  const join = original('join');
  vega.expressionFunction('join', (list: unknown, separator: unknown = ',', ...rest: unknown[]) => {
    const items = Array.isArray(list) ? list : [];
    const gap = String(separator).length * Math.max(0, items.length - 1);
    const length = items.reduce((sum: number, item) => sum + String(item ?? '').length, gap);
    if (!(length <= active.stringLength))
      throw new ChartBudgetError(
        'string',
        `join() would make a string of ${formatCount(length)} characters; the budget is ${formatCount(active.stringLength)}`,
        'join',
      );
    spend('join', length);
    return join(list, separator, ...rest);
  });
}

interface PulseLike {
  add?: unknown;
  source?: unknown;
}
const sizeOf = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

/**
 * Checks the input of every dataflow operator before it runs: a table over the row budget
 * (a fold, flatten or impute that multiplied the rows) stops the run there, and so does the
 * time backstop. vega catches the error and logs it, and the logger reports it.
 */
export function guardDataflow(view: unknown, limits: ChartLimits, started: number): void {
  // Narrow cast at the library boundary: vega-typings do not declare the dataflow internals.
  const dataflow = view as { _getPulse(this: unknown, op: unknown, encode: unknown): PulseLike };
  const getPulse = dataflow._getPulse;
  dataflow._getPulse = function (op, encode) {
    const pulse = getPulse.call(this, op, encode);
    const rows = Math.max(sizeOf(pulse.add), sizeOf(pulse.source));
    if (rows > limits.rows)
      throw new ChartBudgetError(
        'rows',
        `a step of the chart makes ${formatCount(rows)} rows; the budget is ${formatCount(limits.rows)}`,
      );
    checkTime(limits, started);
    return pulse;
  };
}

export function checkTime(limits: ChartLimits, started: number): void {
  const elapsed = limits.now() - started;
  if (elapsed > limits.renderMs)
    throw new ChartBudgetError(
      'time',
      `the chart took over ${formatCount(limits.renderMs / 1000)} s to draw and was stopped`,
    );
}

interface SceneNode {
  items?: { items?: SceneNode[] }[];
}

/** Items in the scenegraph: every mark item, axis tick, label and gridline. */
export function countItems(node: SceneNode): number {
  let count = 0;
  for (const item of node.items ?? []) {
    count += 1;
    for (const child of item.items ?? []) count += countItems(child);
  }
  return count;
}

/** The path of the shallowest object holding `key` (breadth first), e.g. a layer's `transform`. */
function shallowest(root: Json, keys: readonly string[]): { path: Path; key: string } | undefined {
  let level: { node: Json; path: Path }[] = [{ node: root, path: [] }];
  while (level.length > 0) {
    const next: { node: Json; path: Path }[] = [];
    for (const { node, path } of level) {
      if (Array.isArray(node))
        for (const [i, item] of node.entries()) next.push({ node: item, path: [...path, i] });
      else if (isObject(node)) {
        const key = keys.find((k) => k in node);
        if (key) return { path, key };
        for (const [k, v] of Object.entries(node))
          if (k !== 'usermeta') next.push({ node: v, path: [...path, k] });
      }
    }
    level = next;
  }
  return undefined;
}

/** Where in the spec file a function is called, e.g. `sequence(` in a calculate. */
export function locateCall(spec: ChartSpecFile, name: string): Partial<Diagnostic> {
  let found: Path | undefined;
  const pattern = new RegExp(`\\b${name}\\s*\\(`);
  const visit = (node: Json, path: Path) => {
    if (found) return;
    if (typeof node === 'string' && pattern.test(node)) found = path;
    else if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...path, i]);
    else if (isObject(node)) for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  };
  visit(spec.spec, []);
  return found ? { ...spec.source.locate(found), path: formatPath(found) } : { line: 1, column: 1 };
}

/** Where a budget broken at run time points: the key the work most likely came from. */
export function locateKeys(spec: ChartSpecFile, keys: readonly string[]): Partial<Diagnostic> {
  const found = shallowest(spec.spec, keys);
  if (!found) return { line: 1, column: 1 };
  return { ...spec.source.locateKey(found.path, found.key), path: formatPath([...found.path, found.key]) };
}

const HINTS: Record<ChartBudgetError['kind'], string> = {
  rows: `a chart's tables have at most ${formatCount(CHART_LIMITS.rows)} rows: filter or aggregate before a fold, flatten or impute`,
  expression: 'make fewer items: a larger step or a smaller range',
  string: 'build shorter strings',
  time: 'draw less: fewer rows, marks or layers',
};

/** A budget error vega logged, as a diagnostic at the part of the spec it came from. */
export function budgetDiagnostic(cause: ChartBudgetError, spec: ChartSpecFile): Diagnostic {
  const where = cause.call
    ? locateCall(spec, cause.call)
    : cause.kind === 'rows'
      ? locateKeys(spec, ['transform', 'data'])
      : { line: 1, column: 1 };
  return error('CHART_BUDGET', cause.message, { file: spec.file, ...where, hint: HINTS[cause.kind] });
}

/** The drawing's size against the canvas and PNG budgets, before the PNG is made. */
export function canvasProblems(
  size: { width: number; height: number },
  pngScale: number,
  spec: ChartSpecFile,
  limits: ChartLimits,
): Diagnostic[] {
  const { width, height } = size;
  const where = { file: spec.file, ...locateKeys(spec, ['width', 'height', 'autosize']) };
  const px = (n: number) => `${formatCount(n)} px`;
  if (!(width <= limits.canvasPx && height <= limits.canvasPx))
    return [
      error(
        'CHART_BUDGET',
        `the chart is ${px(width)} × ${px(height)}; the budget is ${px(limits.canvasPx)} either way`,
        {
          ...where,
          hint: 'a smaller width, height or step (a step is multiplied by the number of categories)',
        },
      ),
    ];
  const pixels = width * height * pngScale * pngScale;
  if (!(pixels <= limits.pngPixels))
    return [
      error(
        'CHART_BUDGET',
        `the PNG would have ${formatCount(pixels)} pixels (${px(width)} × ${px(height)} at ${pngScale}×); the budget is ${formatCount(limits.pngPixels)}`,
        { ...where, hint: 'make the chart smaller, or lower theme chart.pngScale' },
      ),
    ];
  return [];
}

/** Where the spec names table `name` (`"data": {"name": …}`), at any depth. */
function locateDataName(spec: ChartSpecFile, name: string): Partial<Diagnostic> {
  let found: Path | undefined;
  const visit = (node: Json, path: Path) => {
    if (found) return;
    if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...path, i]);
    else if (isObject(node)) {
      if (isObject(node.data) && node.data.name === name) found = [...path, 'data', 'name'];
      else for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
    }
  };
  visit(spec.spec, []);
  return found ? { ...spec.source.locate(found), path: formatPath(found) } : { line: 1, column: 1 };
}

/** The tables a chart is bound to, against the row budget (no vega needed: planning checks too). */
export function boundRowProblems(
  spec: ChartSpecFile,
  tables: Readonly<Record<string, { length: number }>>,
  limits: ChartLimits,
): Diagnostic[] {
  return Object.entries(tables)
    .filter(([, rows]) => rows.length > limits.rows)
    .map(([name, rows]) =>
      error(
        'CHART_BUDGET',
        `table "${name}" has ${formatCount(rows.length)} rows; a chart draws at most ${formatCount(limits.rows)}`,
        {
          file: spec.file,
          ...locateDataName(spec, name),
          hint: 'draw a smaller table (e.g. one per sector with "perSector": true), or shorten the dataset',
        },
      ),
    );
}
