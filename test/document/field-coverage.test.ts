/**
 * The strategic fields table says which fields the briefing covers (issue 14, the editorial
 * review: it named all the fields and left the reader to find those with nothing behind them).
 * Each row names the focus sectors in its field, or a dash; under the table our reading names
 * the fields no sector is in, computed from the sectors' `fields`.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Block } from '../../src/document/model.js';
import { shippedModels } from './shipped-texts.js';
import { dataset, FIXTURE, runsText } from './support.js';

function investment(data: Dataset): Block[] {
  const section = shippedModels(data).briefing.sections.find((s) => s.title === 'Investment');
  if (!section) throw new Error('no Investment section');
  return section.blocks;
}

const inSectors = (data: Dataset) => new Set(data.sectors.flatMap((s) => s.fields));

describe.each([
  ['the shipped dataset', undefined],
  ['the Veloria fixture', FIXTURE],
])('the strategic fields of %s', (_name, file) => {
  it('name each field’s focus sectors, and the fields without one as our reading', async () => {
    const data = await dataset(file);
    expect(data.fields.length).toBeGreaterThan(1);
    const blocks = investment(data);
    const table = blocks.find(
      (b): b is Extract<Block, { type: 'table' }> =>
        b.type === 'table' && runsText(b.header[1] ?? []) === 'Field',
    );
    expect(table?.rows.map((row) => runsText(row[3] ?? []))).toEqual(
      data.fields.map((f) => {
        const names = data.sectors.filter((s) => s.fields.includes(f.id)).map((s) => s.name);
        return names.length > 0 ? names.join('; ') : '–';
      }),
    );
    const missing = data.fields.filter((f) => !inSectors(data).has(f.id));
    const reading = blocks
      .flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : []))
      .find((t) => t.startsWith('Our reading.') && t.includes('focus sector'));
    if (missing.length === 0) {
      expect(reading).toBeUndefined();
      return;
    }
    expect(reading).toContain(
      `in ${data.fields.length - missing.length} of these ${data.fields.length} fields`,
    );
    for (const field of missing) expect(reading).toContain(field.name);
    for (const field of data.fields.filter((f) => inSectors(data).has(f.id)))
      expect(reading).not.toContain(field.name);
  });
});
