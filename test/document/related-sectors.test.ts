/** `relatedSectors`: the other sectors a sector's programmes, channels and partnerships also name (the one-pager's "Related sector briefs"). */
import { describe, expect, it } from 'vitest';
import { registerRelatedSectorHelpers, relatedSectors } from '../../src/document/helpers-related-sectors.js';
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

  it('gives what scanning every row gives, indexed or not, on generated lists', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { sectors, lists } = generated(seed);
      const helper = registerRelatedSectorHelpers().relatedSectors;
      const frozen = lists.map((list) => Object.freeze([...list]));
      for (const sector of sectors) {
        const expected = naiveRelated(sector, sectors, lists);
        expect(relatedSectors(sector, sectors, lists)).toEqual(expected);
        // Twice through the helper: the second call reads the index the first one made.
        for (let i = 0; i < 2; i++)
          expect(helper?.([sector, sectors, ...frozen], { hash: {} } as never)).toEqual(expected);
      }
    }
  });
});

type Row = Record<string, unknown>;

/** The rule written out plainly: every row of every list, in order. */
function naiveRelated(sector: Row, sectors: Row[], lists: Row[][]) {
  const shared = new Map<string, string[]>();
  for (const row of lists.flat()) {
    const ids = Array.isArray(row.sectors) ? (row.sectors as string[]) : [];
    const party = row.counterparty as { name?: string } | undefined;
    const name = (row.shortName ?? row.name ?? party?.name) as string | undefined;
    if (!ids.includes(String(sector.id)) || !name) continue;
    for (const id of ids) {
      const names = shared.get(id) ?? [];
      if (id !== sector.id && !names.includes(name)) shared.set(id, [...names, name]);
    }
  }
  return sectors.flatMap((other) => {
    const names = shared.get(String(other.id));
    return names ? [{ sector: other, shared: names }] : [];
  });
}

/** Sectors and three lists whose rows name random sectors (repeats and all), some rows unnamed. */
function generated(seed: number): { sectors: Row[]; lists: Row[][] } {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const sectors = Array.from({ length: 3 + next(30) }, (_, i) => ({ id: `s${i}` }));
  const row = (i: number): Row => {
    const ids = Array.from({ length: next(6) }, () => `s${next(sectors.length + 2)}`);
    const kind = next(4);
    if (kind === 0) return { name: `N${next(8)}`, sectors: ids };
    if (kind === 1) return { shortName: `S${i}`, name: 'long', sectors: ids };
    if (kind === 2) return { counterparty: { name: `C${next(5)}` }, sectors: ids };
    return { sectors: ids };
  };
  const lists = Array.from({ length: 3 }, () => Array.from({ length: next(25) }, (_, i) => row(i)));
  return { sectors, lists };
}
