/**
 * derive/totals.ts: a total built from its parts (a running total, a computed sum) is worded no
 * surer than they are; a total the source states for itself keeps its own words.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programBudgets } from '../../src/derive/budgets.js';
import { qualifiedTotals, weakestQualifier, weakestStatus } from '../../src/derive/totals.js';
import { dataset } from '../document/support.js';

const JAPAN = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

describe('totals no surer than their parts', () => {
  it('takes the weakest qualifier and the least settled status', () => {
    expect(weakestQualifier('exact', ['exact', 'up-to'])).toBe('up-to');
    expect(weakestQualifier('exact', ['over', 'at-least'])).toBe('at-least');
    expect(weakestQualifier('exact', ['up-to', 'over'])).toBe('about');
    expect(weakestQualifier('exact', ['exact'])).toBe('exact');
    // The source's own qualifier of the whole stands.
    expect(weakestQualifier('at-least', ['about'])).toBe('at-least');
    expect(weakestStatus('allocated', ['pledged', 'allocated'])).toBe('pledged');
    expect(weakestStatus('allocated', ['target'])).toBe('allocated');
    expect(weakestStatus(undefined, ['pledged'])).toBeUndefined();
  });

  it('words a running total with its capped part "up to", and a stated whole as stated', async () => {
    const data = await dataset(JAPAN);
    const out = qualifiedTotals(data);
    for (const whole of data.investments) {
      const parts = data.investments.filter((v) => v.partOf === whole.id);
      if (parts.length === 0) continue;
      const after = out.investments.find((v) => v.id === whole.id);
      const built = whole.basis === 'cumulative' || whole.amount.computed !== undefined;
      const capped = parts.some((p) => p.amount.qualifier === 'up-to');
      if (built && capped && whole.amount.qualifier === 'exact')
        expect(after?.amount.qualifier).toBe('up-to');
      if (!built) expect(after?.amount.qualifier).toBe(whole.amount.qualifier);
      // Its programme budget, the same money, says the same.
      for (const p of out.programs.filter((p) => p.budgetSameAs === whole.id))
        expect(p.budget?.qualifier).toBe(after?.amount.qualifier);
    }
    // The fixture has at least one running total with a capped part, so the test can fail.
    expect(
      data.investments.some(
        (w) =>
          w.basis === 'cumulative' &&
          data.investments.some((p) => p.partOf === w.id && p.amount.qualifier === 'up-to'),
      ),
    ).toBe(true);
  });

  it('draws a programme total beside the figures it holds, names them, and never counts them in it', async () => {
    const data = await dataset(JAPAN);
    const aggregates = data.programs.filter((p) => p.budgetIncludes.length + p.budgetOverlaps.length > 0);
    expect(aggregates.length).toBeGreaterThan(0);
    const table = programBudgets(data);
    for (const p of aggregates) {
      for (const id of p.budgetIncludes) {
        const row = table.rows.find((r) => r.id === id);
        if (row) expect(row.partOf).toBe(p.name);
      }
      for (const id of p.budgetOverlaps) {
        const row = table.rows.find((r) => r.id === id);
        if (row) expect(row.partOf).toBe(`${p.name} (possibly)`);
      }
      if (p.budgetIncludes.length > 0) expect(table.notes.join(' ')).toContain(`${p.name} includes`);
      // No more settled than what it holds.
      const held = [...p.budgetIncludes, ...p.budgetOverlaps].map(
        (id) => data.investments.find((v) => v.id === id)?.status,
      );
      const after = qualifiedTotals(data).programs.find((q) => q.id === p.id);
      expect(after?.budgetStatus).toBe(weakestStatus(p.budgetStatus, held));
    }
  });
});
