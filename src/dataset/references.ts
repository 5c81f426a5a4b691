/**
 * Checks a dataset beyond what the schema can see: unique ids, references that
 * resolve, and years and dates in order. Reports every problem at once.
 *
 * It reads the data defensively (anything not shaped as expected is skipped), so it
 * also runs on data that failed the shape check: the analyst then gets the shape AND
 * the reference problems in one pass instead of fixing them in two rounds.
 */
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import { checkAnalysisReferences } from './analysis-references.js';
import { CITING } from './provenance/records.js';
import { checkRelations } from './relation-checks.js';
import type { ShapedDataset } from './schema.js';

type Collection = 'sources' | 'administrations' | 'fields' | 'sectors' | 'programs' | 'investments';
type Path = (string | number)[];
type Loose = Record<string, unknown>;

// The sources and every list whose records cite them (provenance/records.ts, one list for both).
const COLLECTIONS = ['sources', ...CITING] as const;
const MAX_LISTED_IDS = 8;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function records(data: unknown, name: string): Loose[] {
  const list = isLoose(data) ? data[name] : undefined;
  // Non-mapping entries keep their index so paths stay right; they simply hold nothing.
  return Array.isArray(list) ? list.map((item) => (isLoose(item) ? item : {})) : [];
}
function text(record: Loose, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
function texts(record: Loose, key: string): [string, number][] {
  const value = record[key];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : []));
}
function wholeNumber(record: Loose, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Accepts shaped data or, after a failed shape check, whatever the YAML held. */
export function checkReferences(data: ShapedDataset | Loose | unknown, source: YamlSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (path: Path) => ({ file: source.file, ...source.locate(path), path: formatPath(path) });

  for (const name of COLLECTIONS) diagnostics.push(...duplicateIds(records(data, name), name, at));

  const ids = Object.fromEntries(
    (['sources', 'administrations', 'fields', 'sectors', 'programs', 'investments'] as const).map((name) => [
      name,
      new Set(records(data, name).flatMap((r) => text(r, 'id') ?? [])),
    ]),
  ) as Record<Collection, Set<string>>;
  const ref = (target: Collection, value: string | undefined, path: Path) => {
    if (value === undefined || ids[target].has(value) || !usable(data, target)) return;
    diagnostics.push(
      error('REF_UNKNOWN', `"${value}" is not the id of any entry in ${target}`, {
        ...at(path),
        hint: unknownHint(value, target, ids[target]),
      }),
    );
  };
  const refs = (target: Collection, record: Loose, key: string, path: Path) => {
    for (const [value, i] of texts(record, key)) ref(target, value, [...path, key, i]);
  };

  for (const name of COLLECTIONS) {
    records(data, name).forEach((record, i) => {
      const cites = Array.isArray(record.cite) ? record.cite : [];
      cites.forEach((c, j) => {
        if (isLoose(c)) ref('sources', text(c, 'source'), [name, i, 'cite', j, 'source']);
      });
      // Another source's statement of the figure cites its own sources.
      for (const key of ['alternatives', 'budgetAlternatives']) {
        const alternatives = Array.isArray(record[key]) ? record[key] : [];
        alternatives.forEach((alternative: unknown, k: number) => {
          const own = isLoose(alternative) && Array.isArray(alternative.cite) ? alternative.cite : [];
          own.forEach((c: unknown, j: number) => {
            if (isLoose(c)) ref('sources', text(c, 'source'), [name, i, key, k, 'cite', j, 'source']);
          });
        });
      }
    });
  }
  records(data, 'administrations').forEach((a, i) => {
    const start = text(a, 'start');
    const end = text(a, 'end');
    if (start && end && endsBeforeStart(start, end)) {
      diagnostics.push(
        error('DATA_DATE_ORDER', `end ${end} is before start ${start}`, {
          ...at(['administrations', i, 'end']),
          hint: 'an administration ends after it starts; check both dates',
        }),
      );
    }
  });
  records(data, 'sectors').forEach((s, i) => {
    refs('fields', s, 'fields', ['sectors', i]);
  });
  records(data, 'programs').forEach((p, i) => {
    ref('administrations', text(p, 'administration'), ['programs', i, 'administration']);
    ref('investments', text(p, 'budgetSameAs'), ['programs', i, 'budgetSameAs']);
    refs('investments', p, 'budgetIncludes', ['programs', i]);
    refs('investments', p, 'budgetOverlaps', ['programs', i]);
    refs('sectors', p, 'sectors', ['programs', i]);
  });
  const hasFiscalYear = isLoose(data) && isLoose(data.meta) && isLoose(data.meta.fiscalYear);
  records(data, 'targets').forEach((t, i) => {
    ref('programs', text(t, 'program'), ['targets', i, 'program']);
    refs('sectors', t, 'sectors', ['targets', i]);
    diagnostics.push(...yearOrder(t, ['targets', i], 'target year', at));
    diagnostics.push(...fiscalDefined(t, ['targets', i], hasFiscalYear, at));
  });
  records(data, 'investments').forEach((v, i) => {
    refs('fields', v, 'fields', ['investments', i]);
    ref('administrations', text(v, 'administration'), ['investments', i, 'administration']);
    diagnostics.push(...yearOrder(v, ['investments', i], 'year', at));
    diagnostics.push(...figureYears(v, ['investments', i], hasFiscalYear, at));
  });
  records(data, 'indicators').forEach((d, i) => {
    ref('sectors', text(d, 'sector'), ['indicators', i, 'sector']);
    refs('sectors', d, 'sectors', ['indicators', i]);
  });
  records(data, 'channels').forEach((c, i) => {
    refs('sectors', c, 'sectors', ['channels', i]);
  });
  records(data, 'partners').forEach((p, i) => {
    refs('sectors', p, 'sectors', ['partners', i]);
    ref('programs', text(p, 'program'), ['partners', i, 'program']);
  });
  diagnostics.push(...checkRelations(data, at, ref));
  diagnostics.push(...checkAnalysisReferences(data, at, (value, path) => ref('sectors', value, path)));
  return diagnostics;
}

/** Sections the schema requires: when one is missing or broken, its shape error says so already. */
const REQUIRED: ReadonlySet<string> = new Set(['sources', 'sectors']);

/**
 * Whether references into a section can be judged. A section that is missing (when required)
 * or not a list would make every reference into it "unknown": one shape error says it better.
 */
function usable(data: unknown, name: Collection): boolean {
  const value = isLoose(data) ? data[name] : undefined;
  return Array.isArray(value) || (value === undefined && !REQUIRED.has(name));
}

type At = (path: Path) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

function duplicateIds(list: Loose[], name: string, at: At): Diagnostic[] {
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  list.forEach((record, index) => {
    const id = text(record, 'id');
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    diagnostics.push(
      error('REF_DUPLICATE_ID', `duplicate id "${id}" (first used at ${name}[${first}])`, {
        ...at([name, index, 'id']),
        hint: 'ids must be unique within a list; rename one of them',
      }),
    );
  });
  return diagnostics;
}

function yearOrder(record: Loose, path: Path, label: string, at: At): Diagnostic[] {
  const year = wholeNumber(record, 'year');
  const baseline = wholeNumber(record, 'baselineYear');
  if (year === undefined || baseline === undefined || year >= baseline) return [];
  return [
    error('DATA_YEAR_ORDER', `${label} ${year} is before its baseline year ${baseline}`, {
      ...at([...path, 'year']),
      hint: 'the year is reached after the baseline year; check both years',
    }),
  ];
}

/** An investment has a year or a period or neither (never both), a period runs forwards, fiscal years are defined. */
function figureYears(record: Loose, path: Path, hasFiscalYear: boolean, at: At): Diagnostic[] {
  const period = isLoose(record.period) ? record.period : undefined;
  const problems: Diagnostic[] = [];
  // Neither is fine: a source may state an amount without its years ("TSMC is investing more
  // than US$20 billion"); the documents then say no year (document/figure-wording.ts).
  if (record.year !== undefined && record.period !== undefined) {
    problems.push(
      error('DATA_INVALID_VALUE', 'give either "year" or "period", not both', {
        ...at([...path, 'period']),
        hint: 'a figure for one year has `year`; one for several years has `period` and no `year`',
      }),
    );
  }
  const from = period ? wholeNumber(period, 'from') : undefined;
  const to = period ? wholeNumber(period, 'to') : undefined;
  if (from !== undefined && to !== undefined && to < from) {
    problems.push(
      error('DATA_YEAR_ORDER', `period ends in ${to}, before it starts in ${from}`, {
        ...at([...path, 'period', 'to']),
        hint: 'a period runs from `from` to a later or equal `to`; check both years',
      }),
    );
  }
  const baseline = wholeNumber(record, 'baselineYear');
  const last = to ?? from;
  if (period && baseline !== undefined && last !== undefined && last < baseline) {
    problems.push(
      error('DATA_YEAR_ORDER', `period ends in ${last}, before its baseline year ${baseline}`, {
        ...at([...path, 'period']),
        hint: 'the period is reached after the baseline year; check both years',
      }),
    );
  }
  problems.push(...fiscalDefined(record, path, hasFiscalYear, at));
  return problems;
}

/** A record with `fiscal: true` (an investment or a target) needs the country's fiscal year. */
function fiscalDefined(record: Loose, path: Path, hasFiscalYear: boolean, at: At): Diagnostic[] {
  if (record.fiscal !== true || hasFiscalYear) return [];
  return [
    error('DATA_REQUIRED', 'fiscal years need meta.fiscalYear', {
      ...at([...path, 'fiscal']),
      hint: 'add "fiscalYear: {startMonth: 4}" to meta (the month the fiscal year starts)',
    }),
  ];
}

/** Dates may be years (2025), months (2025-06) or days: a month and a day inside it are not out of order. */
function endsBeforeStart(start: string, end: string): boolean {
  if (!DATE.test(start) || !DATE.test(end)) return false;
  const length = Math.min(start.length, end.length);
  return end.slice(0, length) < start.slice(0, length);
}

function unknownHint(value: string, target: Collection, known: Set<string>): string {
  const suggestion = didYouMean(value, known);
  if (suggestion) return `did you mean "${suggestion}"?`;
  if (known.size === 0) return `add an entry with id "${value}" to ${target}`;
  const listed = [...known].slice(0, MAX_LISTED_IDS).join(', ');
  const more = known.size > MAX_LISTED_IDS ? ', …' : '';
  return `add an entry with id "${value}" to ${target}, or use one of: ${listed}${more}`;
}
