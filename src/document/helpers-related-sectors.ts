/**
 * `sectorFields`: the strategic fields some focus sector belongs to (or, with `missing=true`, the
 * fields none does), in dataset order, so a briefing can say which fields it covers.
 * `relatedSectors`: the other sectors a sector's records also serve (a programme, channel or
 * partnership that names both), for the one-pager's "Related sector briefs" block: each other
 * sector once, in dataset order, with the names of the records they share. From the data
 * only; a sector that shares nothing has none, and the block does not appear.
 */
import { describe, fail, type HelperTable, isRecord } from './helper-args.js';

type Row = Record<string, unknown>;

export interface RelatedSector {
  sector: Row;
  /** The shared records' names (a partnership's its counterparty's), in the order given. */
  shared: string[];
}

const sectorsOf = (row: Row): string[] =>
  Array.isArray(row.sectors) ? row.sectors.filter((s): s is string => typeof s === 'string') : [];

function nameOf(row: Row): string | undefined {
  if (typeof row.shortName === 'string') return row.shortName;
  if (typeof row.name === 'string') return row.name;
  const party = row.counterparty;
  return isRecord(party) && typeof party.name === 'string' ? party.name : undefined;
}

export function relatedSectors(
  sector: Row,
  sectors: readonly Row[],
  lists: readonly Row[][],
): RelatedSector[] {
  const shared = new Map<string, string[]>();
  for (const row of lists.flat()) {
    const ids = sectorsOf(row);
    const name = nameOf(row);
    if (!ids.includes(String(sector.id)) || !name) continue;
    for (const id of ids)
      if (id !== sector.id && !(shared.get(id) ?? []).includes(name))
        shared.set(id, [...(shared.get(id) ?? []), name]);
  }
  return sectors.flatMap((other) => {
    const names = shared.get(String(other.id));
    return names ? [{ sector: other, shared: names }] : [];
  });
}

export function registerRelatedSectorHelpers(): HelperTable {
  return {
    /** `{{#each (relatedSectors sector sectors programs channels partners)}}`: `sector` and `shared`. */
    relatedSectors([sector, sectors, ...lists]) {
      if (!isRecord(sector) || typeof sector.id !== 'string')
        return fail(`relatedSectors needs a sector record, got ${describe(sector)}`);
      const rowsOf = (value: unknown, what: string): Row[] => {
        if (!Array.isArray(value))
          return fail(`relatedSectors needs the ${what} list, got ${describe(value)}`);
        return value.filter(isRecord);
      };
      return relatedSectors(
        sector,
        rowsOf(sectors, 'sectors'),
        lists.map((list, i) => rowsOf(list, `record list ${i + 1}`)),
      );
    },
    /** `{{#each (sectorFields fields sectors)}}`; `missing=true`: the fields no sector belongs to. */
    sectorFields([fields, sectors], { hash }) {
      if (!Array.isArray(fields) || !Array.isArray(sectors))
        return fail(
          `sectorFields needs the fields and sectors lists, got ${describe(fields)}, ${describe(sectors)}`,
        );
      const named = new Set(
        sectors.filter(isRecord).flatMap((s) => (Array.isArray(s.fields) ? s.fields : [])),
      );
      const missing = hash.missing === true;
      return fields.filter((f) => isRecord(f) && named.has(f.id) !== missing);
    },
  };
}
