/**
 * One wording per figure: a chart label, its alt text and the document's sentence say the
 * same thing ("over ₩30 trillion" everywhere, never "more than" in one and "over" in another).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import { type Dataset, type Money, Qualifier } from '../../src/dataset/schema.js';
import { formatMoney, formatQuantity, qualifierWord } from '../../src/dataset/wording.js';
import {
  indicatorHighlights,
  investmentTrend,
  programBudgets,
  targetsTimeline,
} from '../../src/derive/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DATASETS = ['data/korea-emerging-tech.yaml', 'test/fixtures/datasets/veloria-test-fixture.yaml'];

async function load(file: string): Promise<Dataset> {
  const result = await loadDatasetFile(join(ROOT, file));
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error(`${file} did not validate`);
  return result.dataset;
}

describe.each(DATASETS)('derived wording of %s agrees with the documents', (file) => {
  it('states each budget and investment as the document’s money helper does', async () => {
    const data = await load(file);
    const moneys = new Map<string, Money>([
      ...data.programs.flatMap((p) => (p.budget ? [[p.id, p.budget] as const] : [])),
      ...data.investments.map((v) => [v.id, v.amount] as const),
    ]);
    const rows = [...programBudgets(data).rows, ...investmentTrend(data).rows];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const money = moneys.get(String(row.id));
      if (!money) throw new Error(`no money for ${String(row.id)}`);
      expect(row.amountText, String(row.id)).toBe(formatMoney(money));
    }
    for (const row of investmentTrend(data).rows) {
      expect(String(row.valueLabel)).toBe(`${String(row.amountText)} (${String(row.status)})`);
    }
  });

  it('states each target’s value and each indicator’s qualifier as the documents do', async () => {
    const data = await load(file);
    const details = new Map(targetsTimeline(data).rows.map((r) => [r.id, r.detail]));
    for (const target of data.targets.filter((t) => t.value)) {
      if (target.value) expect(details.get(target.id), target.id).toBe(formatQuantity(target.value));
    }
    for (const row of indicatorHighlights(data).rows) {
      expect(row.qualifierText).toBe(qualifierWord(Qualifier.parse(row.qualifier)).trim());
    }
  });
});

describe('a qualifier reads the same everywhere', () => {
  it('uses the source’s own word for a floor: "over", not "more than"', async () => {
    const data = await load(DATASETS[0] ?? '');
    const target = investmentTrend(data).rows.find((r) => r.status === 'target');
    expect(target?.valueLabel).toBe('over ₩30 trillion (target)');
    expect(indicatorHighlights(data).rows.find((r) => r.id === 'semiconductor-share')?.qualifierText).toBe(
      'over',
    );
    expect(JSON.stringify([programBudgets(data), investmentTrend(data)])).not.toContain('more than');
  });
});
