/**
 * Charts in the build: each chart instance (a spec bound to one derived table) is a job
 * with its own key, so a change to one sector's data redraws only that sector's charts.
 * Planning needs no vega: it binds the charts and gives each its catalogue entry (the figure
 * the models carry); drawing imports the chart renderer lazily.
 */
import { type BoundCharts, bindCharts, type ChartInstance } from '../charts/catalogue.js';
import { chartTexts } from '../charts/chart-text.js';
import { chartAssets, chartEntry, drawnTable, hasTransforms } from '../charts/figure-content.js';
import { boundRowProblems } from '../charts/guards.js';
import { CHART_LIMITS, type ChartLimits } from '../charts/limits.js';
import { nativeFieldNames, nativeProblems } from '../charts/native-check.js';
import { chartParts } from '../charts/page-fit.js';
import { briefkitMeta, type ChartSpecFile, specTableNames } from '../charts/spec-file.js';
import type { DrawnChart } from '../charts/types.js';
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable } from '../derive/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { figureBlocks } from '../document/figures.js';
import type { ShownText } from '../document/index.js';
import type { Asset, AssetRef, DocumentModel, FigureBlock } from '../document/model.js';
import type { ChartEntry } from '../document/template-data.js';
import type { BuildFonts } from '../theme/build-fonts.js';
import { type TextMeasurer, textMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { BRIEFKIT_VERSION } from '../version.js';
import { hashParts, sha256, stableJson } from './hash.js';
import type { BuildSession } from './sessions.js';

export interface ChartJob {
  /** `chart:<chartId>`; --only charts selects every chart. */
  id: string;
  documentId: 'charts';
  chartId: string;
  outputs: [string, string];
  key: string;
  inputs: Record<string, string>;
  /** The keys its drawing is filed under in the asset bag (its figures name them). */
  image: FigureBlock['image'];
}

export interface ChartPlan {
  /** What templates may place, each with the figure its placement becomes. */
  catalogue: ChartEntry[];
  jobs: ChartJob[];
  /** Chart id → key, for the keys of the documents that place the chart. */
  keys: Map<string, string>;
  /** The text the drawn charts show, for the glyph check (src/charts/chart-text.ts). */
  texts: ShownText[];
  diagnostics: Diagnostic[];
  /** The charts as planning bound them: the build's session reuses them to draw in this thread. */
  bound: BoundCharts;
}

/**
 * An asset's key: the chart job's key (a hash of everything the drawing depends on) with the
 * file's media type, so the model names its figures' files before anything is drawn.
 */
/** The image of an instance planning has no job for (never: every instance has one). */
const NO_IMAGE: FigureBlock['image'] = { svg: '', png: '' };

function assetKey(chartKey: string, mime: Asset['mime']): AssetRef {
  return hashParts({ chart: chartKey, mime });
}

/** The charts bound once per session and chart folder (tasks draw one chart each); planning seeds it. */
function bindOnce(session: BuildSession, dataset: Dataset, chartsDir: string): Promise<BoundCharts> {
  let pending = session.boundCharts.get(chartsDir);
  if (!pending) {
    pending = bindCharts(dataset, chartsDir);
    session.boundCharts.set(chartsDir, pending);
  }
  return pending;
}

export async function chartJobs(
  dataset: Dataset,
  theme: Theme,
  chartsDir: string,
  fonts: BuildFonts,
  limits: ChartLimits = CHART_LIMITS,
): Promise<ChartPlan> {
  // How many rows a page holds depends on how tall their wrapped labels are (page-fit.ts).
  const measurer = textMeasurer(fonts.stack(theme));
  // Planning always reads the spec files; when this thread draws too, it reuses this binding (`bound`).
  const charts = await bindCharts(dataset, chartsDir);
  const diagnostics = [...charts.diagnostics];
  // A table over the row budget is known before any drawing: report it with the other spec problems.
  for (const instance of charts.instances)
    diagnostics.push(...boundRowProblems(instance.spec, boundTables(instance, charts.tables), limits));
  // Each chart as the figures its rows take: itself, and its "(continued)" parts (page-fit.ts).
  const split = charts.instances.map((instance) => chartParts(instance, dataset, theme, measurer));
  const instances = split.flatMap((s) => s.instances);
  // The rows each native chart reads: its table after the spec's transforms, as vega runs them.
  const drawn = await nativeRows(charts, instances, dataset, theme, measurer, diagnostics, limits);
  // So is a native chart field those rows lack (once per spec, not once per sector).
  diagnostics.push(...nativeProblems(instances, (instance) => drawn.get(instance)));
  const themeHash = sha256(stableJson(theme));
  const all = instances.map((instance): ChartJob => {
    const inputs = {
      spec: sha256(stableJson(instance.spec.spec)),
      data: sha256(stableJson(instance.table)),
      sector: instance.sector ? sha256(stableJson(instance.sector)) : '',
      meta: sha256(stableJson(dataset.meta)),
      theme: themeHash,
      briefkit: BRIEFKIT_VERSION,
      // A part's key: which part of how many (the first part's key is the unsplit chart's).
      ...(instance.part && instance.part.index > 1
        ? { part: `${instance.part.index}/${instance.part.count}` }
        : {}),
    };
    const key = hashParts(inputs);
    return {
      id: `chart:${instance.id}`,
      documentId: 'charts',
      chartId: instance.id,
      outputs: [`charts/${instance.id}.svg`, `charts/${instance.id}.png`],
      key,
      inputs,
      image: { svg: assetKey(key, 'image/svg+xml'), png: assetKey(key, 'image/png') },
    };
  });
  const images = new Map(instances.map((instance, i) => [instance, (all[i] as ChartJob).image]));
  const entryOf = (instance: ChartInstance, note?: string) =>
    chartEntry(
      instance,
      dataset,
      theme,
      images.get(instance) ?? NO_IMAGE,
      measurer,
      drawn.get(instance)?.rows,
      note,
    );
  // A split chart's entry carries its further parts, placed as "(continued)" figures (document/assemble.ts).
  const catalogue = split.map(({ instances: [first, ...rest], note }): ChartEntry => {
    const entry = entryOf(first as ChartInstance, note);
    return rest.length > 0 ? { ...entry, continued: rest.map((part) => entryOf(part)) } : entry;
  });
  // A chart whose table has no rows would be an empty frame: it is not drawn, and the
  // document stage does not place it (src/document/assemble.ts).
  const shown = charts.instances.filter((instance) => instance.table.rows.length > 0);
  const jobs = all.filter((_, i) => (instances[i]?.table.rows.length ?? 0) > 0);
  const texts = shown.flatMap((instance) => chartTexts(instance, dataset));
  return {
    catalogue,
    jobs,
    keys: new Map(jobs.map((j) => [j.chartId, j.key])),
    texts,
    diagnostics,
    bound: charts,
  };
}

/**
 * For each instance whose spec asks for a native chart: the rows its marks draw (the kept rows
 * after the spec's transforms, run through vega's dataflow: charts/dataflow.ts), as a table
 * whose columns are the ones those rows still have. An instance whose transforms failed is
 * absent, its problems in `diagnostics`. vega is loaded only when a native spec transforms.
 */
async function nativeRows(
  charts: BoundCharts,
  instances: readonly ChartInstance[],
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
  diagnostics: Diagnostic[],
  limits: ChartLimits,
): Promise<Map<ChartInstance, DerivedTable>> {
  const out = new Map<ChartInstance, DerivedTable>();
  const reported = new Set<ChartSpecFile>();
  for (const instance of instances) {
    const native = briefkitMeta(instance.spec.spec).native;
    if (native === undefined) continue;
    const { table } = drawnTable(instance, dataset, theme, measurer);
    // A native chart whose fields are all columns of its table reads the table as it is: the
    // spec's transforms shape the drawing (a fold into one row per measure would repeat every
    // category); only a field the transforms make needs the transformed rows.
    const columns = new Set(table.columns.map((c) => c.name));
    const ownFields = nativeFieldNames(native).every((field) => columns.has(field));
    if (!hasTransforms(instance.spec.spec) || ownFields) {
      out.set(instance, table);
      continue;
    }
    const { transformedRows, withRows } = await import('../charts/dataflow.js');
    const result = await transformedRows(instance, table, charts.tables, dataset, limits);
    // One spec's problem once, not once per sector.
    if (!reported.has(instance.spec)) diagnostics.push(...result.diagnostics);
    if (result.diagnostics.length > 0) reported.add(instance.spec);
    const { rows } = result;
    if (!rows) continue;
    out.set(instance, withRows(table, rows));
  }
  return out;
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
  session: BuildSession,
): Promise<{ charts: DrawnChart[]; diagnostics: Diagnostic[] }> {
  const { drawCharts } = await import('../charts/draw-charts.js');
  const bound = await bindOnce(session, dataset, chartsDir);
  return drawCharts(bound, ids, dataset, theme, session.fonts, chartsDir);
}

/** An asset of the bag by reference, as `--emit model` writes it: not its bytes but where they go. */
export interface AssetReference {
  mime: Asset['mime'];
  chart: string;
  /** The file a build writes, relative to out/ (`briefkit charts` draws it). */
  path: string;
}

/** A model's asset bag as references (`<id>.assets.json`): each figure's files, by their keys. */
export function assetReferences(
  model: DocumentModel,
  charts: readonly ChartJob[],
): Record<AssetRef, AssetReference> {
  const byId = new Map(charts.map((c) => [c.chartId, c]));
  const bag: Record<AssetRef, AssetReference> = {};
  for (const figure of figureBlocks(model)) {
    const job = byId.get(figure.chartId);
    if (!job) continue;
    bag[figure.image.svg] = { mime: 'image/svg+xml', chart: job.chartId, path: job.outputs[0] };
    bag[figure.image.png] = { mime: 'image/png', chart: job.chartId, path: job.outputs[1] };
  }
  return bag;
}

/**
 * The asset bag a model travels with: the drawn files of its figures, under the keys the
 * figures name. A figure whose chart is not among `drawn` has no files in it.
 */
export function figureAssets(
  model: DocumentModel,
  drawn: ReadonlyMap<string, DrawnChart>,
): [AssetRef, Asset][] {
  const bag = new Map<AssetRef, Asset>();
  for (const figure of figureBlocks(model)) {
    const chart = drawn.get(figure.chartId);
    if (!chart || bag.has(figure.image.svg)) continue;
    const files = chartAssets(chart);
    bag.set(figure.image.svg, files.svg);
    bag.set(figure.image.png, files.png);
  }
  return [...bag];
}
