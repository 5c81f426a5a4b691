/** The derived tables the chart specs and templates bind to. */

/** A column of a derived table, as a figure's data table shows it. */
export interface DataColumn {
  name: string;
  label: string;
  type: 'string' | 'number';
  /** e.g. "EUR billion", "percent"; shown in table headers. */
  unit?: string;
}

/** One row of a derived table: plain JSON values, so it can go into a Vega dataset as is. */
export type Row = Record<string, string | number | null>;

export interface DerivedTable {
  name: string;
  /** Columns shown in the chart's data table (appendix, accessibility); rows may hold more fields. */
  columns: DataColumn[];
  rows: Row[];
  /** Source ids of the dataset records the rows came from. */
  sources: string[];
  /** Notes on computed values, printed under the chart. */
  notes: string[];
  /** What the table says, with its key figures: the basis of a chart's alt text. */
  summary: string;
}
