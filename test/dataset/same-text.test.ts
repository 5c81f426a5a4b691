/**
 * Two records with the same description print alike in every document: validation warns
 * (DATA_SAME_TEXT), once, at the second record, and not for short placeholder texts.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';

const CITE = '[{ source: r, quote: Q }]';
const GOAL = 'Help tech startups and SMEs develop innovative products and enter global markets';
const data = (
  first: string,
  second: string,
) => `meta: { id: x, title: X, country: Korea, language: en, asOf: "2025", author: A, currency: KRW }
sources: [{ id: r, title: R }]
sectors: [{ id: ai, name: AI, summary: S, cite: ${CITE} }]
programs:
  - { id: hub, name: Hub, kind: programme, goals: ["${first}"], cite: ${CITE} }
  - { id: voucher, name: Voucher, kind: programme, goals: ["${second}"], cite: ${CITE} }
`;

describe('DATA_SAME_TEXT', () => {
  it('warns at the second of two programmes with the same first goal, naming the first', () => {
    const result = validateDatasetText(data(GOAL, `${GOAL}.`), 'inline.yaml');
    expect(result.dataset).toBeDefined();
    const found = result.diagnostics.filter((d) => d.code === 'DATA_SAME_TEXT');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.path).toBe('programs[1].goals[0]');
    expect(found[0]?.message).toContain('"hub"');
  });

  it('does not warn for different descriptions or for short placeholders', () => {
    expect(
      validateDatasetText(data(GOAL, 'Like the Hub, supports tech startups and SMEs'), 'a.yaml').diagnostics,
    ).toEqual([]);
    expect(validateDatasetText(data('Support startups', 'Support startups'), 'b.yaml').diagnostics).toEqual(
      [],
    );
  });
});
