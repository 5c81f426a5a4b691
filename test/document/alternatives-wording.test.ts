/**
 * Sources that disagree on a target's or an indicator's value, or on a programme's budget
 * (`alternatives`, `budgetAlternatives`): the schema takes each statement with its own
 * citations, validation checks those citations' sources, and the shipped templates print both
 * statements wherever the figure is printed ("sources differ: …"), in the briefing and on the
 * one-pagers.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { printedTexts, shippedModels } from './shipped-texts.js';

const CITE_A = '[{ source: jiji, quote: The ministry said so. }]';
const CITE_B = '[{ source: times, quote: The paper said so. }]';
const SALES = (amount: number, qualifier: string) =>
  `{ amount: ${amount}, unit: trillion yen in sales, qualifier: ${qualifier} }`;

const TEXT = `meta:
  id: example
  title: Example
  country: Japan
  language: en
  asOf: 2025-12-22
  author: Analyst
  currency: JPY
sources:
  - { id: jiji, title: Strategy draft, publisher: Jiji Press }
  - { id: times, title: Revised strategy, publisher: The Japan Times }
sectors:
  - { id: chips, name: Chips, summary: Chips., cite: ${CITE_A} }
programs:
  - { id: frame, name: Support framework, kind: plan, year: 2024, sectors: [chips], budget: { amount: 10, currency: JPY, scale: trillion, qualifier: at-least }, budgetStatus: pledged, budgetAlternatives: [{ amount: { amount: 10, currency: JPY, scale: trillion, qualifier: over }, cite: ${CITE_B} }], cite: ${CITE_A} }
targets:
  - { id: sales, sectors: [chips], description: Chip sales, value: ${SALES(15, 'over')}, year: 2030, alternatives: [{ value: ${SALES(15, 'about')}, cite: ${CITE_B} }], cite: ${CITE_A} }
investments:
  - { id: aid, label: Aid, year: 2024, status: allocated, amount: { amount: 732, currency: JPY, scale: billion }, cite: ${CITE_A} }
indicators:
  - { id: share, sector: chips, label: Share of the power-chip market, value: { amount: 20, unit: percent }, year: 2023, alternatives: [{ value: { amount: 18, unit: percent }, cite: ${CITE_B} }], cite: ${CITE_A} }
`;

function load(text: string): Dataset {
  const result = validateDatasetText(text, 'x.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

function codes(text: string): string[][] {
  return validateDatasetText(text, 'x.yaml').diagnostics.map((d) => [d.code, d.path ?? '']);
}

describe('alternatives on targets, indicators and programme budgets', () => {
  it('are accepted with their own citations, refused without, and their sources are checked', () => {
    load(TEXT);
    expect(
      codes(
        TEXT.replace(
          `alternatives: [{ value: ${SALES(15, 'about')}, cite: ${CITE_B} }], `,
          `alternatives: [{ value: ${SALES(15, 'about')} }], `,
        ),
      ),
    ).toEqual([['DATA_REQUIRED', 'targets[0].alternatives[0].cite']]);
    expect(
      codes(
        TEXT.replace(
          `alternatives: [{ value: ${SALES(15, 'about')}, cite: ${CITE_B} }], `,
          `alternatives: [{ value: ${SALES(15, 'about')}, cite: [{ source: timez, quote: Q. }] }], `,
        ),
      ),
    ).toEqual([['REF_UNKNOWN', 'targets[0].alternatives[0].cite[0].source']]);
  });

  it('print both statements, each with its sources named and cited', () => {
    const texts = printedTexts(shippedModels(load(TEXT))).map((t) => t.text);
    const has = (needle: string) => texts.filter((t) => t.includes(needle));
    // The target, in the sector section, the outlook and the one-pager.
    expect(
      has(
        '(sources differ: over 15 trillion yen in sales according to Jiji Press[1], about 15 trillion yen in sales according to The Japan Times[2])',
      ).length,
    ).toBeGreaterThanOrEqual(2);
    // The programme's budget.
    expect(
      has(
        '(sources differ: at least JP¥10 trillion according to Jiji Press[1], over JP¥10 trillion according to The Japan Times[2])',
      ).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it("put both statements of an indicator in its card's note, and cite both sources on the card", () => {
    const { briefing, sectors } = shippedModels(load(TEXT));
    const cards = [briefing, ...sectors].flatMap((m) =>
      m.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'kpi' ? b.items : []))),
    );
    const share = cards.filter((c) => c.label.startsWith('Share of the power-chip market'));
    expect(share.length).toBeGreaterThanOrEqual(2);
    for (const card of share) {
      expect(card.note).toBe('sources differ: 20% according to Jiji Press, 18% according to The Japan Times');
      expect(card.citations).toEqual([1, 2]);
    }
  });

  it('print nothing extra when sources agree', () => {
    const agreeing = TEXT.replace(/, (budgetA|a)lternatives: \[\{[^\]]*\] \}\]/g, '');
    expect(agreeing).not.toContain('lternatives');
    const texts = printedTexts(shippedModels(load(agreeing))).map((t) => t.text);
    expect(texts.filter((t) => /sources differ/i.test(t))).toEqual([]);
  });
});
