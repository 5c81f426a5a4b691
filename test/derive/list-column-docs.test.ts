/**
 * The descriptions of the columns a record field becomes (`budgetScope` → `budgetScopeCovers`,
 * `counterparty` → `counterpartyName`, `counterpartyKind`), which docs/chart-tables.md prints:
 * the record's description, then the nested field by name and its own description. They read
 * "Its covers." before (issue 13), a field name worded as if it were a noun.
 */
import { describe, expect, it } from 'vitest';
import { LIST_NAMES, listColumns, nestedFieldDescription } from '../../src/derive/lists.js';

const nested = LIST_NAMES.flatMap((list) =>
  listColumns(list)
    .filter((c) => c.name !== c.field && /^[A-Z]/.test(c.name.slice(c.field.length)))
    .map((c) => ({ list, ...c })),
);

describe('columns of a record field', () => {
  it('give the nested field by name and its own description', () => {
    const covers = nested.find((c) => c.name === 'budgetScopeCovers');
    expect(covers?.description).toMatch(
      /^What a programme budget covers, .*\. `covers`: What the budget is for, /,
    );
    const kind = nested.find((c) => c.list === 'partners' && c.name === 'counterpartyKind');
    expect(kind?.description).toMatch(/^The other side of the partnership\. `kind`: country /);
  });

  it('never word a field name as a noun ("Its covers.")', () => {
    // Money, quantity and period columns are not record fields and keep their own wording.
    const records = nested.filter(
      (c) => !/(Value|Text|Currency|Qualifier|Amount|Unit|From|To)$/.test(c.name),
    );
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const c of records) expect(c.description, c.name).not.toMatch(/\bIts [a-z]+\.$/);
  });

  it('name a nested field the schema does not describe', () => {
    expect(nestedFieldDescription('covers', '')).toBe('The field `covers`.');
    expect(nestedFieldDescription('kind', 'country, organisation or company.')).toBe(
      '`kind`: country, organisation or company.',
    );
  });
});
