/**
 * The Japan fixture: a second real-country dataset (semiconductors and AI), built from public
 * sources whose text is stored under test/fixtures/sources/japan/ (meta.sourceFolder). It must
 * validate as it is; validation finds every quote in its stored source and every figure in its
 * quotes (src/dataset/provenance/), so the fixture can be trusted as a record of what the sources say.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
const SOURCES = join(ROOT, 'test', 'fixtures', 'sources', 'japan');

async function japan() {
  const result = await loadDatasetFile(FIXTURE);
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error('the Japan fixture did not validate');
  return result.dataset;
}

describe('the Japan semiconductors-and-AI fixture', () => {
  it('validates with no diagnostics', async () => {
    const data = await japan();
    expect(data.meta.currency).toBe('JPY');
    expect(data.sectors.length).toBeGreaterThanOrEqual(8);
    expect(data.sources.length).toBeGreaterThanOrEqual(15);
  });

  it('names a stored file for every source, so every quote is checked (test/dataset/provenance/)', async () => {
    const data = await japan();
    expect(data.sources.filter((s) => !s.file).map((s) => s.id)).toEqual([]);
    for (const source of data.sources) expect(existsSync(join(SOURCES, source.file ?? ''))).toBe(true);
  });

  it('cites every stored source at least once', async () => {
    const data = await japan();
    const cited = new Set(
      [
        ...data.administrations,
        ...data.sectors,
        ...data.programs,
        ...data.targets,
        ...data.investments,
        ...data.indicators,
        ...data.channels,
        ...data.risks,
      ].flatMap((record) => record.cite.map((c) => c.source)),
    );
    expect(data.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});
