/**
 * What a chart puts into the document model before it is drawn: its catalogue entry (id,
 * title, alt text) and its figure's content (data table, sources, notes, plot), with the
 * asset keys its drawing will be filed under; and, once drawn, the drawing as those assets.
 * No vega here: planning builds every model before anything is drawn.
 */
import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable } from '../derive/types.js';
import type { ChartEntry } from '../document/context.js';
import type { Asset, DataTable, FigureBlock } from '../document/model.js';
import type { Theme } from '../theme/schema.js';
import { type ChartInstance, instanceTitle } from './catalogue.js';
import { applyLimit } from './limit.js';
import { figurePlot } from './native.js';
import { pageLimit } from './page-fit.js';
import { briefkitMeta } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';
import type { DrawnChart } from './types.js';

/** The table's columns, and per row one value per column: what the appendix prints. */
export function dataTable(table: DerivedTable): DataTable {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => table.columns.map((c) => row[c.name] ?? null)),
  };
}

/** The catalogue entry of one chart instance; `image` names its drawing in the asset bag. */
export function chartEntry(
  instance: ChartInstance,
  dataset: Dataset,
  theme: Theme,
  image: FigureBlock['image'],
): ChartEntry {
  const tokens = specTokens(dataset, instance.sector, theme);
  // An unknown placeholder is reported where the spec is drawn (bind.ts), with its position.
  const meta = briefkitMeta(instance.spec.spec);
  const native = substitute(meta.native ?? null, tokens, () => {});
  // The native chart shows the rows the drawing keeps (page-fit.ts); the data table keeps every row.
  const limited = applyLimit(instance.table, pageLimit(instance, dataset, theme));
  const plot = figurePlot(native, limited.table, theme, meta.scale);
  return {
    id: instance.id,
    title: instanceTitle(instance, dataset),
    description: instance.table.summary,
    rows: instance.table.rows.length,
    figure: {
      table: dataTable(instance.table),
      sources: instance.table.sources,
      notes: limited.note ? [...instance.table.notes, limited.note] : instance.table.notes,
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
