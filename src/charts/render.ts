/**
 * Rendering chart instances: bind → compile → SVG → PNG, with the chart's alt text,
 * data table, sources, notes and (where one fits) a native chart. Imports vega lazily.
 */

import type { Dataset } from '../dataset/schema.js';
import { deriveTableSet } from '../derive/index.js';
import type { DerivedTable } from '../derive/types.js';
import { type Diagnostic, error } from '../diagnostics.js';
import { escapeXml } from '../text/xml.js';
import { textMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { fontStack } from '../theme/stack.js';
import { bindSpec } from './bind.js';
import { type ChartInstance, chartInstances, instanceTitle, listChartSpecs } from './catalogue.js';
import { compileSpec, renderPng, renderSvg, type TextBox } from './draw.js';
import { loadEngine } from './engine.js';
import { boundRowProblems, budgetDiagnostic, canvasProblems, checkTime } from './guards.js';
import { applyLimit, limitRule } from './limit.js';
import { CHART_LIMITS, ChartBudgetError, type ChartLimits } from './limits.js';
import { nativeChart } from './native.js';
import { nativeProblems } from './native-check.js';
import { afterPngDrawn } from './native-memory.js';
import { briefkitMeta, isObject, type JsonObject } from './spec-file.js';
import type { DataTable, RenderedChart } from './types.js';

export interface RenderOptions {
  chartsDir: string;
  /** Only these chart ids (the build redraws only what changed); all when absent. */
  only?: readonly string[];
}

/** What one chart's render produced, with the intermediate stages (for goldens and checks). */
export interface ChartRender {
  chart?: RenderedChart;
  vegaLite?: JsonObject;
  vega?: JsonObject;
  textBoxes: TextBox[];
  diagnostics: Diagnostic[];
}

function dataTable(table: DerivedTable): DataTable {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => table.columns.map((c) => row[c.name] ?? null)),
  };
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
  limits: ChartLimits = CHART_LIMITS,
): Promise<ChartRender> {
  try {
    return await drawChart(instance, tables, dataset, theme, limits);
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
  limits: ChartLimits,
): Promise<ChartRender> {
  const started = limits.now();
  const stack = fontStack(theme);
  const measurer = textMeasurer(stack);
  // A table that grows with the dataset is drawn in part (limit.ts); its data table stays whole.
  const limited = applyLimit(instance.table, limitRule(briefkitMeta(instance.spec.spec).limit));
  const bound = bindSpec({ ...instance, table: limited.table }, tables, dataset, theme, measurer);
  if (!bound.spec) return { textBoxes: [], diagnostics: bound.diagnostics };
  const datasets = isObject(bound.spec.datasets) ? bound.spec.datasets : {};
  const rows = Object.fromEntries(
    Object.entries(datasets).map(([name, v]) => [name, Array.isArray(v) ? v : []]),
  );
  const tooMany = [...boundRowProblems(instance.spec, rows, limits), ...nativeProblems([instance])];
  if (tooMany.length > 0) return { vegaLite: bound.spec, textBoxes: [], diagnostics: tooMany };
  const engine = await loadEngine();
  const compiled = compileSpec(engine, bound.spec, instance.spec);
  const diagnostics = [...bound.diagnostics, ...compiled.diagnostics];
  if (!compiled.vega) return { vegaLite: bound.spec, textBoxes: [], diagnostics };
  const drawn = await renderSvg(engine, compiled.vega, instance.spec, measurer, limits, started);
  diagnostics.push(...drawn.diagnostics);
  const oversize = drawn.svg ? canvasProblems(drawn, theme.chart.pngScale, instance.spec, limits) : [];
  diagnostics.push(...oversize);
  if (!drawn.svg || oversize.length > 0)
    return { vegaLite: bound.spec, vega: compiled.vega, textBoxes: [], diagnostics };
  checkTime(limits, started);
  const native = nativeChart(bound.meta.native, limited.table, theme);
  const title = instanceTitle(instance, dataset);
  const png = renderPng(engine, drawn.svg, theme, stack);
  await afterPngDrawn();
  const chart: RenderedChart = {
    id: instance.id,
    title,
    description: instance.table.summary,
    svg: withAccessibleName(drawn.svg, title, instance.table.summary),
    png,
    width: drawn.width,
    height: drawn.height,
    table: dataTable(instance.table),
    ...(native ? { native } : {}),
    sources: instance.table.sources,
    notes: limited.note ? [...instance.table.notes, limited.note] : instance.table.notes,
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

/** The charts of `chartsDir` (per-sector ones included), in spec-file order. */
export async function renderCharts(
  dataset: Dataset,
  theme: Theme,
  options: RenderOptions,
): Promise<{ charts: RenderedChart[]; diagnostics: Diagnostic[] }> {
  const { specs, diagnostics } = await listChartSpecs(options.chartsDir);
  const tables = deriveTableSet(dataset);
  const only = options.only ? new Set(options.only) : undefined;
  const instances = chartInstances(specs, tables, dataset).filter((i) => !only || only.has(i.id));
  const charts: RenderedChart[] = [];
  // One at a time: vega's text metrics and SVG def ids are process-global.
  for (const instance of instances) {
    const result = await renderChart(instance, tables, dataset, theme);
    diagnostics.push(...result.diagnostics);
    if (result.chart) charts.push(result.chart);
  }
  return { charts, diagnostics };
}

/** Every chart of `chartsDir`, per-sector ones included. */
export function renderAllCharts(
  dataset: Dataset,
  theme: Theme,
  options: { chartsDir: string },
): Promise<{ charts: RenderedChart[]; diagnostics: Diagnostic[] }> {
  return renderCharts(dataset, theme, { chartsDir: options.chartsDir });
}
