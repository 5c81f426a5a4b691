/**
 * A chart catalogue for tests: the ids the chart stage provides, with generic titles and
 * descriptions and an empty figure (the real ones come from the chart specs and derived tables:
 * src/charts/figure-content.ts). Built from the dataset's sectors.
 */
import type { Dataset } from '../../src/dataset/schema.js';
import type { FigureContent } from '../../src/document/model.js';
import type { ChartEntry } from '../../src/document/template-data.js';

/** A figure with no data, its drawing under keys named after the chart. */
export function emptyFigure(id: string): FigureContent {
  return {
    table: { columns: [], rows: [] },
    sources: [],
    notes: [],
    image: { svg: `test:${id}.svg`, png: `test:${id}.png` },
  };
}

export function testCatalogue(dataset: Dataset): ChartEntry[] {
  const entries: Omit<ChartEntry, 'figure'>[] = [
    {
      id: 'investment-trend',
      title: 'Investment: planned and target',
      description: 'Planned investment and the investment target, by year.',
    },
    {
      id: 'program-budgets',
      title: 'Programme budgets compared',
      description: 'Budgets of the programmes that state one, on a log scale.',
    },
    {
      id: 'sector-summary',
      title: 'Programmes, targets and indicators per sector',
      description: 'Programmes, targets and indicators per sector (counts computed by briefkit).',
    },
    {
      id: 'targets-timeline',
      title: 'Strategies and targets, by year',
      description: 'Strategies by the year introduced and targets by the year due, per sector.',
    },
    {
      id: 'influence-matrix',
      title: 'Sectors and channels of international influence',
      description: 'Which sectors the sources tie to each channel of influence.',
    },
    {
      id: 'indicator-highlights',
      title: 'Indicator highlights',
      description: 'The indicators the sources report, with their year.',
    },
    ...dataset.sectors.map((s) => ({
      id: `sector-${s.id}`,
      title: `${s.name}: programmes, targets and indicators`,
      description: `What the dataset records for ${s.name}.`,
    })),
  ];
  return entries.map((entry) => ({ ...entry, figure: emptyFigure(entry.id) }));
}
