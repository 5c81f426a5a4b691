/** `relatedSectors`: the other sectors a sector's programmes, channels and partnerships also name (the one-pager's "Related sector briefs"). */
import { describe, expect, it } from 'vitest';
import { relatedSectors } from '../../src/document/helpers-related-sectors.js';
import { dataset } from './support.js';

describe('relatedSectors', () => {
  it('names each other sector once, in dataset order, with the records it shares', () => {
    const sectors = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const programs = [
      { name: 'P1', sectors: ['c', 'a'] },
      { name: 'P2', sectors: ['a', 'b', 'c'] },
      { name: 'P3', sectors: ['b', 'd'] },
    ];
    const partners = [{ counterparty: { name: 'IBM' }, sectors: ['a', 'b'] }];
    const related = relatedSectors({ id: 'a' }, sectors, [programs, partners]);
    expect(related.map((r) => [r.sector.id, r.shared])).toEqual([
      ['b', ['P2', 'IBM']],
      ['c', ['P1', 'P2']],
    ]);
    expect(relatedSectors({ id: 'd' }, sectors, [programs])).toEqual([
      { sector: { id: 'b' }, shared: ['P3'] },
    ]);
  });

  it('every sector it names in the shipped data shares a named programme or channel with it', async () => {
    const data = await dataset();
    const rows = (list: readonly object[]) => list as unknown as Record<string, unknown>[];
    for (const sector of data.sectors) {
      const related = relatedSectors(rows([sector])[0] ?? {}, rows(data.sectors), [
        rows(data.programs),
        rows(data.channels),
      ]);
      for (const { sector: other, shared } of related) {
        expect(other.id).not.toBe(sector.id);
        for (const name of shared) {
          const record = [...data.programs, ...data.channels].find((r) => r.name === name);
          expect(record?.sectors).toEqual(expect.arrayContaining([sector.id, other.id]));
        }
      }
    }
  });
});
