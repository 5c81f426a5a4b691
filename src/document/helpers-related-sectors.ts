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

/** A list's named rows by the sectors they name, each row once per sector, in list order. */
export type RowsBySector = ReadonlyMap<string, readonly Row[]>;

export function rowsBySector(rows: readonly Row[]): RowsBySector {
  const index = new Map<string, Row[]>();
  for (const row of rows) {
    if (!nameOf(row)) continue;
    for (const id of new Set(sectorsOf(row))) {
      const named = index.get(id);
      if (named) named.push(row);
      else index.set(id, [row]);
    }
  }
  return index;
}

export function relatedSectors(
  sector: Row,
  sectors: readonly Row[],
  lists: readonly Row[][],
): RelatedSector[] {
  return relatedIn(sector, sectors, lists.map(rowsBySector));
}

/**
 * `indexes` are the lists' `rowsBySector`: with them a sector's related sectors cost its own
 * rows, not every row of every list (each one-pager of a build asks, so scanning the lists made
 * planning quadratic in the sectors). The helper passes the build's indexes, kept per list.
 */
function relatedIn(sector: Row, sectors: readonly Row[], indexes: readonly RowsBySector[]): RelatedSector[] {
  const shared = new Map<string, { names: string[]; seen: Set<string> }>();
  for (const index of indexes) {
    for (const row of index.get(String(sector.id)) ?? []) {
      const name = nameOf(row) as string;
      for (const id of sectorsOf(row)) {
        if (id === sector.id) continue;
        const entry = shared.get(id) ?? { names: [], seen: new Set<string>() };
        shared.set(id, entry);
        if (!entry.seen.has(name)) {
          entry.seen.add(name);
          entry.names.push(name);
        }
      }
    }
  }
  return sectors.flatMap((other) => {
    const entry = shared.get(String(other.id));
    return entry ? [{ sector: other, shared: entry.names }] : [];
  });
}

/*
 * A build asks once per one-pager over the same lists: each frozen list (the build's filled
 * dataset, document/template-data.ts) is indexed once. Module scope is safe as there: keyed by
 * the build's own frozen arrays, gone with them; a list that is not frozen is indexed afresh.
 */
const indexed = new WeakMap<readonly unknown[], RowsBySector>();

function indexOf(list: readonly unknown[], rows: readonly Row[]): RowsBySector {
  if (!Object.isFrozen(list)) return rowsBySector(rows);
  let index = indexed.get(list);
  if (!index) {
    index = rowsBySector(rows);
    indexed.set(list, index);
  }
  return index;
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
      // rowsOf has checked each is an array.
      const indexes = lists.map((list, i) =>
        indexOf(list as unknown[], rowsOf(list, `record list ${i + 1}`)),
      );
      return relatedIn(sector, rowsOf(sectors, 'sectors'), indexes);
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
