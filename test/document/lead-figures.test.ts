/** The one-pager's KPI rule (src/document/helpers-lead-figures.ts): the summary's own figures lead. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatQuantity } from '../../src/dataset/wording.js';
import { leadFigures } from '../../src/document/helpers-lead-figures.js';
import { dataset, SHIPPED } from './support.js';

type Row = Record<string, unknown>;

const JAPAN = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

const cite = (source: string) => [{ source, quote: 'q' }];
const yen = (amount: number, scale: string) => ({ amount, currency: 'JPY', scale, qualifier: 'exact' });

const sector: Row = {
  id: 'ai',
  summary: 'Subsidies of ¥72.5 billion, and ¥387.3 billion planned for a model.',
  cite: [...cite('news'), ...cite('budget')],
};
const programs: Row[] = [
  { id: 'big', sectors: ['ai'], budget: yen(5, 'trillion'), cite: cite('other') },
  { id: 'gpu', sectors: ['ai', 'chips'], budget: yen(725, 'hundred-million'), cite: cite('news') },
  { id: 'same', sectors: ['ai'], budget: yen(387.3, 'billion'), budgetSameAs: 'model', cite: cite('budget') },
];
const investments: Row[] = [
  { id: 'model', amount: yen(387.3, 'billion'), cite: cite('budget') },
  // The summary's number, but from a source the summary does not cite: a coincidence, not its figure.
  { id: 'elsewhere', amount: yen(2.5, 'billion'), cite: cite('other') },
];
const indicators: Row[] = [
  { id: 'shared', sectors: ['ai'], value: { amount: 5, unit: 'percent' }, cite: cite('other') },
  { id: 'own', sector: 'ai', value: { amount: 9, unit: 'percent' }, cite: cite('other') },
];

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('leadFigures', () => {
  it('puts the figures the summary states first, in its order, then own indicators, shared ones, budgets', () => {
    expect(ids(leadFigures(sector, programs, investments, indicators, 6))).toEqual([
      'gpu', // "¥72.5 billion", written first (725 hundred-million is 72.5 billion)
      'same', // "¥387.3 billion": the programme and its budgetSameAs investment are one figure
      'own',
      'shared',
      'big',
    ]);
  });

  it('stops at the count, and a sector whose summary states no figure falls back to indicators, then budgets', () => {
    expect(ids(leadFigures(sector, programs, investments, indicators, 1))).toEqual(['gpu']);
    const plain = { ...sector, summary: 'No figures here.' };
    expect(ids(leadFigures(plain, programs, investments, [], 2))).toEqual(['big', 'same']);
  });

  it("never leads with a budget for more than its programme's sectors, stated in the summary or not", () => {
    const wider = { budgetScope: { covers: 'roads and schools as well', beyondSectors: true } };
    const widened = programs.map((p) => (p.id === 'big' || p.id === 'gpu' ? { ...p, ...wider } : p));
    const chosen = ids(leadFigures(sector, widened, investments, indicators, 6));
    expect(chosen).not.toContain('big');
    expect(chosen).not.toContain('gpu');
    // A scope that stays within the sectors is a sector figure as before.
    const own = programs.map((p) =>
      p.id === 'big' ? { ...p, budgetScope: { covers: 'models', beyondSectors: false } } : p,
    );
    expect(ids(leadFigures(sector, own, investments, indicators, 6))).toContain('big');
  });

  it('does not read "72.5 billion" as "2.5 billion"', () => {
    const chosen = ids(leadFigures(sector, [], [{ ...investments[1], cite: cite('news') }], [], 3));
    expect(chosen).toEqual([]);
  });
});

describe('the shipped datasets: each one-pager leads with the first figure its "In brief" states', () => {
  for (const file of [SHIPPED, JAPAN]) {
    it(file.split('/').at(-1) ?? file, async () => {
      const data = await dataset(file);
      let checked = 0;
      for (const s of data.sectors) {
        // The first sum ("¥387.3 billion") or share ("20%") the summary writes, read by its own pattern.
        const match = /(\d[\d,.]*%)|[¥₩$€]\s?([\d,.]+ (?:million|billion|trillion))/u.exec(s.summary);
        if (!match) continue;
        const [lead] = leadFigures(
          s as unknown as Row,
          data.programs as unknown as Row[],
          data.investments as unknown as Row[],
          data.indicators as unknown as Row[],
          3,
        );
        if (match[1]) {
          const value = lead?.value as Parameters<typeof formatQuantity>[0] | undefined;
          expect(value && formatQuantity(value, false), s.id).toBe(match[1]);
        } else {
          const money = (lead?.budget ?? lead?.amount) as Parameters<typeof formatMoney>[0] | undefined;
          expect(money && formatMoney(money, undefined, false), s.id).toContain(match[2]);
        }
        checked += 1;
      }
      // The Japan summaries state figures; the Korea ones state none (then nothing is asserted for them).
      if (file === JAPAN) expect(checked).toBeGreaterThan(0);
    });
  }
});
