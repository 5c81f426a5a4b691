/**
 * What the schema can say since issue 13's second part: partners and agreements, quantity
 * ranges, places and recipients, figures that sources state differently (`alternatives`) and
 * figures that are part of another (`partOf`). Valid records pass; each mistake is one
 * positioned diagnostic with a hint.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import { minimalDatasetText } from '../support/minimal-dataset.js';

const CITE = '[{ source: report, quote: The report says so. }]';
const MONEY = (amount: number) => `{ amount: ${amount}, currency: KRW, scale: billion }`;

function withSections(sections: string): string {
  return `${minimalDatasetText()}${sections}`;
}

function investment(id: string, amount: number, extra = ''): string {
  return `  - { id: ${id}, label: ${id}, year: 2024, status: allocated, amount: ${MONEY(amount)}, ${extra}cite: ${CITE} }\n`;
}

const codes = (text: string) => validateDatasetText(text, 'x.yaml').diagnostics.map((d) => [d.code, d.path]);

describe('partners', () => {
  const partner = (fields: string) =>
    withSections(
      `partners:\n  - { id: eu-mou, counterparty: { name: the European Union, kind: organisation }, ${fields}subject: semiconductor cooperation, sectors: [ai], cite: ${CITE} }\n`,
    );

  it('accepts a partnership with a counterparty, date, instrument, term and subject', () => {
    expect(codes(partner('date: 2023-07-04, instrument: mou, term: { from: 2023, to: 2028 }, '))).toEqual([]);
    expect(codes(partner('date: 2023, instrument: joint-statement, party: Rapidus, '))).toEqual([]);
    expect(codes(partner('instrument: other, instrumentName: a letter of intent, '))).toEqual([]);
  });

  it('refuses an unknown instrument, and "other" without its name', () => {
    expect(codes(partner('instrument: memo, '))).toEqual([['DATA_INVALID_VALUE', 'partners[0].instrument']]);
    expect(codes(partner('instrument: other, '))).toEqual([['DATA_REQUIRED', 'partners[0].instrumentName']]);
  });

  it('checks its sectors and its programme against the dataset', () => {
    const text = withSections(
      `partners:\n  - { id: p, counterparty: { name: IBM, kind: company }, instrument: partnership, subject: chips, sectors: [quantum], program: nope, cite: ${CITE} }\n`,
    );
    expect(codes(text)).toEqual([
      ['REF_UNKNOWN', 'partners[0].sectors[0]'],
      ['REF_UNKNOWN', 'partners[0].program'],
    ]);
  });

  it('keeps the free-text channels working beside partners', () => {
    const text = withSections(
      `channels:\n  - { id: c, name: Diplomacy, summary: Talks., cite: ${CITE} }\npartners:\n  - { id: p, counterparty: { name: Japan, kind: country }, instrument: treaty, subject: trade, cite: ${CITE} }\n`,
    );
    expect(codes(text)).toEqual([]);
  });
});

describe('quantity ranges', () => {
  const target = (value: string) =>
    withSections(
      `targets:\n  - { id: t, description: Wafers a month, value: ${value}, year: 2030, cite: ${CITE} }\n`,
    );

  it('accepts a range of a counted value', () => {
    expect(codes(target('{ amount: 40000, amountMax: 50000, unit: wafers a month }'))).toEqual([]);
  });

  it('refuses a range whose upper end is not above its lower end', () => {
    expect(codes(target('{ amount: 50000, amountMax: 40000, unit: wafers a month }'))).toEqual([
      ['DATA_INVALID_VALUE', 'targets[0].value.amountMax'],
    ]);
  });
});

describe('places and recipients', () => {
  it('accepts them on investments and programmes', () => {
    const text = withSections(
      `programs:\n  - { id: p, name: Aid, kind: programme, recipients: [Rapidus], places: ["Chitose, Hokkaido"], cite: ${CITE} }\ninvestments:\n${investment('a', 260, 'recipients: [Rapidus], places: ["Chitose, Hokkaido"], ')}`,
    );
    expect(codes(text)).toEqual([]);
  });
});

describe('sources that disagree', () => {
  it('accepts an alternative statement of a figure with its own citation', () => {
    const text = withSections(
      `investments:\n${investment('a', 732, `alternatives: [{ amount: ${MONEY(730)}, cite: ${CITE} }], `)}`,
    );
    expect(codes(text)).toEqual([]);
  });

  it('refuses an alternative without a citation', () => {
    const text = withSections(
      `investments:\n${investment('a', 732, `alternatives: [{ amount: ${MONEY(730)} }], `)}`,
    );
    expect(codes(text)).toEqual([['DATA_REQUIRED', 'investments[0].alternatives[0].cite']]);
  });
});

describe('part-of relations', () => {
  it('accepts a figure that is part of another', () => {
    const text = withSections(
      `investments:\n${investment('whole', 1860)}${investment('part', 650, 'partOf: whole, ')}`,
    );
    expect(codes(text)).toEqual([]);
  });

  it('refuses a part of an unknown figure, of itself, or in a cycle', () => {
    expect(codes(withSections(`investments:\n${investment('part', 650, 'partOf: hole, ')}`))).toEqual([
      ['REF_UNKNOWN', 'investments[0].partOf'],
    ]);
    expect(codes(withSections(`investments:\n${investment('a', 650, 'partOf: a, ')}`))).toEqual([
      ['DATA_INVALID_VALUE', 'investments[0].partOf'],
    ]);
    const cycle = `investments:\n${investment('a', 650, 'partOf: b, ')}${investment('b', 650, 'partOf: a, ')}`;
    expect(codes(withSections(cycle))).toEqual([
      ['DATA_INVALID_VALUE', 'investments[0].partOf'],
      ['DATA_INVALID_VALUE', 'investments[1].partOf'],
    ]);
  });

  it('refuses a part larger than its whole in the same currency', () => {
    const text = withSections(
      `investments:\n${investment('whole', 650)}${investment('part', 1860, 'partOf: whole, ')}`,
    );
    expect(codes(text)).toEqual([['DATA_INVALID_VALUE', 'investments[1].amount']]);
  });
});
