/**
 * List helpers: lookup by id, sort, filter, take, pluck, join. They read own properties
 * only (never the prototype chain) and always return new arrays.
 */

import { lowerFirst, moneyValue } from '../dataset/wording.js';
import { compareText } from '../derive/compare-text.js';
import { indicatorSectors } from '../derive/sectors.js';
import { asNumber, asString, describe, fail, type HelperTable, isMoney } from './helper-args.js';

type Row = Record<string, unknown>;

function asList(value: unknown, helper: string): unknown[] {
  if (Array.isArray(value)) return value;
  return fail(`${helper} needs a list, got ${describe(value)}`);
}

/** Reads `a.b.c` through own properties only. */
export function field(row: unknown, path: string): unknown {
  let current: unknown = row;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Row)[key];
  }
  return current;
}

/** Sort key of a value: money by its full amount, so 950 billion sorts below 1.2 trillion. */
function sortKey(value: unknown): number | string | undefined {
  if (isMoney(value)) return moneyValue(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as Row).amount === 'number') {
    return (value as Row).amount as number;
  }
  return undefined;
}

function compare(a: unknown, b: unknown): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  // Records without the field go last, whatever the direction.
  if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
  if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
  return compareText(String(ka), String(kb));
}

function matches(value: unknown, wanted: unknown): boolean {
  if (Array.isArray(value)) return value.includes(wanted);
  return value === wanted;
}

export function registerListHelpers(): HelperTable {
  return {
    byId([list, id]) {
      const wanted = asString(id, 'byId id');
      const found = asList(list, 'byId').find((row) => field(row, 'id') === wanted);
      return found ?? fail(`no record with id "${wanted}" in this list`);
    },
    byIds([list, ids]) {
      const rows = asList(list, 'byIds');
      return asList(ids, 'byIds ids').map(
        (id) => rows.find((row) => field(row, 'id') === id) ?? fail(`no record with id "${String(id)}"`),
      );
    },
    sortBy([list, path], { hash }) {
      const key = asString(path, 'sortBy field');
      const sorted = [...asList(list, 'sortBy')].sort((a, b) => compare(field(a, key), field(b, key)));
      if (hash.desc !== true) return sorted;
      const present = sorted.filter((row) => sortKey(field(row, key)) !== undefined).reverse();
      return [...present, ...sorted.filter((row) => sortKey(field(row, key)) === undefined)];
    },
    /** Rows whose field equals the value (or, for a list field, contains it); without a value: is set. */
    filterBy([list, path, ...rest]) {
      const key = asString(path, 'filterBy field');
      const rows = asList(list, 'filterBy');
      if (rest.length === 0) return rows.filter((row) => hasValue(field(row, key)));
      return rows.filter((row) => matches(field(row, key), rest[0]));
    },
    /**
     * Records of a sector, whether they name it as `sector` or in `sectors` (an indicator may
     * use either or both): `{{#each (inSector indicators sector.id)}}`. With `first=true`, only
     * those whose first sector it is, so a record shown per sector is shown once.
     */
    inSector([list, sectorId], { hash }) {
      const wanted = asString(sectorId, 'inSector sector id');
      return asList(list, 'inSector').filter((row) =>
        hash.first === true ? recordSectors(row)[0] === wanted : recordSectors(row).includes(wanted),
      );
    },
    /** Records of `list` that are not in `others` (by id): what a page has not shown yet. */
    except([list, others]) {
      const shown = new Set(asList(others, 'except').map((row) => field(row, 'id')));
      return asList(list, 'except').filter((row) => !shown.has(field(row, 'id')));
    },
    /**
     * The record has the field set: `{{#if (has this "amount")}}` tells records of two kinds
     * apart in one list (a missing field is an error in strict mode; this is not).
     */
    has([row, path]) {
      return hasValue(field(row, asString(path, 'has field')));
    },
    /** Rows whose field is empty or missing: the complement of `filterBy list "field"`. */
    without([list, path]) {
      const key = asString(path, 'without field');
      return asList(list, 'without').filter((row) => !hasValue(field(row, key)));
    },
    /**
     * Rows no record of `others` refers to by id in its field `path` (a list or one id): the
     * sectors no target names, `{{#each (unreferenced sectors targets "sectors")}}`.
     */
    unreferenced([list, others, path]) {
      const key = asString(path, 'unreferenced field');
      const used = new Set(asList(others, 'unreferenced').flatMap((row) => [field(row, key)].flat()));
      return asList(list, 'unreferenced').filter((row) => !used.has(field(row, 'id')));
    },
    take([list, count]) {
      return asList(list, 'take').slice(0, Math.max(0, asNumber(count, 'take count')));
    },
    pluck([list, path]) {
      const key = asString(path, 'pluck field');
      return asList(list, 'pluck').map((row) => field(row, key));
    },
    /** The different values of a list, in first-seen order: `(length (distinct (pluck investments "scope")))`. */
    distinct([list]) {
      const seen: unknown[] = [];
      for (const item of asList(list, 'distinct')) if (!seen.includes(item)) seen.push(item);
      return seen;
    },
    length([list]) {
      return asList(list, 'length').length;
    },
    /** "a, b and c"; `last=` sets the final separator; `lowerFirst=true` for names mid-sentence. */
    join([list, separator], { hash }) {
      const items = asList(list, 'join').map((item) => {
        const text = typeof item === 'number' ? String(item) : asString(item, 'join item');
        return hash.lowerFirst === true ? lowerFirst(text) : text;
      });
      const sep = separator === undefined ? ', ' : asString(separator, 'join separator');
      const given = hash.last === undefined ? sep : asString(hash.last, 'last=');
      // The serial comma of `last=", and "` is for three or more items: "a and b", "a, b, and c".
      // (A semicolon stays: it separates names that contain "and" themselves.)
      const last = items.length === 2 && given.startsWith(', ') && given !== sep ? given.slice(1) : given;
      if (items.length < 2) return items.join('');
      return `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}`;
    },
  };
}

/** A field is set: not missing, empty, false or an empty list (`filterBy list "field"`). */
export function hasValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== false && value !== '';
}

/** The sector ids of a record: the dataset's own rule, applied to a row of unknown shape. */
function recordSectors(row: unknown): string[] {
  const sector = field(row, 'sector');
  const sectors = field(row, 'sectors');
  return indicatorSectors({
    sector: typeof sector === 'string' ? sector : undefined,
    sectors: Array.isArray(sectors) ? sectors.filter((s): s is string => typeof s === 'string') : [],
  });
}
