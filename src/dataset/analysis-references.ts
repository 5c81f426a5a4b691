/**
 * The reference check for `analysis`: every `basedOn` id names exactly one record of the
 * dataset's citing lists (provenance/records.ts CITING), and every `sectors` id a sector.
 * Analysis is the analyst's judgement, so it must rest on facts the dataset holds and cites.
 * Like references.ts it reads the data defensively, so it also runs after a failed shape check.
 */
import { type Diagnostic, didYouMean, error } from '../diagnostics.js';
import { BASED_ON_LISTS } from './analysis.js';
import { CITING } from './provenance/records.js';

type Path = (string | number)[];
type Loose = Record<string, unknown>;
type At = (path: Path) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;
type SectorRef = (value: string | undefined, path: Path) => void;

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function list(data: unknown, name: string): unknown[] {
  const value = isLoose(data) ? data[name] : undefined;
  return Array.isArray(value) ? value : [];
}
function ids(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : []));
}

/** Every citing record's id, with the lists it appears in. */
export function recordIdLists(data: unknown): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const name of CITING) {
    for (const record of list(data, name)) {
      const recordId = isLoose(record) ? record.id : undefined;
      if (typeof recordId !== 'string') continue;
      const seen = lists.get(recordId) ?? [];
      if (!seen.includes(name)) seen.push(name);
      lists.set(recordId, seen);
    }
  }
  return lists;
}

export function checkAnalysisReferences(data: unknown, at: At, sectorRef: SectorRef): Diagnostic[] {
  const analysis = isLoose(data) ? data.analysis : undefined;
  if (!isLoose(analysis)) return [];
  const known = recordIdLists(data);
  const diagnostics: Diagnostic[] = [];
  for (const name of BASED_ON_LISTS) {
    list(analysis, name).forEach((item, i) => {
      if (!isLoose(item)) return;
      const path: Path = ['analysis', name, i];
      for (const [value, j] of ids(item.basedOn)) {
        const problem = basedOnProblem(value, known, at([...path, 'basedOn', j]));
        if (problem) diagnostics.push(problem);
      }
      for (const [value, j] of ids(item.sectors)) sectorRef(value, [...path, 'sectors', j]);
    });
  }
  return diagnostics;
}

function basedOnProblem(
  value: string,
  known: Map<string, string[]>,
  where: ReturnType<At>,
): Diagnostic | undefined {
  const lists = known.get(value);
  if (lists && lists.length === 1) return undefined;
  if (lists) {
    return error('REF_DUPLICATE_ID', `"${value}" is the id of records in ${lists.join(' and ')}`, {
      ...where,
      hint: `basedOn names one record by its id: rename the ${lists[0]} or the ${lists[1]} record so the id is used once`,
    });
  }
  const suggestion = didYouMean(value, known.keys());
  return error('REF_UNKNOWN', `"${value}" is not the id of any record the analysis could rest on`, {
    ...where,
    hint: suggestion
      ? `did you mean "${suggestion}"?`
      : `basedOn lists ids of records in ${CITING.join(', ')}; add the fact as a cited record first`,
  });
}
