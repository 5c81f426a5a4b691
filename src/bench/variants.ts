/**
 * Generated variants for the scaling benchmark: the shipped dataset with its sectors
 * repeated to N, each variant linked to the same programmes, targets and indicators
 * as the sector it copies, so every one-pager has real content.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

interface Linked {
  sectors?: string[];
  sector?: string;
}

export function generateVariantDataset(datasetFile: string, count: number): string {
  const data = parse(readFileSync(datasetFile, 'utf8')) as Record<string, unknown> & {
    sectors: { id: string; name: string }[];
  };
  const originals = data.sectors;
  const variants = Array.from({ length: count }, (_, i) => {
    const base = originals[i % originals.length] as { id: string; name: string };
    return { ...base, id: `variant-${i + 1}`, name: `${base.name} (variant ${i + 1})`, copies: base.id };
  });
  const copiesOf = new Map<string, string[]>();
  for (const v of variants) copiesOf.set(v.copies, [...(copiesOf.get(v.copies) ?? []), v.id]);
  for (const list of ['programs', 'targets', 'channels'] as const) {
    for (const record of (data[list] as Linked[] | undefined) ?? []) {
      record.sectors = (record.sectors ?? []).flatMap((s) => copiesOf.get(s) ?? []);
    }
  }
  const indicators = ((data.indicators as (Linked & { id: string })[] | undefined) ?? []).flatMap(
    (indicator) =>
      (copiesOf.get(indicator.sector ?? '') ?? []).map((sector) => ({
        ...indicator,
        id: `${indicator.id}-${sector}`,
        sector,
      })),
  );
  data.indicators = indicators;
  data.sectors = variants.map(({ copies: _copies, ...sector }) => sector);
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * The shipped dataset with its investment figures repeated to N (years spread over a decade,
 * each a distinct figure), for the long-table benchmark: the briefing's investment table and
 * chart grow with N while the number of documents stays the same.
 */
export function generateInvestmentDataset(datasetFile: string, count: number): string {
  const data = parse(readFileSync(datasetFile, 'utf8')) as Record<string, unknown> & {
    investments: ({ id: string; label: string; year: number; baselineYear?: number } & Record<
      string,
      unknown
    >)[];
  };
  const originals = data.investments;
  data.investments = Array.from({ length: count }, (_, i) => {
    const base = originals[i % originals.length] as (typeof originals)[number];
    const year = 2020 + (i % 10);
    const copy = { ...base, id: `${base.id}-copy-${i + 1}`, label: `${base.label} (copy ${i + 1})`, year };
    if (copy.baselineYear !== undefined) copy.baselineYear = Math.min(copy.baselineYear, year);
    return copy;
  });
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function scalingConfig(): string {
  return stringify({
    datasets: ['data/variants.yaml'],
    documents: [
      {
        id: 'sector',
        template: 'sector.md.hbs',
        format: 'pdf',
        for: 'sectors',
        output: 'sectors/{sector}.pdf',
        params: { variant: 'one-pager' },
      },
    ],
  });
}
