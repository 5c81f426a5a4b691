/**
 * Investment figures in a row that open with the same words ("The government pledged to
 * provide") are said once, as a lead and a list (openingRuns in src/document/helpers-figures.ts,
 * templates/briefing.md.hbs): a run of identical openings reads as a ledger. A figure between
 * them with another opening breaks the run; targets and figures with fields keep their sentence.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { printedTexts, shippedModels } from './shipped-texts.js';

const CITE = '[{ source: src, quote: The ministry said so. }]';
const aid = (id: string, year: number, amount: number, status = 'pledged') =>
  `  - { id: ${id}, label: Aid ${id}, year: ${year}, status: ${status}, verb: provide, amount: { amount: ${amount}, currency: EUR, scale: million }, recipients: [Firm ${id}], cite: ${CITE} }`;

function dataset(investments: string[]): Dataset {
  const text = `meta:
  id: example
  title: Example
  country: Ruritania
  language: en
  asOf: 2025-12-22
  author: Analyst
  currency: EUR
sources:
  - { id: src, title: Budget note, publisher: Ministry }
sectors:
  - { id: chips, name: Chips, summary: Chips., cite: ${CITE} }
investments:
${investments.join('\n')}
`;
  const result = validateDatasetText(text, 'x.yaml');
  expect(result.diagnostics).toEqual([]);
  return result.dataset as Dataset;
}

function briefingTexts(data: Dataset): string[] {
  return printedTexts(shippedModels(data))
    .filter((t) => t.where === 'briefing')
    .map((t) => t.text);
}

describe('investment figures that open alike', () => {
  it('are said once as a lead and a list of amounts', () => {
    const texts = briefingTexts(dataset([aid('a', 2023, 10), aid('b', 2024, 20), aid('c', 2024, 30)]));
    const pledged = texts.filter((t) => /pledged to provide/.test(t));
    expect(pledged).toEqual(['The government pledged to provide:']);
    for (const [amount, firm] of [
      ['€10 million', 'a'],
      ['€20 million', 'b'],
      ['€30 million', 'c'],
    ])
      expect(texts).toContainEqual(
        expect.stringMatching(new RegExp(`^${amount} in 20\\d\\d to Firm ${firm}\\[1\\]\\.$`)),
      );
  });

  it('keep a sentence each when another opening stands between them', () => {
    const texts = briefingTexts(
      dataset([aid('a', 2022, 10), aid('b', 2023, 20, 'allocated'), aid('c', 2024, 30)]),
    );
    expect(texts.filter((t) => t.startsWith('The government pledged to provide €'))).toHaveLength(2);
    expect(texts).not.toContain('The government pledged to provide:');
  });
});
