/**
 * The shipped dataset with `rows` programmes (budgets 10^-1 to 10^5 ₩ billion), investments,
 * targets, indicators and channels over min(rows, 20) sectors, names from 3 to 120 characters, as YAML:
 * to look at every chart at 1, 5, 25 and 60 rows (test/fuzz/rows-dataset.ts) and to test
 * charts whose rows take more than a page (test/charts/continued.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
/** The generated dataset as YAML text. */
export function rowsDatasetYaml(rows: number): string {
  const base = parse(readFileSync(join(ROOT, 'data', 'korea-emerging-tech.yaml'), 'utf8'));
  const source = base.sources[0].id as string;
  const cite = [{ source, quote: 'As the source states.' }];
  // A record with a figure quotes a sentence that states it (the build checks figures in quotes).
  const citing = (figure: string) => [{ source, quote: `As the source states, ${figure}.` }];
  const WORDS =
    'national quantum semiconductor fund R&D strategy AI robotics grid biotechnology programme initiative centres training ultra-long-distance public–private'.split(
      ' ',
    );
  /** A name of about `length` characters, deterministic in `i`. */
  function name(i: number, length: number): string {
    let text = '';
    for (let k = 0; text.length < length; k++)
      text += `${text ? ' ' : ''}${WORDS[(i * 7 + k * 3) % WORDS.length]}`;
    return text.slice(0, length).trimEnd();
  }
  const lengthOf = (i: number) => [3, 12, 24, 40, 60, 120][i % 6] ?? 20;
  const sectorCount = Math.min(rows, 20);
  const sectors = Array.from({ length: sectorCount }, (_, i) => ({
    id: `s${i + 1}`,
    name: `Sector ${i + 1} ${name(i, lengthOf(i + 2))}`,
    summary: 'A sector.',
    cite,
  }));
  const scales = ['million', 'billion', 'trillion'] as const;
  const data = {
    ...base,
    // Generated records quote no stored text: their sources have no stored file to check against.
    sources: (base.sources as Record<string, unknown>[]).map(({ file: _file, ...source }) => source),
    // The base's analysis rests on records replaced here.
    analysis: undefined,
    administrations: [],
    fields: [],
    sectors,
    programs: Array.from({ length: rows }, (_, i) => ({
      id: `p${i + 1}`,
      name: name(i, lengthOf(i)),
      kind: 'programme',
      year: 2015 + (i % 12),
      sectors: [`s${(i % sectorCount) + 1}`],
      budget: {
        amount: [1.5, 40, 250, 900, 3.2][i % 5],
        currency: 'KRW',
        scale: scales[i % 3],
        qualifier: 'exact',
      },
      cite: citing(`₩${[1.5, 40, 250, 900, 3.2][i % 5]} ${scales[i % 3]} in ${2015 + (i % 12)}`),
    })),
    investments: Array.from({ length: rows }, (_, i) => ({
      id: `v${i + 1}`,
      label: name(i, lengthOf(i)),
      year: 2020 + (i % 7),
      status: ['allocated', 'proposed', 'planned', 'target'][i % 4],
      amount: {
        amount: [1.5, 4, 2.5, 9][i % 4],
        currency: 'KRW',
        scale: 'trillion',
        qualifier: i % 4 === 3 ? 'over' : 'exact',
      },
      scope: 'All fields',
      cite: citing(`${i % 4 === 3 ? 'over ' : ''}₩${[1.5, 4, 2.5, 9][i % 4]} trillion in ${2020 + (i % 7)}`),
    })),
    targets: Array.from({ length: rows }, (_, i) => ({
      id: `t${i + 1}`,
      sectors: [`s${(i % sectorCount) + 1}`, ...(i % 3 === 0 ? [`s${((i + 1) % sectorCount) + 1}`] : [])],
      description: name(i + 3, lengthOf(i + 1)),
      ...(i % 2 === 0 ? { baselineYear: 2018 + (i % 5) } : {}),
      year: 2027 + (i % 14),
      cite: citing(`by ${2027 + (i % 14)}${i % 2 === 0 ? ` from ${2018 + (i % 5)}` : ''}`),
    })),
    indicators: Array.from({ length: rows }, (_, i) => ({
      id: `i${i + 1}`,
      label: name(i + 5, lengthOf(i + 3)),
      subject: name(i + 2, lengthOf(i)),
      sector: `s${(i % sectorCount) + 1}`,
      value: { amount: [20, 1012, 0.64, 3.5, 150000][i % 5], unit: i % 2 === 0 ? 'percent' : 'units' },
      year: 2015 + (i % 10),
      cite: citing(
        `${[20, 1012, 0.64, 3.5, 150000][i % 5]} ${i % 2 === 0 ? 'percent' : 'units'} in ${2015 + (i % 10)}`,
      ),
    })),
    channels: sectors.slice(0, 11).map((s, i) => ({
      id: `c${i + 1}`,
      name: name(i, lengthOf(i + 4)),
      summary: 'A channel.',
      sectors: [s.id],
      cite,
    })),
    risks: [],
  };
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
}
