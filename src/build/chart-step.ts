/**
 * Charts in the build: each chart instance (a spec bound to one derived table) is a job
 * with its own key, so a change to one sector's data redraws only that sector's charts.
 * Planning needs no vega; drawing imports the chart renderer lazily.
 */
import {
  type ChartCatalogueEntry,
  type ChartInstance,
  chartInstances,
  instanceTitle,
  listChartSpecs,
} from '../charts/catalogue.js';
import { boundRowProblems } from '../charts/guards.js';
import { CHART_LIMITS, type ChartLimits } from '../charts/limits.js';
import { nativeProblems } from '../charts/native-check.js';
import { specTableNames } from '../charts/spec-file.js';
import type { RenderedChart } from '../charts/types.js';
import type { Dataset } from '../dataset/schema.js';
import { type DerivedTable, deriveTableSet } from '../derive/index.js';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Theme } from '../theme/schema.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { hashParts, sha256, stableJson } from './hash.js';

export interface ChartJob {
  /** `chart:<chartId>`; --only charts selects every chart. */
  id: string;
  documentId: 'charts';
  chartId: string;
  outputs: [string, string];
  key: string;
  inputs: Record<string, string>;
}

export interface ChartPlan {
  catalogue: ChartCatalogueEntry[];
  jobs: ChartJob[];
  /** Chart id → key, for the keys of the documents that place the chart. */
  keys: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Per thread: the spec files and derived tables, bound once per dataset (tasks draw one chart each). */
const bound = new WeakMap<
  Dataset,
  Promise<{
    instances: Map<string, ChartInstance>;
    tables: Record<string, DerivedTable>;
    diagnostics: Diagnostic[];
  }>
>();

export async function chartJobs(
  dataset: Dataset,
  theme: Theme,
  chartsDir: string,
  limits: ChartLimits = CHART_LIMITS,
): Promise<ChartPlan> {
  const { specs, diagnostics } = await listChartSpecs(chartsDir);
  const tables = deriveTableSet(dataset);
  const instances = chartInstances(specs, tables, dataset);
  // A table over the row budget is known before any drawing: report it with the other spec problems.
  for (const instance of instances)
    diagnostics.push(...boundRowProblems(instance.spec, boundTables(instance, tables), limits));
  // So is a native chart field its table lacks (once per spec, not once per sector).
  diagnostics.push(...nativeProblems(instances));
  // When this thread draws too, it reuses what planning just derived.
  bound.set(
    dataset,
    Promise.resolve({ instances: new Map(instances.map((i) => [i.id, i])), tables, diagnostics }),
  );
  const themeHash = sha256(stableJson(theme));
  // A chart whose table has no rows would be an empty frame: it is not drawn, and the
  // document stage does not place it (src/document/assemble.ts).
  const jobs = instances
    .filter((instance) => instance.table.rows.length > 0)
    .map((instance): ChartJob => {
      const inputs = {
        spec: sha256(stableJson(instance.spec.spec)),
        data: sha256(stableJson(instance.table)),
        sector: instance.sector ? sha256(stableJson(instance.sector)) : '',
        meta: sha256(stableJson(dataset.meta)),
        theme: themeHash,
        briefkit: BRIEFKIT_VERSION,
      };
      return {
        id: `chart:${instance.id}`,
        documentId: 'charts',
        chartId: instance.id,
        outputs: [`charts/${instance.id}.svg`, `charts/${instance.id}.png`],
        key: hashParts(inputs),
        inputs,
      };
    });
  const catalogue = instances.map((instance) => ({
    id: instance.id,
    title: instanceTitle(instance, dataset),
    description: instance.table.summary,
    rows: instance.table.rows.length,
  }));
  return { catalogue, jobs, keys: new Map(jobs.map((j) => [j.chartId, j.key])), diagnostics };
}

function bindOnce(dataset: Dataset, chartsDir: string) {
  let pending = bound.get(dataset);
  if (!pending) {
    pending = listChartSpecs(chartsDir).then(({ specs, diagnostics }) => {
      const tables = deriveTableSet(dataset);
      const instances = new Map(chartInstances(specs, tables, dataset).map((i) => [i.id, i]));
      return { instances, tables, diagnostics };
    });
    bound.set(dataset, pending);
  }
  return pending;
}

/** The rows each table named by the instance's spec holds (its own table: this instance's rows). */
function boundTables(
  instance: ChartInstance,
  tables: Record<string, DerivedTable>,
): Record<string, unknown[]> {
  const named: Record<string, unknown[]> = {};
  for (const name of specTableNames(instance.spec.spec)) {
    const rows = name === instance.spec.table ? instance.table.rows : tables[name]?.rows;
    if (rows) named[name] = rows;
  }
  return named;
}

/**
 * Draws the given charts (in a worker or inline). Never throws for a spec's fault: every chart
 * asked for is drawn or has an error diagnostic at its spec file, with line and column.
 */
export async function renderChartsById(
  dataset: Dataset,
  theme: Theme,
  chartsDir: string,
  ids: string[],
): Promise<{ charts: RenderedChart[]; diagnostics: Diagnostic[] }> {
  const { renderChart } = await import('../charts/render.js');
  const { instances, tables } = await bindOnce(dataset, chartsDir);
  const charts: RenderedChart[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const instance = instances.get(id);
    if (!instance) {
      // Planning found this chart; this thread reads the spec files again and did not.
      diagnostics.push(
        error('CHART_SPEC_INVALID', `chart "${id}" is no longer in the chart folder`, {
          file: chartsDir,
          hint: 'a spec was changed or removed during the build; build again',
        }),
      );
      continue;
    }
    const result = await renderChart(instance, tables, dataset, theme);
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
