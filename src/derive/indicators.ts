/** indicatorHighlights: each indicator's stated value with its unit and qualifier, for a KPI graphic. */
import type { Dataset } from '../dataset/schema.js';
import { formatQuantity, qualifierWord } from '../dataset/wording.js';
import { listing, sourcesOf } from './format.js';
import { indicatorSectors, sectorName } from './sectors.js';
import type { DerivedTable, Row } from './types.js';

function caption(unit: string, subject: string): string {
  const shown = subject && !subject.toLowerCase().includes(unit.toLowerCase() || '\u0000') ? subject : '';
  return [unit, shown].filter(Boolean).join('\n');
}

const WHOLE_ECONOMY = 'Whole economy';

export function indicatorHighlights(dataset: Dataset): DerivedTable {
  const sectors = new Map(dataset.sectors.map((s) => [s.id, s]));
  const rows: Row[] = dataset.indicators.map((i) => {
    const names = indicatorSectors(i).map((id) => {
      const sector = sectors.get(id);
      return sector ? sectorName(sector) : id;
    });
    // An indicator of no sector describes the whole economy.
    const sector = names.length > 0 ? listing(names) : WHOLE_ECONOMY;
    // The figure and its unit as the documents split them ("20%" and "", "1,012" and "robots…").
    const unitText = formatQuantity(i.value, false, 'unit');
    return {
      id: i.id,
      label: i.label,
      subject: i.subject ?? '',
      sector,
      // No year when the source gives none: never the article's date in its place.
      year: i.year ?? null,
      amount: i.value.amount,
      unit: i.value.unit,
      qualifier: i.value.qualifier,
      // The figure big, its qualifier small above it: "over" must not get lost.
      qualifierText: qualifierWord(i.value.qualifier).trim(),
      valueText: formatQuantity(i.value, false, 'figure'),
      unitText,
      // What was measured, unless the unit already says it ("robots per 10,000 workers").
      caption: caption(unitText, i.subject ?? ''),
      context: i.year === undefined ? sector : `${sector}, ${i.year}`,
    };
  });
  return {
    name: 'indicatorHighlights',
    columns: [
      { name: 'label', label: 'Indicator', type: 'string' },
      { name: 'subject', label: 'Measured', type: 'string' },
      { name: 'qualifier', label: 'Qualifier', type: 'string' },
      { name: 'amount', label: 'Value', type: 'number' },
      { name: 'unit', label: 'Unit', type: 'string' },
      { name: 'year', label: 'Year', type: 'number' },
    ],
    rows,
    sources: sourcesOf(dataset.indicators),
    notes: [],
    summary:
      rows.length === 0
        ? 'No indicators in the dataset.'
        : `Key indicators: ${listing(
            rows.map(
              (r) =>
                `${r.label}: ${r.qualifierText ? `${r.qualifierText} ` : ''}${r.valueText}${r.unitText ? ` ${r.unitText}` : ''} (${r.context})`,
            ),
          )}.`,
  };
}
