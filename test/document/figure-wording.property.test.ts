/**
 * Property: for a generated investment (a year before or after the as-of date, a period open at
 * either end, fiscal or calendar years, a total or an amount a year, any actor, named or not,
 * any status and hedge), the sentence the shipped briefing template renders keeps the rules:
 * the tense follows the as-of date, the subject is the record's actor, the period and fiscal
 * years are said, and so is the source's hedge. The oracle below is written from the rules,
 * not from src/document/figure-wording.ts.
 *
 * Replay a failure with FC_SEED=<seed> npx vitest run test/document/figure-wording.property.test.ts
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Investment } from '../../src/dataset/schema.js';
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
