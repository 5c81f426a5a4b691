/**
 * docs/chart-tables.md cannot drift from the tables: it is generated from the derived tables'
 * row schemas and the dataset's record schemas (src/derive/table-docs.ts), the committed file is
 * that text, and every row the derive functions make, for shipped, fixture and generated
 * datasets, parses with its table's schema strictly (no field more, none less, none retyped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile, validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { CHART_TABLE_NAMES, deriveTableSet } from '../../src/derive/index.js';
import { chartTablesDoc } from '../../src/derive/table-docs.js';
import { rowSchemaOf } from '../../src/derive/table-schemas.js';
import { caseArbitrary } from '../fuzz/chart-cases.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = [
  'data/korea-emerging-tech.yaml',
  'test/fixtures/datasets/japan-semiconductors-ai.yaml',
  'test/fixtures/datasets/veloria-test-fixture.yaml',
  'test/fixtures/charts/tiny.yaml',
];

async function datasets(): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for (const file of FILES) {
    const result = await loadDatasetFile(join(ROOT, file));
    if (!result.dataset) throw new Error(`${file} did not validate`);
    out.push(result.dataset);
  }
  // Generated datasets: duplicate names, several figures a year, missing optional fields.
  for (const text of fc.sample(caseArbitrary(join(ROOT, FILES[0] ?? '')), { numRuns: 40, seed: 11 })) {
    const result = validateDatasetText(text, 'generated.yaml');
    if (result.dataset) out.push(result.dataset);
  }
  return out;
}

describe('docs/chart-tables.md', () => {
  it('is the text generated from the schemas (run `npm run docs:tables` after changing a table)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'chart-tables.md'), 'utf8')).toBe(chartTablesDoc());
  });

  it('documents every table a spec may bind to', () => {
    const doc = chartTablesDoc();
    for (const name of [...CHART_TABLE_NAMES, 'sectorProfile']) expect(doc).toContain(`### \`${name}\``);
  });

  it('has a schema that every derived row meets, for every dataset', async () => {
    const all = await datasets();
    expect(all.length).toBeGreaterThan(20);
    for (const data of all)
      for (const [name, table] of Object.entries(deriveTableSet(data))) {
        const schema = rowSchemaOf(name);
        expect(schema, name).toBeDefined();
        for (const row of table.rows) {
          const parsed = schema?.safeParse(row);
          expect(parsed?.success, `${name}: ${parsed?.error?.message}`).toBe(true);
        }
      }
  });
});
