/**
 * Generated datasets for the wording property (figure-wording.property.test.ts): one case is a
 * whole dataset with several investments (any years, period or none, fiscal years, basis, status
 * or none, actor,
 * hedge, decision date, administration, recipients, places, parts, disagreeing sources),
 * targets (fiscal years, hedges, ranges, disagreeing sources), an indicator and programmes
 * with disagreeing sources, partnerships, and administrations with terms (with or without one
 * in office at the as-of date). Each figure has an amount no other figure shares, so the
 * sentence that states it can be found and checked against its own record.
 */
import fc from 'fast-check';
import type { Dataset } from '../../src/dataset/schema.js';

export const AS_OF = '2024-03-01';

/** A figure's years: one, a period, or none (the source states no year: `{}`). */
export type Years = { year: number } | { period: { from?: number; to?: number } } | Record<string, never>;

const when: fc.Arbitrary<Years> = fc.oneof(
  fc.record({ year: fc.integer({ min: 2018, max: 2030 }) }),
  fc
    .tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 8 }))
    .map(([from, length]) => ({ period: { from, to: from + length } })),
  fc.record({ period: fc.record({ from: fc.integer({ min: 2018, max: 2030 }) }) }),
  fc.record({ period: fc.record({ to: fc.integer({ min: 2018, max: 2030 }) }) }),
  fc.constant({} as Record<string, never>),
);

/** Days on both sides of each term's bounds (below) and of the as-of date. */
export const DATES = [
  '2018-12-01',
  '2019-05-01',
  '2021-07-15',
  '2022-05-09',
  '2022-05-10',
  '2023-08-31',
  '2023-09-01',
  '2024-02-29',
  '2024-06-01',
];
export const NAMES = ['Rapidus', 'TSMC', 'Kioxia', 'Western Digital', 'imec', 'the Fraunhofer Society'];
export const PLACES = ['Hiroshima', 'Chitose, Hokkaido', 'Kumamoto Prefecture', 'Yokkaichi, Mie'];

/**
 * Administrations: Aho from 1 May 2019 (until Berg's start), Berg from 10 May 2022 to
 * 1 September 2023, and, when the case says so, Carr from 1 September 2023 (in office at the
 * as-of date); without Carr nobody is in office after Berg's end.
 */
export const TERMS = [
  { id: 'aho', name: 'Aho cabinet', start: '2019-05-01' },
  { id: 'berg', name: 'Berg cabinet', start: '2022-05-10', end: '2023-09-01' },
  { id: 'carr', name: 'Carr cabinet', start: '2023-09-01' },
];

const figure = fc.record({
  when,
  fiscal: fc.boolean(),
  basis: fc.constantFrom('total', 'annual', 'cumulative', undefined),
  // undefined: the source gives no stage, and no sentence may give it one.
  status: fc.constantFrom(
    'planned',
    'allocated',
    'actual',
    'decided',
    'pledged',
    'proposed',
    'target',
    undefined,
  ),
  actor: fc.constantFrom('government', 'agency', 'company', 'partner', 'public-private', undefined),
  actorName: fc.constantFrom(undefined, undefined, 'imec', 'TSMC', 'the Ministry of Industry'),
  modality: fc.constantFrom(undefined, 'expected', 'anticipated', 'planned', 'proposed'),
  // The source's own verb ("pledged to provide"), or the status's.
  verb: fc.constantFrom(undefined, undefined, 'provide', 'earmark'),
  date: fc.constantFrom(undefined, ...DATES),
  administration: fc.constantFrom(undefined, undefined, undefined, 'aho', 'berg'),
  recipients: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
  places: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 2 }),
  scope: fc.constantFrom(undefined, 'green technologies', 'its second plant'),
  alternatives: fc.uniqueArray(fc.constantFrom(7.1, 8.3), { maxLength: 2 }),
  // The other sources' figures for another scope or at another date: a difference, not a disagreement.
  alternativeScope: fc.constantFrom(undefined, undefined, 'batteries and hydrogen'),
  alternativeDate: fc.constantFrom(undefined, undefined, '2024-02-10'),
});
export type GeneratedFigure = typeof figure extends fc.Arbitrary<infer T> ? T : never;

const target = fc.record({
  year: fc.integer({ min: 2019, max: 2030 }),
  fiscal: fc.boolean(),
  modality: fc.constantFrom(undefined, 'expected', 'anticipated', 'planned', 'proposed'),
  range: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }))),
  alternative: fc.option(fc.integer({ min: 41, max: 99 })),
  alternativeScope: fc.constantFrom(undefined, undefined, 'all plants of the region'),
});
export type GeneratedTarget = typeof target extends fc.Arbitrary<infer T> ? T : never;

const partner = fc.record({
  date: fc.constantFrom(undefined, '2022-12-13', '2023-06', '2023', '2024-03-02', '2025-06', '2026'),
  instrument: fc.constantFrom('mou', 'moc', 'joint-statement', 'agreement', 'treaty', 'partnership'),
  party: fc.constantFrom(undefined, 'Rapidus', 'the industry ministry'),
  counterparty: fc.constantFrom('the European Union', 'IBM', 'the Netherlands', 'imec'),
  term: fc.option(fc.tuple(fc.integer({ min: 2020, max: 2026 }), fc.integer({ min: 0, max: 5 }))),
});
export type GeneratedPartner = typeof partner extends fc.Arbitrary<infer T> ? T : never;

export const wordingCase = fc.record({
  figures: fc.array(figure, { minLength: 1, maxLength: 4 }),
  // Parts of the first figure, in millions (the figures are billions).
  parts: fc.uniqueArray(fc.constantFrom(250, 400, 600), { maxLength: 3 }),
  // How the source qualifies the parts: a running total holding an "up to" part is "up to" too.
  partQualifier: fc.constantFrom('exact', 'up-to', 'about'),
  targets: fc.array(target, { maxLength: 2 }),
  indicatorAlternative: fc.option(fc.integer({ min: 21, max: 39 })),
  programmes: fc.array(
    fc.record({
      date: fc.constantFrom(undefined, ...DATES),
      alternative: fc.boolean(),
      // A budget for more than the programme's sector (budgetScope.beyondSectors), or for its own aims.
      budgetScope: fc.constantFrom(undefined, 'wider', 'own'),
    }),
    { maxLength: 2 },
  ),
  partner,
  withCurrent: fc.boolean(),
});
export type WordingCase = typeof wordingCase extends fc.Arbitrary<infer T> ? T : never;

/** The amount of figure i in billions: each distinct, none an alternative's (7.1, 8.3). */
export const figureAmount = (i: number) => [1.3, 2.6, 3.9, 5.2][i] ?? 6.5;

const money = (amount: number, scale: 'billion' | 'million') => ({
  amount,
  currency: 'EUR',
  scale,
  qualifier: 'exact' as const,
});

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The case as a dataset on the fixture's sources, sectors, fields, channels and risks. */
export function caseDataset(fixture: Dataset, g: WordingCase): Dataset {
  const [first, second] = fixture.sources;
  const cite = [{ source: first?.id ?? '', quote: 'Q' }];
  const otherCite = [{ source: second?.id ?? '', quote: 'Q' }];
  const sector = fixture.sectors[0]?.id ?? '';
  const investments = g.figures.map((f, i) =>
    defined({
      id: `figure-${i}`,
      label: `Figure ${i}`,
      fields: [],
      cite,
      amount: money(figureAmount(i), 'billion'),
      ...f.when,
      fiscal: f.fiscal || undefined,
      basis: f.basis,
      status: f.status,
      actor: f.actor,
      actorName: f.actorName,
      modality: f.modality,
      verb: f.verb,
      date: f.date,
      administration: f.administration,
      recipients: f.recipients,
      places: f.places,
      scope: f.scope,
      alternatives: f.alternatives.map((a) =>
        defined({
          amount: money(a, 'billion'),
          scope: f.alternativeScope,
          date: f.alternativeDate,
          cite: otherCite,
        }),
      ),
    }),
  );
  const whole = g.figures[0];
  const parts = g.parts.map((amount, i) => ({
    id: `part-${i}`,
    label: `Part ${i}`,
    partOf: 'figure-0',
    fields: [],
    recipients: [],
    places: [],
    alternatives: [],
    cite,
    ...(whole?.status === 'target' ? { status: 'planned' } : whole?.status ? { status: whole.status } : {}),
    ...(whole?.when ?? { year: 2024 }),
    amount: { ...money(amount, 'million'), qualifier: g.partQualifier },
  }));
  const targets = g.targets.map((t, i) => {
    const value = t.range
      ? { amount: t.range[0], amountMax: t.range[0] + t.range[1], unit: 'wafers a month', qualifier: 'exact' }
      : { amount: 10 + i, unit: 'plants', qualifier: 'exact' };
    return defined({
      id: `target-${i}`,
      description: `Aim ${i}`,
      sectors: [sector],
      year: t.year,
      fiscal: t.fiscal || undefined,
      modality: t.modality,
      value,
      alternatives: t.alternative
        ? [
            defined({
              value: { amount: t.alternative, unit: value.unit, qualifier: 'about' },
              scope: t.alternativeScope,
              cite: otherCite,
            }),
          ]
        : [],
      cite,
    });
  });
  const indicators = [
    {
      id: 'share',
      label: 'Share of the market',
      sector,
      sectors: [],
      value: { amount: 20, unit: 'percent', qualifier: 'exact' },
      year: 2023,
      alternatives: g.indicatorAlternative
        ? [
            {
              value: { amount: g.indicatorAlternative, unit: 'percent', qualifier: 'exact' },
              cite: otherCite,
            },
          ]
        : [],
      cite,
    },
  ];
  const programs = g.programmes.map((p, i) =>
    defined({
      id: `programme-${i}`,
      name: `Programme ${i}`,
      kind: 'programme',
      date: p.date,
      sectors: [sector],
      budget: money(11 + i, 'billion'),
      budgetStated: [],
      budgetAlternatives: p.alternative ? [{ amount: money(12.5 + i, 'billion'), cite: otherCite }] : [],
      budgetScope:
        p.budgetScope === undefined
          ? undefined
          : { covers: 'roads, ports and schools', beyondSectors: p.budgetScope === 'wider' },
      recipients: [],
      places: [],
      goals: [],
      cite,
    }),
  );
  const p = g.partner;
  const partners = [
    defined({
      id: 'partner',
      counterparty: { name: p.counterparty, kind: 'organisation' },
      instrument: p.instrument,
      subject: 'chip research',
      sectors: [],
      cite,
      date: p.date,
      party: p.party,
      term: p.term ? { from: p.term[0], to: p.term[0] + p.term[1] } : undefined,
    }),
  ];
  const administrations = TERMS.filter((t) => g.withCurrent || t.id !== 'carr').map((t) => ({ ...t, cite }));
  return {
    ...fixture,
    meta: { ...fixture.meta, fiscalYear: { startMonth: 4, namedBy: 'start' as const } },
    administrations,
    investments: [...investments, ...parts],
    targets,
    indicators,
    programs,
    partners,
  } as unknown as Dataset;
}
