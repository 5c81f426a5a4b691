/**
 * The derive stage: validated Dataset → named tables for chart specs and templates.
 * Each table comes from one small pure function; per-sector tables are named
 * `sectorProfile.<sectorId>`. Charts may bind to the dataset's own lists too (lists.ts).
 */
import type { Dataset } from '../dataset/schema.js';
import { programBudgets } from './budgets.js';
import { indicatorHighlights } from './indicators.js';
import { influenceMatrix } from './influence.js';
import { investmentTrend } from './investment.js';
import { LIST_NAMES, listTables } from './lists.js';
import { sectorSummary } from './sectors.js';
import { sectorProfile, targetsTimeline } from './timeline.js';
import { qualifiedTotals } from './totals.js';
import type { DerivedTable, Row } from './types.js';

export type { DerivedTable, Row } from './types.js';
export {
  indicatorHighlights,
  influenceMatrix,
  investmentTrend,
  programBudgets,
  sectorProfile,
  sectorSummary,
  targetsTimeline,
};

/** Name of the per-sector table a `perSector` chart spec binds to. */
export const SECTOR_TABLE = 'sectorProfile';

export function sectorTableName(sectorId: string): string {
  return `${SECTOR_TABLE}.${sectorId}`;
}

/** Names of the tables every dataset yields (the per-sector ones come on top). */
export const TABLE_NAMES: readonly string[] = [
  'investmentTrend',
  'programBudgets',
  'sectorSummary',
  'targetsTimeline',
  'influenceMatrix',
  'indicatorHighlights',
];

/** Every derived table with its columns, sources, notes and summary. */
export function deriveTableSet(source: Dataset): Record<string, DerivedTable> {
  // Totals no surer than their parts, as the documents word them (totals.ts).
  return tablesOf(qualifiedTotals(source));
}

/** The derived tables of a dataset whose totals are already qualified. */
function tablesOf(dataset: Dataset): Record<string, DerivedTable> {
  const tables = [
    investmentTrend(dataset),
    programBudgets(dataset),
    sectorSummary(dataset),
    targetsTimeline(dataset),
    influenceMatrix(dataset),
    indicatorHighlights(dataset),
    ...dataset.sectors.map((s) => sectorProfile(dataset, s.id)),
  ];
  return Object.fromEntries(tables.map((t) => [t.name, t]));
}

/**
 * Names a chart spec's `data` may bind to: the derived tables and the dataset's own lists
 * (`investments`, `targets`, `programs`…, lists.ts); the per-sector tables come on top.
 */
export const CHART_TABLE_NAMES: readonly string[] = [...TABLE_NAMES, ...LIST_NAMES];

/** Every table a chart may bind to: the derived tables and the dataset's lists as tables. */
export function chartTableSet(source: Dataset): Record<string, DerivedTable> {
  const dataset = qualifiedTotals(source);
  return { ...tablesOf(dataset), ...listTables(dataset) };
}

/** Every derived table's rows, by table name. */
export function deriveTables(dataset: Dataset): Record<string, Row[]> {
  return Object.fromEntries(Object.entries(deriveTableSet(dataset)).map(([name, t]) => [name, t.rows]));
}
