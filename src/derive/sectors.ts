/**
 * sectorSummary: per focus sector, how many programmes, targets and indicators of the
 * dataset cover it. These counts are computed by briefkit, and say so.
 */
import type { Dataset, Indicator, Sector } from '../dataset/schema.js';
import { listing, plural, sourcesOf } from './format.js';
import type { DerivedTable, Row } from './types.js';

export function sectorName(sector: Sector): string {
  return sector.shortName ?? sector.name;
}

/**
 * The sectors a record describes: `sector` then `sectors`, each once; none for the whole
 * economy. Indicators may use either or both; the templates' `inSector` helper reads the same.
 */
export function indicatorSectors(indicator: Pick<Indicator, 'sector' | 'sectors'>): string[] {
  return [...new Set([...(indicator.sector ? [indicator.sector] : []), ...indicator.sectors])];
}

/**
 * The sector's name with its local name, e.g. "AI · 인공지능": the sector's own `localName`,
 * else the local names of its strategic fields.
 */
export function sectorLabel(dataset: Dataset, sector: Sector): string {
  const local = sector.localName
    ? [sector.localName]
    : sector.fields
        .map((id) => dataset.fields.find((f) => f.id === id)?.localName)
        .filter((name): name is string => name !== undefined);
  return local.length > 0 ? `${sectorName(sector)} · ${local.join(', ')}` : sectorName(sector);
}

export function sectorSummary(dataset: Dataset): DerivedTable {
  const rows: Row[] = dataset.sectors.map((s) => ({
    sectorId: s.id,
    sector: sectorLabel(dataset, s),
    programmes: dataset.programs.filter((p) => p.sectors.includes(s.id)).length,
    targets: dataset.targets.filter((t) => t.sectors.includes(s.id)).length,
    indicators: dataset.indicators.filter((i) => indicatorSectors(i).includes(s.id)).length,
  }));
  const counted = [
    ...dataset.sectors,
    ...dataset.programs.filter((p) => p.sectors.length > 0),
    ...dataset.targets.filter((t) => t.sectors.length > 0),
    ...dataset.indicators.filter((i) => indicatorSectors(i).length > 0),
  ];
  return {
    name: 'sectorSummary',
    columns: [
      { name: 'sector', label: 'Sector', type: 'string' },
      { name: 'programmes', label: 'Programmes (computed count)', type: 'number' },
      { name: 'targets', label: 'Targets (computed count)', type: 'number' },
      { name: 'indicators', label: 'Indicators (computed count)', type: 'number' },
    ],
    rows,
    sources: sourcesOf(counted),
    notes: [
      'Counts are ours, of the records in this briefing; a record covering several sectors counts for each.',
    ],
    summary: `Number of programmes, targets and indicators in the dataset for each sector (computed): ${listing(
      rows.map(
        (r) =>
          `${r.sector}: ${plural(Number(r.programmes), 'programme', 'programmes')}, ${plural(
            Number(r.targets),
            'target',
            'targets',
          )}, ${plural(Number(r.indicators), 'indicator', 'indicators')}`,
      ),
    )}.`,
  };
}
