/**
 * Which charts exist, without importing vega: the spec files, expanded into one chart
 * per sector where a spec asks for it. Planning needs the ids, titles and figures cheaply.
 */

import type { Dataset, Sector } from '../dataset/schema.js';
import { CHART_TABLE_NAMES, chartTableSet, SECTOR_TABLE, sectorTableName } from '../derive/index.js';
import type { DerivedTable } from '../derive/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { type ChartSpecFile, parseSpecText, readSpecFiles, titleText } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';

export interface ChartSpecList {
  specs: ChartSpecFile[];
  diagnostics: Diagnostic[];
}

/** Reads and checks every spec of `chartsDir`; bad specs become diagnostics, never exceptions. */
export async function listChartSpecs(
  chartsDir: string,
  tables: readonly string[] = CHART_TABLE_NAMES,
): Promise<ChartSpecList> {
  const { files } = await readSpecFiles(chartsDir);
  const specs: ChartSpecFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const known = new Set(tables);
  for (const f of files) {
    if (f.diagnostic) diagnostics.push(f.diagnostic);
    if (f.text === undefined) continue;
    const parsed = parseSpecText(f.text, f.file, f.id, known, SECTOR_TABLE);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.spec) specs.push(parsed.spec);
  }
  return { specs, diagnostics };
}

/** One chart to draw: a spec bound to one derived table. */
export interface ChartInstance {
  id: string;
  spec: ChartSpecFile;
  table: DerivedTable;
  sector?: Sector;
  /**
   * Set on the parts of a chart split across figures (page-fit.ts `chartParts`): the rows this
   * part draws (`table` stays the whole table), which part it is, and every row the parts draw
   * (the scale is chosen from those, so the parts agree).
   */
  drawn?: DerivedTable;
  part?: { index: number; count: number };
  whole?: DerivedTable;
}

export function chartInstances(
  specs: readonly ChartSpecFile[],
  tables: Record<string, DerivedTable>,
  dataset: Dataset,
): ChartInstance[] {
  return specs.flatMap((spec): ChartInstance[] => {
    if (!spec.perSector) {
      const table = tables[spec.table];
      return table ? [{ id: spec.id, spec, table }] : [];
    }
    return dataset.sectors.flatMap((sector) => {
      const table = tables[sectorTableName(sector.id)];
      return table ? [{ id: `${spec.id}-${sector.id}`, spec, table, sector }] : [];
    });
  });
}

/** The chart's title with dataset tokens filled in. */
export function instanceTitle(instance: ChartInstance, dataset: Dataset): string {
  const title = substitute(titleText(instance.spec.spec), specTokens(dataset, instance.sector), () => {});
  return typeof title === 'string' ? title : '';
}

/** The charts of a chart folder bound to a dataset: every instance, and the tables they draw from. */
export interface BoundCharts {
  instances: ChartInstance[];
  tables: Record<string, DerivedTable>;
  /** Problems with the spec files (each at its file, line and column). */
  diagnostics: Diagnostic[];
}

/**
 * Binding, the one way: the spec files of `chartsDir`, the dataset's derived tables and lists, and one
 * instance per chart (per sector where a spec asks). Planning, drawing and the tests use it.
 */
export async function bindCharts(dataset: Dataset, chartsDir: string): Promise<BoundCharts> {
  const { specs, diagnostics } = await listChartSpecs(chartsDir);
  const tables = chartTableSet(dataset);
  return { instances: chartInstances(specs, tables, dataset), tables, diagnostics };
}
