import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../src/dataset/json-schema.js';
import { loadDatasetFile } from '../../src/dataset/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = join(ROOT, 'data', 'korea-emerging-tech.yaml');

async function shipped() {
  const result = await loadDatasetFile(FILE);
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error('shipped dataset did not validate');
  return result.dataset;
}

describe('the shipped dataset', () => {
  it('validates and holds the key figures with their qualifiers', async () => {
    const data = await shipped();
    const program = (id: string) => data.programs.find((p) => p.id === id);
    expect(program('digital-new-deal')?.budget).toEqual({
      amount: 58,
      currency: 'KRW',
      scale: 'trillion',
      qualifier: 'over',
    });
    expect(program('digital-new-deal')?.budgetStated).toEqual([
      { amount: 47, currency: 'USD', scale: 'billion', qualifier: 'about' },
    ]);
    expect(program('quantum-research-centres')?.budget).toMatchObject({
      amount: 44,
      scale: 'billion',
      qualifier: 'over',
    });
    expect(program('ai-investment-fund')?.budget).toMatchObject({
      amount: 100,
      scale: 'trillion',
      qualifier: 'exact',
    });
    const investment = (id: string) => data.investments.find((v) => v.id === id);
    expect(investment('strategic-fields-2025')).toMatchObject({
      year: 2025,
      status: 'planned',
      amount: { amount: 6.8 },
    });
    expect(investment('rd-2028-target')).toMatchObject({
      year: 2028,
      status: 'target',
      amount: { amount: 30, qualifier: 'over' },
    });
    expect(data.indicators.find((i) => i.id === 'robot-density')?.value.amount).toBe(1012);
    expect(data.indicators.find((i) => i.id === 'semiconductor-share')?.value).toMatchObject({
      amount: 20,
      qualifier: 'over',
    });
    expect(data.fields).toHaveLength(12);
    expect(data.channels).toHaveLength(4);
    expect(data.administrations.map((a) => a.id)).toEqual(['yoon', 'lee']);
  });

  // Every quote found in its source and every figure in its quotes: the product's own check now
  // (briefkit validate), tested on this dataset in test/dataset/provenance/datasets.test.ts.

  it('has a committed JSON Schema that matches the zod schema', () => {
    const committed = readFileSync(join(ROOT, 'data', 'policy-dataset.schema.json'), 'utf8');
    expect(committed, 'data/policy-dataset.schema.json is stale: run "npm run schema"').toBe(
      datasetJsonSchema(),
    );
  });
});
