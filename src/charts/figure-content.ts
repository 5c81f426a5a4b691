/**
 * What a chart puts into the document model before it is drawn: its catalogue entry (id,
 * title, alt text) and its figure's content (data table, sources, notes, plot), with the
 * asset keys its drawing will be filed under; and, once drawn, the drawing as those assets.
 * No vega here: planning builds every model before anything is drawn.
 */
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { Asset, DataTable, FigureBlock } from '../document/model.js';
import type { ChartEntry } from '../document/template-data.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { type ChartInstance, instanceTitle } from './catalogue.js';
import { figurePlot } from './native.js';
import { pageSplit } from './page-fit.js';
import { briefkitMeta, type JsonObject } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';
import type { DrawnChart } from './types.js';

/** The table's columns, and per row one value per column: what the appendix prints. */
export function dataTable(table: DerivedTable): DataTable {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => table.columns.map((c) => row[c.name] ?? null)),
  };
}

/** Whether the spec transforms its rows at all: without a top-level transform the marks read them as they are. */
export function hasTransforms(spec: JsonObject): boolean {
  return Array.isArray(spec.transform) && spec.transform.length > 0;
}

/**
 * The rows a chart draws: its part's rows (page-fit.ts), or for a chart not yet split the first
 * part; `whole` is every row its parts draw, `note` what the figure says about rows left out.
 */
export function drawnTable(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
): { table: DerivedTable; whole: DerivedTable; note?: string } {
  if (instance.drawn) return { table: instance.drawn, whole: instance.whole ?? instance.drawn };
  const split = pageSplit(instance, dataset, theme, measurer);
  return {
    table: split.parts[0] ?? split.kept,
    whole: split.kept,
    ...(split.note ? { note: split.note } : {}),
  };
}

/**
 * The catalogue entry of one chart instance (or one part of a split chart); `image` names its
 * drawing in the asset bag. `drawnRows` are the rows its marks draw after the spec's transforms
 * (dataflow.ts `transformedRows`), the native plot's rows; without them, the kept rows as they
 * are. `note` is the split's note on rows left out, for a part (an unsplit chart finds its own).
 */
export function chartEntry(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  image: FigureBlock['image'],
  measurer: TextMeasurer,
  drawnRows?: readonly Row[],
  note?: string,
): ChartEntry {
  const tokens = specTokens(dataset, instance.sector, theme);
  // An unknown placeholder is reported where the spec is drawn (bind.ts), with its position.
  const meta = briefkitMeta(instance.spec.spec);
  const native = substitute(meta.native ?? null, tokens, () => {});
  // The native chart shows the rows the drawing keeps (page-fit.ts); the data table keeps every row.
  const limited = drawnTable(instance, dataset, theme, measurer);
  const drawn = drawnRows ? { ...limited.table, rows: [...drawnRows] } : limited.table;
  // The scale rule reads every row the parts draw, as the drawing's does (bind.ts applyScaleRule).
  const plot = figurePlot(native, drawn, theme, meta.scale, limited.whole.rows);
  const shownNote = note ?? limited.note;
  return {
    id: instance.id,
    title: instanceTitle(instance, dataset),
    description: instance.table.summary,
    rows: instance.table.rows.length,
    figure: {
      table: dataTable(instance.table),
      sources: instance.table.sources,
      notes: shownNote ? [...instance.table.notes, shownNote] : instance.table.notes,
      image,
      ...(plot ? { plot } : {}),
    },
  };
}

/** The drawing as the two files of the asset bag: the SVG as UTF-8, the PNG as drawn. */
export function chartAssets(chart: DrawnChart): { svg: Asset; png: Asset } {
  const size = { width: chart.width, height: chart.height };
  return {
    svg: { mime: 'image/svg+xml', bytes: new TextEncoder().encode(chart.svg), ...size },
    png: { mime: 'image/png', bytes: chart.png, ...size },
  };
}
