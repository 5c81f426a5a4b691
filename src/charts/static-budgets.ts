/**
 * Budgets checked on the spec itself, before vega sees it (limits.ts): the sizes, generated
 * rows and tick counts a spec states outright. A spec over budget is refused at the key that
 * states it, so nothing has to be stopped halfway. `usermeta` is briefkit's (its wrap widths
 * are not canvas sizes) and is not checked here.
 */
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import { type ChartLimits, formatCount, sequenceLength } from './limits.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

type Path = (string | number)[];

/** Keys whose number (or `{step}`) is a size in pixels on the canvas. */
const SIZE_KEYS = [
  'width',
  'height',
  'continuousWidth',
  'continuousHeight',
  'discreteWidth',
  'discreteHeight',
];

/** vega's own signals: a param of that name would resize the canvas past the checks below. */
const RESERVED_PARAMS = new Set(['width', 'height', 'padding', 'autosize', 'background']);

/** Milliseconds of d3-time's intervals, for a `tickCount` given as an interval. */
const INTERVAL_MS: Record<string, number> = {
  millisecond: 1,
  second: 1e3,
  minute: 6e4,
  hour: 3.6e6,
  day: 8.64e7,
  week: 6.048e8,
  month: 2.6e9,
  quarter: 7.8e9,
  year: 3.15e10,
};
const DAY_MS = 8.64e7;

/** NaN and infinities (YAML's `.nan`, `.inf`) fail every budget: `!(value <= limit)`. */
const over = (value: Json | undefined, limit: number): boolean =>
  typeof value === 'number' && !(value <= limit);

const num = (value: Json | undefined, fallback: number): number | undefined =>
  value === undefined ? fallback : typeof value === 'number' ? value : undefined;

class BudgetCheck {
  readonly problems: Diagnostic[] = [];
  constructor(
    private readonly source: YamlSource,
    private readonly limits: ChartLimits,
  ) {}

  refuse(path: Path, message: string, hint: string): void {
    this.problems.push(
      error('CHART_BUDGET', message, {
        file: this.source.file,
        ...this.source.locate(path),
        path: formatPath(path),
        hint,
      }),
    );
  }

  sizes(node: JsonObject, path: Path): void {
    const { canvasPx } = this.limits;
    const hint = `a chart is at most ${formatCount(canvasPx)} px wide and high (padding included)`;
    for (const key of SIZE_KEYS) {
      const value = node[key];
      if (over(value, canvasPx)) this.refuse([...path, key], `${key} ${value} px is over the budget`, hint);
      if (isObject(value) && over(value.step, canvasPx))
        this.refuse([...path, key, 'step'], `a step of ${value.step} px is over the budget`, hint);
    }
    if (path.at(-1) === 'view' && over(node.step, canvasPx))
      this.refuse([...path, 'step'], `a step of ${node.step} px is over the budget`, hint);
    const padding = node.padding;
    if (over(padding, canvasPx))
      this.refuse([...path, 'padding'], `padding ${padding} px is over the budget`, hint);
    if (isObject(padding))
      for (const side of ['left', 'right', 'top', 'bottom'])
        if (over(padding[side], canvasPx))
          this.refuse([...path, 'padding', side], `padding ${padding[side]} px is over the budget`, hint);
  }

  /** `{start, stop, step}` as a data generator or an impute's keyvals: numbers, within the row budget. */
  sequence(params: Json | undefined, path: Path, what: string): void {
    if (!isObject(params)) return;
    const start = num(params.start, 0);
    const stop = num(params.stop, Number.NaN);
    const step = num(params.step, 1);
    if (start === undefined || stop === undefined || step === undefined) {
      this.refuse(path, `${what}: start, stop and step must be numbers`, 'write the bounds as numbers');
      return;
    }
    const count = sequenceLength(start, stop, step);
    if (!(count <= this.limits.rows))
      this.refuse(
        'stop' in params ? [...path, 'stop'] : path,
        `${what} makes ${formatCount(count)} rows; the budget is ${formatCount(this.limits.rows)}`,
        'generate fewer rows (a larger step or a smaller range)',
      );
  }

  /** d3-geo's graticule: lines from its steps, points from its precision. */
  graticule(value: Json | undefined, path: Path): void {
    if (value === undefined || value === false) return;
    const g = isObject(value) ? value : {};
    const pair = (v: Json | undefined, fallback: [number, number]) =>
      Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')
        ? (v as number[])
        : fallback;
    const minor = pair(g.stepMinor ?? g.step, [10, 10]);
    const major = pair(g.stepMajor, [90, 360]);
    const precision = num(g.precision, 2.5) ?? Number.NaN;
    const lines = [minor, major].reduce((sum, [x = 1, y = 1]) => sum + 360 / x + 180 / y, 0);
    const points = lines * (180 / precision);
    if (!(lines <= this.limits.rows && points <= this.limits.rows * 100))
      this.refuse(
        path,
        `the graticule draws about ${formatCount(lines)} lines of ${formatCount(180 / precision)} points`,
        'use larger steps and a precision of at least 1 degree',
      );
  }

  transforms(node: JsonObject, path: Path): void {
    const { rows } = this.limits;
    const rowHint = `a chart's tables have at most ${formatCount(rows)} rows`;
    if (typeof node.density === 'string')
      for (const key of ['steps', 'minsteps', 'maxsteps'])
        if (over(node[key], rows))
          this.refuse([...path, key], `density ${key} ${node[key]} is over the row budget`, rowHint);
    if (typeof node.quantile === 'string' && typeof node.step === 'number' && !(1 / node.step <= rows))
      this.refuse(
        [...path, 'step'],
        `a quantile step of ${node.step} makes ${formatCount(1 / node.step)} rows`,
        rowHint,
      );
    if (typeof node.impute === 'string') this.sequence(node.keyvals, [...path, 'keyvals'], 'impute keyvals');
    const fold = node.fold;
    if (Array.isArray(fold) && fold.length > this.limits.foldFields)
      this.refuse(
        [...path, 'fold'],
        `a fold of ${fold.length} fields makes ${fold.length} rows of each row`,
        `fold at most ${this.limits.foldFields} fields`,
      );
    this.bins(node, path);
  }

  /**
   * A bin `step` makes (extent / step) bins, and vega draws a scale boundary for each: without
   * an extent the count depends on the data, and 0.000001 ran out of memory. `maxbins` and
   * `steps` bound the count themselves.
   */
  bins(node: JsonObject, path: Path): void {
    const { ticks } = this.limits;
    const hint = `give "extent": [min, max] with the step, or "maxbins" (at most ${ticks} bins)`;
    const counted = (step: Json | undefined, from: Json | undefined, to: Json | undefined, where: Path) => {
      if (typeof step !== 'number') return;
      if (typeof from !== 'number' || typeof to !== 'number')
        this.refuse(where, 'a bin step needs an extent, so that the number of bins is known', hint);
      else if (!(sequenceLength(from, to, step) <= ticks))
        this.refuse(where, `the bins make ${formatCount(sequenceLength(from, to, step))} bins`, hint);
    };
    const bin = node.bin;
    if (isObject(bin)) {
      if (over(bin.maxbins, ticks))
        this.refuse(
          [...path, 'bin', 'maxbins'],
          `maxbins ${bin.maxbins} is over the budget of ${ticks}`,
          hint,
        );
      const extent = Array.isArray(bin.extent) ? bin.extent : [];
      counted(bin.step, extent[0], extent[1], [...path, 'bin', 'step']);
    }
    // A scale's own bins: {step, start, stop} (a list is counted like any list).
    const bins = node.bins;
    if (isObject(bins)) counted(bins.step, bins.start, bins.stop, [...path, 'bins', 'step']);
  }

  ticks(node: JsonObject, path: Path): void {
    const { ticks } = this.limits;
    const count = node.tickCount;
    const where = [...path, 'tickCount'];
    const hint = `a number up to ${ticks}, or a time interval of a day or longer ("day", "month", {"interval": "week", "step": 2})`;
    if (count !== undefined) {
      const interval = typeof count === 'string' ? count : isObject(count) ? count.interval : undefined;
      const step = isObject(count) ? num(count.step, 1) : 1;
      if (typeof count === 'number') {
        if (!(count <= ticks)) this.refuse(where, `tickCount ${count} is over the budget`, hint);
      } else if (typeof interval !== 'string' || step === undefined || !(INTERVAL_MS[interval] !== undefined))
        this.refuse(where, 'tickCount must be a number or a time interval', hint);
      else if (!((INTERVAL_MS[interval] ?? 0) * step >= DAY_MS))
        this.refuse(
          where,
          `ticks every ${step === 1 ? '' : `${step} `}${interval} can make millions of ticks`,
          hint,
        );
    }
    const scheme = node.scheme;
    if (
      isObject(scheme) &&
      scheme.count !== undefined &&
      !(typeof scheme.count === 'number' && scheme.count <= ticks)
    )
      this.refuse(
        [...path, 'scheme', 'count'],
        `a scheme count must be a number up to ${ticks}`,
        'ask for fewer colours',
      );
  }

  structure(node: JsonObject, path: Path): void {
    const repeat = node.repeat;
    const lists = Array.isArray(repeat) ? [repeat] : isObject(repeat) ? Object.values(repeat) : [];
    const views = lists.reduce<number>(
      (n, list) => n * (Array.isArray(list) ? Math.max(1, list.length) : 1),
      1,
    );
    if (!(views <= this.limits.views))
      this.refuse(
        [...path, 'repeat'],
        `repeat makes ${formatCount(views)} views`,
        `at most ${this.limits.views} views`,
      );
    const params = node.params;
    if (Array.isArray(params))
      params.forEach((param, i) => {
        if (isObject(param) && typeof param.name === 'string' && RESERVED_PARAMS.has(param.name))
          this.refuse(
            [...path, 'params', i, 'name'],
            `a param may not be named "${param.name}"`,
            'vega sizes the chart with this signal; give the param another name',
          );
      });
  }

  visit(node: Json, path: Path): void {
    if (Array.isArray(node)) {
      if (!(node.length <= this.limits.rows))
        this.refuse(
          path,
          `a list of ${formatCount(node.length)} items is over the budget`,
          `lists in a spec hold at most ${formatCount(this.limits.rows)} items`,
        );
      else for (const [i, item] of node.entries()) this.visit(item, [...path, i]);
      return;
    }
    if (!isObject(node)) return;
    this.sizes(node, path);
    this.sequence(node.sequence, [...path, 'sequence'], 'the sequence');
    this.graticule(node.graticule, [...path, 'graticule']);
    this.transforms(node, path);
    this.ticks(node, path);
    this.structure(node, path);
    for (const [key, value] of Object.entries(node))
      if (key !== 'usermeta') this.visit(value, [...path, key]);
  }
}

/** Every budget the spec breaks on its face, each at the key that breaks it. */
export function checkStaticBudgets(spec: JsonObject, source: YamlSource, limits: ChartLimits): Diagnostic[] {
  const check = new BudgetCheck(source, limits);
  check.visit(spec, []);
  return check.problems;
}
