/**
 * Drawing chart instances: bind → compile → SVG → PNG, named with the chart's title and alt
 * text. What a figure says about its chart (data, sources, notes, plot) is made before any
 * drawing, in figure-content.ts. Imported lazily: it loads vega.
 */

import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable } from '../derive/types.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { escapeXml } from '../text/xml.js';
import type { BuildFonts } from '../theme/build-fonts.js';
import { textMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { bindSpec } from './bind.js';
import { type BoundCharts, type ChartInstance, instanceTitle } from './catalogue.js';
import { compileBound } from './compile-once.js';
import { CompiledSpecs } from './compiled-specs.js';
import { transformedRows, withRows } from './dataflow.js';
import { renderPng, renderSvg, type TextBox } from './draw.js';
import { loadEngine } from './engine.js';
import { fieldProblems } from './field-check.js';
import { drawnTable } from './figure-content.js';
import { boundRowProblems, budgetDiagnostic, canvasProblems, checkTime } from './guards.js';
import { CHART_LIMITS, ChartBudgetError, type ChartLimits } from './limits.js';
import { nativeProblems } from './native-check.js';
import { afterPngDrawn } from './native-memory.js';
import { chartParts } from './page-fit.js';
import { LOG_AXIS_ROOM } from './scale-rule.js';
import { briefkitMeta, isObject, type JsonObject } from './spec-file.js';
import type { DrawnChart } from './types.js';

export interface DrawOptions {
  /** false: no PNG (an empty one), for checks that read only the SVG (test/fuzz/). */
  png?: boolean;
  /** The specs compiled so far in this build and thread (the build's session); absent: this drawing's own. */
  compiled?: CompiledSpecs;
}

/** What one chart's render produced, with the intermediate stages (for goldens and checks). */
export interface ChartRender {
  chart?: DrawnChart;
  vegaLite?: JsonObject;
  vega?: JsonObject;
  textBoxes: TextBox[];
  diagnostics: Diagnostic[];
}

/**
 * Renders one chart instance within the budgets (limits.ts); never throws on a bad spec: a
 * problem with the spec, or one vega or resvg throws, is a diagnostic at the spec file.
 */
export async function renderChart(
  instance: ChartInstance,
  tables: Record<string, DerivedTable>,
  dataset: Dataset,
  theme: Theme,
  fonts: BuildFonts,
  limits: ChartLimits = CHART_LIMITS,
  options: DrawOptions = {},
): Promise<ChartRender> {
  try {
    return await drawChart(instance, tables, dataset, theme, fonts, limits, options);
  } catch (cause) {
    if (cause instanceof ChartBudgetError)
      return { textBoxes: [], diagnostics: [budgetDiagnostic(cause, instance.spec)] };
    const message = cause instanceof Error ? cause.message : String(cause);
    const diagnostic = error('CHART_SPEC_INVALID', `the chart could not be drawn: ${message}`, {
      file: instance.spec.file,
      line: 1,
      column: 1,
      hint: 'check the spec against the Vega-Lite documentation',
    });
    return { textBoxes: [], diagnostics: [diagnostic] };
  }
}

async function drawChart(
  instance: ChartInstance,
  tables: Record<string, DerivedTable>,
  dataset: Dataset,
  theme: Theme,
  fonts: BuildFonts,
  limits: ChartLimits,
  options: DrawOptions,
): Promise<ChartRender> {
  const started = limits.now();
  const stack = fonts.stack(theme);
  const measurer = textMeasurer(stack);
  // A table that grows with the dataset is drawn in part, the rows a page holds (page-fit.ts);
  // its data table stays whole.
  // A chart not yet split draws its first part, as a part (on the scale all its parts share).
  const part = instance.drawn
    ? instance
    : (chartParts(instance, dataset, theme, measurer).instances[0] ?? instance);
  const limited = drawnTable(part, dataset, theme, measurer);
  const drawnInstance = { ...part, table: limited.table, whole: limited.whole };
  let bound = bindSpec(drawnInstance, tables, dataset, theme, measurer);
  if (!bound.spec) return { textBoxes: [], diagnostics: bound.diagnostics };
  const datasets = isObject(bound.spec.datasets) ? bound.spec.datasets : {};
  const rows = Object.fromEntries(
    Object.entries(datasets).map(([name, v]) => [name, Array.isArray(v) ? v : []]),
  );
  // The native chart's fields against the rows it reads: the kept rows after the spec's transforms.
  // A failed dataflow is reported by the drawing below; its native fields are not checked.
  const native =
    briefkitMeta(instance.spec.spec).native === undefined
      ? undefined
      : await transformedRows(instance, limited.table, tables, dataset, limits);
  const nativeTable = native?.rows ? withRows(limited.table, native.rows) : undefined;
  const tooMany = [
    ...boundRowProblems(instance.spec, rows, limits),
    ...(native ? nativeProblems([instance], () => nativeTable) : []),
    ...fieldProblems(instance.spec, rows),
  ];
  if (tooMany.length > 0) return { vegaLite: bound.spec, textBoxes: [], diagnostics: tooMany };
  const engine = await loadEngine();
  const kept = options.compiled ?? new CompiledSpecs();
  // Once per spec: another sector's chart of it is the same Vega over other rows (compile-once.ts).
  let compiled = compileBound(engine, bound.spec, instance.spec, kept);
  const diagnostics = [...bound.diagnostics, ...compiled.diagnostics];
  if (!compiled.vega) return { vegaLite: bound.spec, textBoxes: [], diagnostics };
  let drawn = await renderSvg(engine, compiled.vega, instance.spec, measurer, limits, started);
  // A log axis' labels were spaced for an assumed plot width (scale-rule.ts): drawn once more on
  // the width vega fitted, which the label column and any value labels beside the plot decide.
  const room = drawn.plotWidth;
  if (bound.logAxis && drawn.svg && room !== undefined && Math.abs(room - LOG_AXIS_ROOM) >= 1) {
    const again = bindSpec(drawnInstance, tables, dataset, theme, measurer, { logAxisRoom: room });
    const recompiled = again.spec ? compileBound(engine, again.spec, instance.spec, kept) : undefined;
    if (again.spec && recompiled?.vega) {
      const redrawn = await renderSvg(engine, recompiled.vega, instance.spec, measurer, limits, started);
      if (redrawn.svg) {
        bound = again;
        compiled = recompiled;
        drawn = redrawn;
      }
    }
  }
  diagnostics.push(...drawn.diagnostics);
  const oversize = drawn.svg ? canvasProblems(drawn, theme.chart.pngScale, instance.spec, limits) : [];
  diagnostics.push(...oversize);
  if (!drawn.svg || oversize.length > 0)
    return { vegaLite: bound.spec, vega: compiled.vega, textBoxes: [], diagnostics };
  checkTime(limits, started);
  const title = instanceTitle(instance, dataset);
  const png = options.png === false ? new Uint8Array() : renderPng(engine, drawn.svg, theme, stack);
  if (options.png !== false) await afterPngDrawn();
  const chart: DrawnChart = {
    id: instance.id,
    title,
    description: instance.table.summary,
    svg: withAccessibleName(drawn.svg, title, instance.table.summary),
    png,
    width: drawn.width,
    height: drawn.height,
  };
  return { chart, vegaLite: bound.spec, vega: compiled.vega, textBoxes: drawn.textBoxes, diagnostics };
}

/**
 * The drawing leaves its title to whatever places it (a caption, a slide title); the SVG file
 * still names itself: `<title>` and `<desc>` (the alt text) for screen readers and file viewers.
 */
export function withAccessibleName(svg: string, title: string, description: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) return svg;
  const head = svg.slice(0, open).replace(/^<svg\b/, '<svg role="img"');
  return `${head}><title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>${svg.slice(open + 1)}`;
}

/**
 * Draws the bound charts with the given ids, one at a time (vega's text metrics and SVG def ids
 * are per-thread globals). Never throws for a spec's fault: every chart asked for is drawn or
 * has an error diagnostic at its spec file, with line and column.
 */
export async function drawCharts(
  bound: BoundCharts,
  ids: readonly string[],
  dataset: Dataset,
  theme: Theme,
  fonts: BuildFonts,
  chartsDir: string,
  compiled: CompiledSpecs = new CompiledSpecs(),
): Promise<{ charts: DrawnChart[]; diagnostics: Diagnostic[] }> {
  const instances = new Map(bound.instances.map((i) => [i.id, i]));
  const measurer = textMeasurer(fonts.stack(theme));
  // A part of a chart split across figures (page-fit.ts) is found by splitting its chart.
  const partOf = (id: string): ChartInstance | undefined => {
    const base = bound.instances.find((i) => id.startsWith(`${i.id}-continued-`));
    if (!base) return undefined;
    return chartParts(base, dataset, theme, measurer).instances.find((part) => part.id === id);
  };
  const charts: DrawnChart[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const instance = instances.get(id) ?? partOf(id);
    if (!instance) {
      // Planning found this chart; the spec files read for drawing no longer have it.
      diagnostics.push(
        error('CHART_SPEC_INVALID', `chart "${id}" is no longer in the chart folder`, {
          file: chartsDir,
          hint: 'a spec was changed or removed during the build; build again',
        }),
      );
      continue;
    }
    const result = await renderChart(instance, bound.tables, dataset, theme, fonts, CHART_LIMITS, {
      compiled,
    });
    diagnostics.push(...result.diagnostics);
    if (result.chart) charts.push(result.chart);
    else if (!result.diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(
        error('CHART_SPEC_INVALID', `chart "${id}" drew nothing`, {
          file: instance.spec.file,
          line: 1,
          column: 1,
          hint: 'check the spec against the Vega-Lite documentation',
        }),
      );
  }
  return { charts, diagnostics };
}
