/**
 * What the shipped templates say of partners, places and recipients, quantity ranges, parts of
 * a figure and sources that disagree (issue 13): each from the data, in words that stay true,
 * and nothing when the data has none (no empty section, no empty slide).
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { printedTexts, shippedModels } from './shipped-texts.js';
import { runsText } from './support.js';

const CITE_A = '[{ source: jiji, quote: The ministry said so. }]';
const CITE_B = '[{ source: digitimes, quote: Media reported so. }]';

const BASE = `meta:
  id: example
  title: Example
  country: Japan
  language: en
  asOf: 2025-12-22
  fiscalYear: { startMonth: 4 }
  author: Analyst
  currency: JPY
sources:
  - { id: jiji, title: Aid story, publisher: Jiji Press }
  - { id: digitimes, title: Fab story, publisher: DIGITIMES }
sectors:
  - { id: chips, name: Chips, summary: Chips., cite: ${CITE_A} }
programs:
  - { id: micron, name: Micron aid, kind: programme, year: 2025, budget: { amount: 536, currency: JPY, scale: billion }, budgetStatus: allocated, recipients: [Micron Technology], places: [Hiroshima], cite: ${CITE_A} }
  - { id: kioxia, name: Kioxia aid, kind: programme, year: 2024, recipients: [Kioxia, Western Digital], places: ["Yokkaichi, Mie", "Kitakami, Iwate"], cite: ${CITE_A} }
indicators:
  - { id: share, label: Share, value: { amount: 20, unit: percent }, year: 2023, cite: ${CITE_A} }
targets:
  - { id: widths, description: Circuit line widths of the plant, value: { amount: 10, amountMax: 20, unit: nanometres }, year: 2024, cite: ${CITE_A} }
investments:
  - { id: chip-funds, label: Chip funds, year: 2023, fiscal: true, status: proposed, amount: { amount: 1.86, currency: JPY, scale: trillion }, scope: three chip funds, cite: ${CITE_A} }
  - { id: rapidus-fund, label: Rapidus fund, partOf: chip-funds, year: 2023, fiscal: true, status: proposed, amount: { amount: 650, currency: JPY, scale: billion, qualifier: about }, recipients: [Rapidus], cite: ${CITE_A} }
  - { id: rapidus-aid, label: Rapidus aid, year: 2023, status: allocated, amount: { amount: 260, currency: JPY, scale: billion }, recipients: [Rapidus], places: ["Chitose, Hokkaido"], scope: the construction of its plant, cite: ${CITE_A} }
  - { id: tsmc-own, label: TSMC money, year: 2026, status: planned, actor: company, actorName: TSMC, amount: { amount: 20, currency: USD, scale: billion }, places: [Kumamoto Prefecture], scope: its two fabs, cite: ${CITE_A} }
  - { id: tsmc-aid, label: TSMC aid, year: 2024, status: allocated, amount: { amount: 732, currency: JPY, scale: billion, qualifier: up-to }, recipients: [TSMC], places: [Kumamoto Prefecture], alternatives: [{ amount: { amount: 730, currency: JPY, scale: billion, qualifier: up-to }, cite: ${CITE_B} }], cite: ${CITE_A} }
`;

const PARTNERS = `partners:
  - { id: eu, counterparty: { name: the European Union, kind: organisation }, date: 2023-07-04, instrument: mou, subject: cooperation in the semiconductor field, cite: ${CITE_A} }
  - { id: ibm, counterparty: { name: IBM, kind: company }, party: Rapidus, date: 2022-12, instrument: partnership, term: { from: 2023, to: 2027 }, subject: mass production of next-generation chips, cite: ${CITE_B} }
  - { id: future, counterparty: { name: the Netherlands, kind: country }, date: 2026-03, instrument: other, instrumentName: a letter of intent, subject: photonics, cite: ${CITE_B} }
`;

function load(text: string): Dataset {
  const result = validateDatasetText(text, 'x.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

function briefingParagraphs(data: Dataset, section: string): string[] {
  const { briefing } = shippedModels(data);
  const found = briefing.sections.find((s) => s.title === section);
  return (found?.blocks ?? []).flatMap((b) => {
    if (b.type === 'paragraph') return [runsText(b.children)];
    if (b.type === 'list') return b.items.map((item) => runsText(item));
    return [];
  });
}

describe('partners and agreements', () => {
  it('get a briefing section that says who signed what, when, on what', () => {
    const lines = briefingParagraphs(load(BASE + PARTNERS), 'Partners and agreements');
    // In time order.
    expect(lines.map((l) => l.slice(0, 12))).toEqual(['In December ', 'On 4 July 20', 'In March 202']);
    expect(lines).toContain(
      'In December 2022, Rapidus and IBM formed a partnership on mass production of next-generation chips, running 2023–2027[2].',
    );
    expect(lines).toContain(
      'On 4 July 2023, Japan and the European Union signed a memorandum of understanding on cooperation in the semiconductor field[1].',
    );
    // A date after the as-of date is a plan, not a fact.
    expect(lines).toContain(
      'In March 2026, Japan and the Netherlands are to sign a letter of intent on photonics[2].',
    );
  });

  it('run in date order within a year', () => {
    const later = `partners:
  - { id: b, counterparty: { name: the European Union, kind: organisation }, date: 2023-07-04, instrument: mou, subject: chips, cite: ${CITE_A} }
  - { id: a, counterparty: { name: the Netherlands, kind: country }, date: 2023-06-21, instrument: moc, subject: chips, cite: ${CITE_A} }
`;
    const lines = briefingParagraphs(load(BASE + later), 'Partners and agreements');
    expect(lines.map((l) => l.slice(0, 12))).toEqual(['On 21 June 2', 'On 4 July 20']);
  });

  it('get a deck slide, and neither appears without partners', () => {
    const withPartners = shippedModels(load(BASE + PARTNERS)).deck;
    // The slide's title is a sentence: "The sources record two partnerships and agreements with partners abroad."
    const partnersSlide = (s: { title: string }) => / with partners abroad\.$/.test(s.title);
    expect(withPartners.slides.some(partnersSlide)).toBe(true);
    const without = shippedModels(load(BASE));
    expect(without.deck.slides.some(partnersSlide)).toBe(false);
    expect(without.briefing.sections.some((s) => s.title === 'Partners and agreements')).toBe(false);
  });
});

describe('figures with places, recipients, parts and disagreeing sources', () => {
  const lines = () => briefingParagraphs(load(BASE), 'Investment');

  it('say who receives the money and where', () => {
    // Two allocations in a row: one lead, then the amounts (openingRuns).
    const all = lines();
    const lead = all.indexOf('The government allocated:');
    expect(lead).toBeGreaterThan(-1);
    expect(all[lead + 1]).toBe(
      'JP¥260 billion in 2023 to Rapidus in Chitose, Hokkaido, for the construction of its plant[1].',
    );
  });

  it('say where, after what the money goes to, when no recipient is named', () => {
    expect(lines()).toContain(
      'TSMC plans to invest US$20 billion in 2026 in its two fabs in Kumamoto Prefecture[1].',
    );
  });

  it('print a part after its whole as "of which", never as a figure of its own', () => {
    const all = lines();
    expect(all).toContain(
      'The government proposed JP¥1.86 trillion in fiscal 2023 for three chip funds[1], of which about JP¥650 billion for Rapidus[1].',
    );
    expect(all.filter((l) => l.includes('JP¥650 billion'))).toHaveLength(1);
  });

  it('say that sources differ on a part too, inside the sentence of its whole', () => {
    const text = BASE.replace(
      `recipients: [Rapidus], cite: ${CITE_A} }`,
      `recipients: [Rapidus], alternatives: [{ amount: { amount: 700, currency: JPY, scale: billion }, cite: ${CITE_B} }], cite: ${CITE_A} }`,
    );
    expect(text).not.toBe(BASE);
    const whole = briefingParagraphs(load(text), 'Investment').find((l) => l.includes('1.86 trillion')) ?? '';
    expect(whole).toContain(
      'of which about JP¥650 billion for Rapidus[1] (sources differ: about JP¥650 billion according to Jiji Press[1], JP¥700 billion according to DIGITIMES[2]).',
    );
  });

  it('say that sources differ, citing both', () => {
    const tsmc = lines().find((l) => l.includes('TSMC')) ?? '';
    expect(tsmc).toContain(
      'Sources differ: up to JP¥732 billion according to Jiji Press[1], up to JP¥730 billion according to DIGITIMES[2].',
    );
  });

  it("say who receives a programme's budget and where", () => {
    const lines = briefingParagraphs(load(BASE), 'Strategies and programmes');
    expect(lines).toContain(
      'Micron aid (2025): a sum for Micron Technology in Hiroshima (allocated), stated in the Investment section.[1]',
    );
    expect(lines).toContain(
      'Kioxia aid (2024), for Kioxia and Western Digital in Yokkaichi, Mie; and Kitakami, Iwate.[1]',
    );
  });

  it('print a quantity range with both ends', () => {
    const texts = printedTexts(shippedModels(load(BASE))).map((t) => t.text);
    expect(texts.some((t) => t.includes('10–20 nanometres'))).toBe(true);
  });
});
