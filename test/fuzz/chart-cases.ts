/**
 * Generated datasets for the chart checks of issue 11: the shipped dataset's meta and sources
 * with 1–60 programmes, investments and targets, names of 3–120 characters (some repeated),
 * figures from 10^-3 to 10^15 of the currency in one chart, several figures per year,
 * 1–20 sectors, up to 20 indicators and optional fields left out. Seeded (fast-check), so a failure replays.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const WORDS = [
  'national',
  'quantum',
  'semiconductor',
  'fund',
  'R&D',
  'strategy',
  'AI',
  'robotics',
  'grid',
  'biotechnology',
  'programme',
  'initiative',
  'centres',
  'training',
  'ultra-long-distance',
  'public–private',
];

/** A name of 3–120 characters; `pool` names come back to make duplicate labels. */
const name = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }),
    fc.integer({ min: 3, max: 120 }),
  )
  .map(([words, length]) => {
    let text = words.join(' ');
    while (text.length < 3) text += ' AI';
    return text.length > length ? text.slice(0, Math.max(3, length)).trimEnd() : text;
  });

const SCALES = ['one', 'thousand', 'million', 'billion', 'trillion'] as const;
/**
 * Money from 10^-2 to 10^15 of the currency: an amount with a scale word. The schema refuses a
 * figure under 0.01 of its scale word (it would print as 0), so 10^-2 is the smallest there is.
 */
const money = (currency: string) =>
  fc
    .record({
      exponent: fc.integer({ min: -2, max: 15 }),
      mantissa: fc.constantFrom(1, 1.9, 2.5, 4, 6.8, 9.99),
      qualifier: fc.constantFrom('exact', 'about', 'over', 'under', 'up-to'),
      range: fc.boolean(),
    })
    .map(({ exponent, mantissa, qualifier, range }) => {
      const scaleIndex = Math.max(0, Math.min(4, Math.floor(exponent / 3)));
      const amount = Number((mantissa * 10 ** (exponent - scaleIndex * 3)).toPrecision(3));
      return {
        amount,
        ...(range ? { amountMax: Number((amount * 2).toPrecision(3)) } : {}),
        currency,
        scale: SCALES[scaleIndex],
        qualifier,
      };
    });

export interface CaseShape {
  sectors: number;
  programs: number;
  investments: number;
  targets: number;
  seedNames: string[];
}

/** One generated dataset as YAML text. */
export function caseArbitrary(baseFile: string): fc.Arbitrary<string> {
  const base = parse(readFileSync(baseFile, 'utf8')) as Record<string, unknown> & {
    meta: { currency: string };
    sources: { id: string }[];
  };
  const currency = base.meta.currency;
  const source = base.sources[0]?.id ?? 'source';
  const cite = [{ source, quote: 'As the source states.' }];
  return fc
    .record({
      sectorNames: fc.array(name, { minLength: 1, maxLength: 20 }),
      names: fc.array(name, { minLength: 1, maxLength: 8 }),
      programs: fc.array(
        fc.record({
          pick: fc.nat(),
          budget: fc.option(money(currency), { nil: undefined }),
          year: fc.option(fc.integer({ min: 2000, max: 2040 }), { nil: undefined }),
          sectorPick: fc.nat(),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      investments: fc.array(
        fc.record({
          pick: fc.nat(),
          amount: money(currency),
          year: fc.integer({ min: 2020, max: 2026 }),
          status: fc.constantFrom('planned', 'allocated', 'proposed', 'target', 'actual'),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      targets: fc.array(
        fc.record({
          pick: fc.nat(),
          year: fc.integer({ min: 2020, max: 2060 }),
          baseline: fc.option(fc.integer({ min: 1990, max: 2020 }), { nil: undefined }),
          sectorPick: fc.nat(),
          // 0–4 sectors per target (none: the timeline's "No sector"; several: its primary sector).
          sectorCount: fc.integer({ min: 0, max: 4 }),
          value: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }),
        }),
        { minLength: 0, maxLength: 60 },
      ),
    })
    .map(({ sectorNames, names, programs, investments, targets }) => {
      const sectors = sectorNames.map((n, i) => ({ id: `s${i + 1}`, name: n, summary: 'A sector.', cite }));
      const sectorOf = (pick: number) => [sectors[pick % sectors.length]?.id ?? 's1'];
      const sectorsOf = (pick: number, count: number) => [
        ...new Set(Array.from({ length: count }, (_, k) => sectorOf(pick + k)[0] ?? 's1')),
      ];
      const nameOf = (pick: number) => names[pick % names.length] ?? 'AI';
      const data = {
        ...base,
        // The base's analysis rests on records replaced here.
        analysis: undefined,
        administrations: [],
        fields: [],
        sectors,
        programs: programs.map((p, i) => ({
          id: `p${i + 1}`,
          name: nameOf(p.pick),
          kind: 'programme',
          ...(p.year === undefined ? {} : { year: p.year }),
          sectors: sectorOf(p.sectorPick),
          ...(p.budget ? { budget: p.budget } : {}),
          cite,
        })),
        investments: investments.map((v, i) => ({
          id: `v${i + 1}`,
          label: nameOf(v.pick),
          year: v.year,
          status: v.status,
          amount: v.amount,
          scope: 'All fields',
          cite,
        })),
        targets: targets.map((t, i) => ({
          id: `t${i + 1}`,
          sectors: sectorsOf(t.sectorPick, t.sectorCount),
          description: nameOf(t.pick),
          ...(t.value === undefined ? {} : { value: { amount: t.value, unit: nameOf(t.pick + 1) } }),
          ...(t.baseline === undefined ? {} : { baselineYear: t.baseline }),
          year: t.year,
          cite,
        })),
        // Indicators from the programmes' draws (the sample's shape stays that of the fixed cases):
        // figures from 10^-2 to 10^15 written out, names of 3–120 characters, some without a year.
        indicators: programs.slice(0, 20).map((p, i) => ({
          id: `i${i + 1}`,
          label: nameOf(p.pick + i),
          sector: sectorOf(p.sectorPick)[0],
          value: {
            amount: p.budget
              ? Math.min(
                  1e15,
                  Number((p.budget.amount * 1000 ** SCALES.indexOf(p.budget.scale ?? 'one')).toPrecision(3)),
                )
              : i,
            unit: i % 3 === 0 ? 'percent' : nameOf(p.pick + 1),
            qualifier: p.budget?.qualifier ?? 'exact',
          },
          ...(p.year === undefined ? {} : { year: p.year }),
          cite,
        })),
        channels: sectors.slice(0, 11).map((s, i) => ({
          id: `c${i + 1}`,
          name: nameOf(i),
          summary: 'A channel.',
          sectors: [s.id],
          cite,
        })),
        risks: [],
      };
      return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false });
    });
}
