/**
 * A programme's budget and an investment can state the same money; `budgetSameAs` says so, and
 * every derived table counts it once. Validation warns when a budget and an investment share
 * an amount, a year and a source without the link, and refuses a link to another amount.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile, validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { moneyValue } from '../../src/dataset/wording.js';
import { programBudgets } from '../../src/derive/index.js';

const CITE = '[{ source: r, quote: Q }]';
const head = `meta: { id: x, title: X, country: Japan, language: en, asOf: "2025", author: A, currency: JPY }
sources: [{ id: r, title: R }, { id: s, title: S }]
sectors: [{ id: chips, name: Chips, summary: S, cite: ${CITE} }]
investments:
  - { id: tsmc-2022, label: TSMC plant aid, year: 2022, status: allocated, amount: { amount: 476, currency: JPY, scale: billion, qualifier: up-to }, cite: ${CITE} }
`;
const program = (extra: string, cite = CITE) =>
  `programs:\n  - { id: tsmc-aid, name: TSMC plant subsidy, kind: programme, year: 2022, budget: { amount: 476, currency: JPY, scale: billion, qualifier: up-to }${extra}, cite: ${cite} }\n`;

function validate(text: string) {
  return validateDatasetText(text, 'inline.yaml');
}

describe('budgetSameAs: one amount, counted once', () => {
  it('warns (not an error) when a budget and an investment state the same amount, year and source unlinked', () => {
    const result = validate(head + program(''));
    expect(result.dataset).toBeDefined();
    const found = result.diagnostics.filter((d) => d.code === 'DATA_SAME_MONEY');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.path).toBe('programs[0].budget');
    expect(found[0]?.hint).toContain('budgetSameAs: tsmc-2022');
  });

  it('does not warn when another source states the amount, or once the two are linked', () => {
    expect(validate(head + program('', '[{ source: s, quote: Q }]')).diagnostics).toEqual([]);
    expect(validate(head + program(', budgetSameAs: tsmc-2022')).diagnostics).toEqual([]);
  });

  it('refuses a link to an unknown figure or to a figure of another amount', () => {
    const unknown = validate(head + program(', budgetSameAs: tsmc-2023')).diagnostics;
    expect(unknown.map((d) => [d.code, d.path])).toEqual([['REF_UNKNOWN', 'programs[0].budgetSameAs']]);
    const other = validate(
      head.replace('amount: 476', 'amount: 732') + program(', budgetSameAs: tsmc-2022'),
    ).diagnostics;
    expect(other.map((d) => [d.code, d.severity])).toEqual([['DATA_INVALID_VALUE', 'error']]);
  });

  it("refuses a budget whose status is not its figure's: one money, one stage in every document", () => {
    const decided = validate(head + program(', budgetSameAs: tsmc-2022, budgetStatus: decided')).diagnostics;
    expect(decided.map((d) => [d.code, d.path])).toEqual([
      ['DATA_INVALID_VALUE', 'programs[0].budgetStatus'],
    ]);
    expect(decided[0]?.hint).toContain('budgetStatus: allocated');
    expect(
      validate(head + program(', budgetSameAs: tsmc-2022, budgetStatus: allocated')).diagnostics,
    ).toEqual([]);
  });

  it('draws the money once in the programme-budgets table', () => {
    const dataset = validate(head + program(', budgetSameAs: tsmc-2022')).dataset as Dataset;
    const rows = programBudgets(dataset).rows;
    expect(rows.map((r) => r.id)).toEqual(['tsmc-2022']);
  });
});

describe('the Japan fixture counts each amount once', () => {
  it('lists no amount twice in the programme-budgets table when the two records are linked', async () => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
    const { dataset } = await loadDatasetFile(file);
    if (!dataset) throw new Error('the Japan fixture did not validate');
    const linked = dataset.programs.filter((p) => p.budgetSameAs);
    expect(linked.length).toBeGreaterThanOrEqual(7);
    const rows = programBudgets(dataset).rows;
    const ids = rows.map((r) => r.id);
    for (const p of linked) {
      expect(ids).not.toContain(p.id);
      expect(ids).toContain(p.budgetSameAs);
    }
    // Every row that remains is a distinct record, and the table's total is each amount once.
    expect(new Set(ids).size).toBe(ids.length);
    const total = rows.reduce((sum, r) => sum + Number(r.valueBn), 0);
    const dropped = linked.reduce((sum, p) => sum + (p.budget ? moneyValue(p.budget) / 1e9 : 0), 0);
    expect(dropped).toBeGreaterThan(0);
    expect(total).toBeLessThan(
      dataset.programs
        .filter((p) => p.budget?.currency === 'JPY')
        .reduce((s, p) => s + (p.budget ? moneyValue(p.budget) / 1e9 : 0), 0) +
        dataset.investments
          .filter((v) => v.status !== 'target' && v.amount.currency === 'JPY')
          .reduce((s, v) => s + moneyValue(v.amount) / 1e9, 0),
    );
  });
});

describe('briefkit validate with only a warning', () => {
  it('prints the warning and exits 0', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { run } = await import('../../src/cli/run.js');
    const file = join(mkdtempSync(join(tmpdir(), 'briefkit-same-money-')), 'data.yaml');
    // Quotes that state the figures, so that the provenance check finds them.
    writeFileSync(
      file,
      (head + program('')).replaceAll('quote: Q', 'quote: The ministry gives up to 476 billion yen in 2022.'),
    );
    let err = '';
    let out = '';
    const code = await run(['validate', file], {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      isTTY: false,
    });
    expect(err).toContain('warning DATA_SAME_MONEY  programs[0].budget');
    expect(out).toContain(`✓ ${file}: valid`);
    expect(code).toBe(0);
  });
});
