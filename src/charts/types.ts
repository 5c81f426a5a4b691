/**
 * What the chart stage hands to the templates and renderers: the rendered chart
 * with everything needed to place it, describe it and rebuild it natively.
 */

export interface DataColumn {
  name: string;
  label: string;
  type: 'string' | 'number';
  /** e.g. "KRW trillion", "percent"; shown in table headers. */
  unit?: string;
}

/** The data behind a chart, for the PDF appendix, accessibility and the deck's chart sheet. */
export interface DataTable {
  columns: DataColumn[];
  rows: (string | number | null)[][];
}

export interface NativeSeries {
  name: string;
  values: (number | null)[];
  colour: string;
  /** An aim, not a figure: drawn as a dashed outline, as the Vega-Lite chart draws it. */
  target?: boolean;
  /**
   * Per point, the data label's Excel number format when the chart's own would not say it
   * right (a qualifier's word, more decimals, a range's upper end): `"over "#,##0.00`,
   * `"about "#,##0"–5"`; null keeps `numberFormat`. Aligned with `values`.
   */
  labelFormats?: (string | null)[];
}

/** A chart PowerPoint can draw natively (editable, data in the chart sheet). */
export interface NativeChart {
  type: 'bar' | 'column' | 'line' | 'area' | 'pie';
  categories: string[];
  series: NativeSeries[];
  axisTitles: { category?: string; value?: string };
  /** Excel number format for values and data labels, e.g. '#,##0.0'. */
  numberFormat: string;
  logScale?: boolean;
  /** Where the value axis starts (a log axis: the power of ten below the smallest value). */
  axisMin?: number;
  /** The value axis' number format when `numberFormat` would round its ticks (0.1 → "0"). */
  axisFormat?: string;
}

export interface RenderedChart {
  id: string;
  title: string;
  /** Alt text: what the chart shows, with its key figures; never just "a bar chart". */
  description: string;
  svg: string;
  /** PNG at theme.chart.pngScale × the SVG size. */
  png: Uint8Array;
  /** SVG size in CSS pixels (1 px = 0.75 pt). */
  width: number;
  height: number;
  table: DataTable;
  native?: NativeChart;
  /** Source ids of the dataset records the chart's data came from. */
  sources: string[];
  /** Notes on computed values (e.g. "counts computed by briefkit"), printed under the chart. */
  notes: string[];
}
