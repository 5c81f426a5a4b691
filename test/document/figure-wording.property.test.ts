/**
 * Property: for a generated investment (a year before or after the as-of date, a period open at
 * either end, fiscal or calendar years, a total or an amount a year, any actor, named or not,
 * any status and hedge), the sentence the shipped briefing template renders keeps the rules:
 * the tense follows the as-of date, the subject is the record's actor, the period and fiscal
 * years are said, and so is the source's hedge. The oracle below is written from the rules,
 * not from src/document/figure-wording.ts. A second property does the same for what issue 13 added
 * later: recipients and places, parts of a figure ("of which"), sources that disagree, quantity
 * ranges and partnerships (tense from the date, the date's own precision, names as written).
 *
 * Replay a failure with FC_SEED=<seed> npx vitest run test/document/figure-wording.property.test.ts
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Investment, Partner, Target } from '../../src/dataset/schema.js';
import { buildBriefingModel } from '../../src/document/build-models.js';
import type { Briefing } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { dataset, FIXTURE, runsText, TEMPLATES } from './support.js';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);

let fixture: Dataset;
beforeAll(async () => {
  fixture = await dataset(FIXTURE);
});

/** The fixture's as-of date is 1 March 2024; its fiscal year (added here) starts in April. */
const AS_OF = '2024-03-01';

type Years = { year: number } | { period: { from?: number; to?: number } };

const when: fc.Arbitrary<Years> = fc.oneof(
  fc.record({ year: fc.integer({ min: 2018, max: 2030 }) }),
  fc
    .tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 8 }))
    .map(([from, length]) => ({ period: { from, to: from + length } })),
  fc.record({ period: fc.record({ from: fc.integer({ min: 2018, max: 2030 }) }) }),
  fc.record({ period: fc.record({ to: fc.integer({ min: 2018, max: 2030 }) }) }),
);

const figure = fc.record({
  when,
  fiscal: fc.boolean(),
  basis: fc.constantFrom('total', 'annual', undefined),
  status: fc.constantFrom('planned', 'allocated', 'actual', 'pledged', 'proposed', 'target'),
  actor: fc.constantFrom('government', 'agency', 'company', 'partner', 'public-private', undefined),
  actorName: fc.constantFrom(undefined, 'imec', 'TSMC', 'the Ministry of Industry'),
  modality: fc.constantFrom(undefined, 'expected', 'anticipated', 'planned', 'proposed'),
});
type Generated = typeof figure extends fc.Arbitrary<infer T> ? T : never;

function record(g: Generated): Investment {
  const base = fixture.investments[0] as Investment;
  return {
    id: 'generated',
    label: 'Generated figure',
    amount: base.amount,
    scope: 'green technologies',
    fields: [],
    recipients: [],
    places: [],
    alternatives: [],
    cite: base.cite,
    status: g.status,
    ...g.when,
    ...(g.fiscal ? { fiscal: true } : {}),
    ...(g.basis ? { basis: g.basis } : {}),
    ...(g.actor ? { actor: g.actor } : {}),
    ...(g.actorName ? { actorName: g.actorName } : {}),
    ...(g.modality ? { modality: g.modality } : {}),
  } as Investment;
}

function sentenceFor(g: Generated): string {
  const data = {
    ...fixture,
    meta: { ...fixture.meta, fiscalYear: { startMonth: 4, namedBy: 'start' as const } },
    investments: [record(g)],
  } as Dataset;
  const result = buildBriefingModel({ dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES });
  expect(result.diagnostics).toEqual([]);
  const section = (result.model as Briefing).sections.find((s) => s.title === 'Investment');
  const paragraph = section?.blocks.find((b) => b.type === 'paragraph');
  // The figure's sentence: up to its citation (a target's "This is a target…" follows it).
  const text = paragraph?.type === 'paragraph' ? runsText(paragraph.children) : '';
  return text.split('[')[0] ?? '';
}

/** The rules, stated independently: is the figure's last year over as of 1 March 2024? */
function isPast(g: Generated): boolean {
  const last = 'year' in g.when ? g.when.year : g.when.period.to;
  if (last === undefined) return false;
  // Fiscal year N runs April N to March N + 1: fiscal 2023 is still under way on 1 March 2024.
  return g.fiscal ? last <= 2022 : last <= 2023;
}

// Finite present forms only: "was expected to propose" has an infinitive, not a present tense.
const PRESENT_WORDS = /\b(plans|plan to|aims|aim for|has|have|is|are|proposes)\b/;
const PAST_WORDS = /\b(planned to|aimed for|was|were)\b/;

describe(`the investment sentence for generated records (as of ${AS_OF})`, () => {
  it('keeps tense, actor, period and hedge', () => {
    fc.assert(
      fc.property(figure, (g) => {
        const sentence = sentenceFor(g);
        expect(sentence).toContain('€3.9 billion');
        // Tense from the as-of date.
        if (isPast(g)) expect(sentence).not.toMatch(PRESENT_WORDS);
        else expect(sentence).not.toMatch(PAST_WORDS);
        // The subject is the record's actor; a name is printed as written.
        if (g.actorName) expect(sentence.startsWith(`${g.actorName} `)).toBe(true);
        else if (g.actor === undefined || g.actor === 'government')
          expect(sentence.startsWith('The government ')).toBe(true);
        else if (g.actor !== 'agency') expect(sentence).not.toMatch(/government/i);
        // The period and the kind of year are said.
        if ('period' in g.when) {
          const { from, to } = g.when.period;
          if (from !== undefined && to !== undefined)
            expect(sentence).toMatch(new RegExp(`${from}(–| to )${to}`));
          else if (from !== undefined) expect(sentence).toContain(`from ${g.fiscal ? 'fiscal ' : ''}${from}`);
          else expect(sentence).toMatch(new RegExp(`(by|until) ${g.fiscal ? 'fiscal ' : ''}${to}`));
        } else expect(sentence).toContain(`${g.fiscal ? 'fiscal ' : ''}${g.when.year}`);
        if (g.basis === 'annual') expect(sentence).toContain('a year');
        // The source's hedge.
        if (g.modality === 'expected' || g.modality === 'anticipated')
          expect(sentence).toContain(`${g.modality} to`);
        // Never a government plan for someone else's money.
        if (g.actor === 'company' || g.actorName === 'TSMC')
          expect(sentence).not.toContain('government plans');
      }),
      { numRuns: 60, seed },
    );
  });
});

const NAMES = ['Rapidus', 'TSMC', 'Kioxia', 'Western Digital', 'imec', 'the Fraunhofer Society'];
const PLACES = ['Hiroshima', 'Chitose, Hokkaido', 'Kumamoto Prefecture', 'Yokkaichi, Mie'];

const related = fc.record({
  status: fc.constantFrom('planned', 'allocated', 'actual', 'pledged', 'proposed'),
  year: fc.integer({ min: 2019, max: 2029 }),
  recipients: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
  places: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 2 }),
  scope: fc.constantFrom(undefined, 'green technologies', 'its second plant'),
  // Parts of the figure: their amounts in billions (the whole is €3.9 billion).
  parts: fc.uniqueArray(fc.constantFrom(0.5, 1.1, 1.7), { maxLength: 3 }),
  alternatives: fc.uniqueArray(fc.constantFrom(3.7, 4.2), { maxLength: 2 }),
  range: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }))),
  partner: fc.record({
    date: fc.constantFrom(undefined, '2022-12-13', '2023-06', '2023', '2024-03-02', '2025-06', '2026'),
    instrument: fc.constantFrom('mou', 'moc', 'joint-statement', 'agreement', 'treaty', 'partnership'),
    party: fc.constantFrom(undefined, 'Rapidus', 'the industry ministry'),
    counterparty: fc.constantFrom('the European Union', 'IBM', 'the Netherlands', 'imec'),
    term: fc.option(fc.tuple(fc.integer({ min: 2020, max: 2026 }), fc.integer({ min: 0, max: 5 }))),
  }),
});
type Related = typeof related extends fc.Arbitrary<infer T> ? T : never;

/** How a reader writes the parts' amounts: €0.5 billion reads "€500 million". */
const PART_TEXT: Record<number, string> = { 0.5: '€500 million', 1.1: '€1.1 billion', 1.7: '€1.7 billion' };

const billions = (amount: number) => ({
  amount,
  currency: 'EUR',
  scale: 'billion' as const,
  qualifier: 'exact' as const,
});

function relatedData(g: Related): Dataset {
  const [first, second] = fixture.sources;
  const cite = [{ source: first?.id ?? '', quote: 'Q' }];
  const otherCite = [{ source: second?.id ?? '', quote: 'Q' }];
  const base = { label: 'Figure', fields: [], recipients: [], places: [], alternatives: [], cite };
  const whole = {
    ...base,
    id: 'whole',
    status: g.status,
    year: g.year,
    amount: billions(3.9),
    recipients: g.recipients,
    places: g.places,
    ...(g.scope ? { scope: g.scope } : {}),
    alternatives: g.alternatives.map((a) => ({ amount: billions(a), cite: otherCite })),
  };
  const parts = g.parts.map((amount, i) => ({
    ...base,
    id: `part-${i}`,
    partOf: 'whole',
    status: g.status,
    year: g.year,
    amount: billions(amount),
  }));
  const target = g.range
    ? [
        {
          id: 't',
          description: 'Wafers',
          sectors: [],
          year: 2030,
          cite,
          value: {
            amount: g.range[0],
            amountMax: g.range[0] + g.range[1],
            unit: 'wafers a month',
            qualifier: 'exact',
          },
        },
      ]
    : [];
  const p = g.partner;
  const partner = {
    id: 'p',
    counterparty: { name: p.counterparty, kind: 'organisation' },
    instrument: p.instrument,
    subject: 'chip research',
    sectors: [],
    cite,
    ...(p.date ? { date: p.date } : {}),
    ...(p.party ? { party: p.party } : {}),
    ...(p.term ? { term: { from: p.term[0], to: p.term[0] + p.term[1] } } : {}),
  } as Partner;
  return {
    ...fixture,
    investments: [whole, ...parts] as Investment[],
    targets: [...fixture.targets, ...(target as Target[])],
    partners: [partner],
  } as Dataset;
}

function buildBriefing(data: Dataset): Briefing {
  const result = buildBriefingModel({ dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES });
  expect(result.diagnostics).toEqual([]);
  return result.model as Briefing;
}

function sectionLines(model: Briefing, title: string): string[] {
  const section = model.sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) =>
    b.type === 'paragraph' ? [runsText(b.children)] : b.type === 'list' ? b.items.map(runsText) : [],
  );
}

/** "after 1 March 2024" for a date of any precision: a year or month that has begun is not after it. */
function isFutureDate(date: string): boolean {
  return date.slice(0, Math.min(date.length, 10)) > AS_OF.slice(0, date.length);
}

describe('sentences for generated recipients, places, parts, disagreeing sources, ranges and partners', () => {
  it('keep the rules', () => {
    fc.assert(
      fc.property(related, (g) => {
        const model = buildBriefing(relatedData(g));
        const investment = sectionLines(model, 'Investment');
        // A part is said with its whole, once, and never as a figure of its own.
        const sentence = investment.find((l) => l.includes('€3.9 billion')) ?? '';
        const partTexts = g.parts.map((part) => PART_TEXT[part] ?? '');
        for (const line of investment)
          for (const text of partTexts) expect(line.split(', of which')[0]).not.toContain(text);
        for (const text of partTexts) expect(sentence).toContain(text);
        expect(sentence.includes(', of which ')).toBe(g.parts.length > 0);
        // Recipients and places as written, each after its preposition.
        for (const name of g.recipients) expect(sentence).toContain(name);
        if (g.recipients.length > 0)
          expect(sentence).toMatch(new RegExp(`\\b(to|in|for) ${escapeRegExp(g.recipients[0] ?? '')}`));
        if (g.places.length > 0) expect(sentence).toContain(` in ${g.places[0]}`);
        if (g.scope && g.recipients.length > 0) expect(sentence).toContain(`for ${g.scope}`);
        // Sources that differ: both statements, each with a citation.
        expect(sentence.includes('Sources differ: €3.9 billion according to')).toBe(
          g.alternatives.length > 0,
        );
        for (const a of g.alternatives)
          expect(sentence).toMatch(new RegExp(`€${a} billion according to [^[]+\\[\\d+\\]`));
        expect(sentence).not.toMatch(/ {2}| [,.;]|,,/);
        // A quantity range prints both ends.
        if (g.range) {
          const text = JSON.stringify(model);
          expect(text).toContain(`${g.range[0]}–${g.range[0] + g.range[1]} wafers a month`);
        }
        // The partnership: the date's precision, the tense from the as-of date, names as written.
        const [line = ''] = sectionLines(model, 'Partners and agreements');
        const p = g.partner;
        // Names as written; only the first letter of a sentence is capitalised.
        const parties = `${p.party ?? 'Veloria'} and ${p.counterparty}`;
        if (p.date === undefined) expect(line.slice(1)).toContain(parties.slice(1));
        else expect(line).toContain(parties);
        if (p.date === undefined) expect(line).toMatch(/ have (signed|issued|formed) /);
        else {
          expect(line.startsWith(/^\d{4}-\d{2}-\d{2}$/.test(p.date) ? 'On ' : 'In ')).toBe(true);
          if (isFutureDate(p.date)) expect(line).toMatch(/ are to (sign|issue|form) /);
          else expect(line).toMatch(/ (signed|issued|formed) /);
        }
        if (p.term)
          expect(line).toContain(
            p.term[1] === 0 ? `running in ${p.term[0]}` : `running ${p.term[0]}–${p.term[0] + p.term[1]}`,
          );
        expect(line).toMatch(/\[\d+\]\.$/);
      }),
      { numRuns: 30, seed },
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
