/**
 * Which charts exist, without importing vega: the spec files, expanded into one chart
 * per sector where a spec asks for it. Templates need the ids and titles cheaply.
 */

import type { Dataset, Sector } from '../dataset/schema.js';
import { deriveTableSet, SECTOR_TABLE, sectorTableName, TABLE_NAMES } from '../derive/index.js';
import type { DerivedTable } from '../derive/types.js';
import type { Diagnostic, DiagnosticSink } from '../diagnostics.js';
import { type ChartSpecFile, parseSpecText, readSpecFiles, titleText } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';

export interface ChartSpecList {
  specs: ChartSpecFile[];
  diagnostics: Diagnostic[];
}

/** Reads and checks every spec of `chartsDir`; bad specs become diagnostics, never exceptions. */
export async function listChartSpecs(
  chartsDir: string,
  tables: readonly string[] = TABLE_NAMES,
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

export interface ChartCatalogueEntry {
  id: string;
  title: string;
  /** The alt text the rendered chart will carry. */
  description: string;
  /** Rows of its table: 0 when the dataset gives it nothing to draw. */
  rows: number;
}

/** Ids, titles and alt texts of every chart, without importing vega. */
export async function chartCatalogue(
  dataset: Dataset,
  chartsDir: string,
  sink?: DiagnosticSink,
): Promise<ChartCatalogueEntry[]> {
  const { specs, diagnostics } = await listChartSpecs(chartsDir);
  for (const d of diagnostics) sink?.report(d);
  return chartInstances(specs, deriveTableSet(dataset), dataset).map((instance) => ({
    id: instance.id,
    title: instanceTitle(instance, dataset),
    description: instance.table.summary,
    rows: instance.table.rows.length,
  }));
}
