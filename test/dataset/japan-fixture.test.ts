/**
 * The Japan fixture: a second real-country dataset (semiconductors and AI), built from public
 * sources whose text is stored under test/fixtures/sources/japan/ (meta.sourceFolder). It must
 * validate as it is; validation finds every quote in its stored source and every figure in its
 * quotes (src/dataset/provenance/), so the fixture can be trusted as a record of what the sources say.
 */
import { existsSync, readFileSync } from 'node:fs';
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
    const texts = new Map<string, string>();
    for (const source of data.sources) {
      expect(source.file, `source ${source.id} names its stored file`).toBeDefined();
      // The HTML and PDF sources are read by the product's check only (the first test; test/dataset/provenance/fixture-sources.test.ts).
      if (source.file?.endsWith('.txt'))
        texts.set(source.id, readFileSync(join(SOURCES, source.file), 'utf8'));
    }
    const records = [
      ...data.administrations,
      ...data.fields,
      ...data.sectors,
      ...data.programs,
      ...data.targets,
      ...data.investments,
      ...data.indicators,
      ...data.channels,
      ...data.partners,
      ...data.risks,
      // Another source's statement of a figure is quoted like any other.
      ...data.investments.flatMap((v) => v.alternatives.map((a) => ({ ...a, id: `${v.id} (alternative)` }))),
    ];
    const missing: string[] = [];
    let checked = 0;
    for (const record of records) {
      for (const citation of record.cite) {
        const text = texts.get(citation.source);
        if (text === undefined) continue;
        checked += 1;
        if (!text.includes(citation.quote))
          missing.push(`${record.id} → ${citation.source}: ${citation.quote}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(records.length / 2);
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

  it('records what the schema can say since partners: agreements, parts, disagreeing sources, ranges, places, recipients', async () => {
    const data = await japan();
    expect(data.partners.length).toBeGreaterThanOrEqual(2);
    expect(new Set(data.partners.map((p) => p.instrument)).size).toBeGreaterThanOrEqual(2);
    const ids = new Set(data.investments.map((v) => v.id));
    const parts = data.investments.filter((v) => v.partOf !== undefined);
    expect(parts.length).toBeGreaterThanOrEqual(1);
    for (const part of parts) expect(ids.has(part.partOf ?? '')).toBe(true);
    const disagreeing = data.investments.filter((v) => v.alternatives.length > 0);
    expect(disagreeing.length).toBeGreaterThanOrEqual(1);
    // Both statements cite a source, and not the same one.
    for (const v of disagreeing)
      for (const a of v.alternatives)
        expect(a.cite.map((c) => c.source)).not.toEqual(v.cite.map((c) => c.source));
    expect(data.targets.some((t) => t.value?.amountMax !== undefined)).toBe(true);
    expect(data.investments.some((v) => v.places.length > 0)).toBe(true);
    expect(data.investments.some((v) => v.recipients.length > 0)).toBe(true);
  });
});
