/**
 * The budgets a chart spec is drawn within. A spec is an analyst's program: without limits
 * `"sequence": {"stop": 30000000}` ran V8 out of memory and `"width": 200000` asked resvg for
 * gigabytes. Most limits are checked on the spec before vega runs (static-budgets.ts); what
 * only the data decides is checked while vega runs and before the SVG and the PNG are made
 * (guards.ts). docs/templates.md lists them for analysts.
 */

export interface ChartLimits {
  /** Rows of any table a chart sees: bound from the dataset, generated, or after a transform. */
  rows: number;
  /** Width or height of the drawing, padding included, in CSS pixels. */
  canvasPx: number;
  /** Pixels of the PNG: width × height × theme.chart.pngScale². */
  pngPixels: number;
  /** Items in the drawing (marks, axis ticks, labels, gridlines), counted before the SVG. */
  marks: number;
  /** An axis' or legend's `tickCount`, a colour scheme's `count`. */
  ticks: number;
  /** Views a `repeat` makes (rows × columns). */
  views: number;
  /** Length of a string an expression builds with `pad()`. */
  stringLength: number;
  /**
   * Items (and `pad()` characters) all of a chart's expressions make together: a calculate
   * runs once per row, so `sequence(0, 10000)` on 10,000 rows would make 100 million.
   */
  expressionItems: number;
  /** Fields a `fold` turns into rows: each row becomes one row per field. */
  foldFields: number;
  /** Bytes of a spec file. */
  specBytes: number;
  /**
   * A backstop, not the budget: the limits above bound the work, and this stops a chart that
   * still takes longer, at the next step of vega's dataflow or between drawing stages.
   */
  renderMs: number;
  /** The clock `renderMs` is measured with (tests pass their own). */
  now: () => number;
}

export const CHART_LIMITS: ChartLimits = {
  rows: 10_000,
  canvasPx: 4_000,
  pngPixels: 32_000_000,
  marks: 25_000,
  ticks: 1_000,
  views: 100,
  stringLength: 10_000,
  expressionItems: 100_000,
  foldFields: 100,
  specBytes: 1_000_000,
  renderMs: 60_000,
  now: () => performance.now(),
};

export type BudgetKind = 'rows' | 'expression' | 'string' | 'time';

/**
 * Thrown inside vega (from a guarded expression function or between dataflow steps) to stop
 * the run; vega logs it as an error, and the chart's logger turns it into a CHART_BUDGET.
 */
export class ChartBudgetError extends Error {
  constructor(
    readonly kind: BudgetKind,
    message: string,
    /** The expression function that exceeded its budget, to point at its call in the spec. */
    readonly call?: string,
  ) {
    super(message);
    this.name = 'ChartBudgetError';
  }
}

/** The number of items `sequence(start, stop, step)` makes, as d3-array's `range` counts them. */
export function sequenceLength(start: number, stop: number, step: number): number {
  const n = Math.ceil((stop - start) / step);
  return Number.isNaN(n) ? 0 : Math.max(0, n);
}

export const formatCount = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'unbounded';
