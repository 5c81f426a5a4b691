/**
 * Checks a shaped dataset beyond what the schema can see: unique ids, references
 * that resolve, and years and dates in order. Reports every problem at once.
 */
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import type { Citation, ShapedDataset } from './schema.js';

type Collection = 'sources' | 'administrations' | 'fields' | 'sectors' | 'programs';

export function checkReferences(data: ShapedDataset, source: YamlSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({
    file: source.file,
    ...source.locate(path),
    path: formatPath(path),
  });

  const collections = [
    'sources',
    'administrations',
    'fields',
    'sectors',
    'programs',
    'targets',
    'investments',
    'indicators',
    'channels',
    'risks',
  ] as const;
  for (const name of collections) {
    const seen = new Map<string, number>();
    data[name].forEach((record, index) => {
      const first = seen.get(record.id);
      if (first !== undefined) {
        diagnostics.push(
          error('REF_DUPLICATE_ID', `duplicate id "${record.id}" (first used at ${name}[${first}])`, {
            ...at([name, index, 'id']),
            hint: 'ids must be unique within a list; rename one of them',
          }),
        );
      } else seen.set(record.id, index);
    });
  }

  const ids: Record<Collection, Set<string>> = {
    sources: new Set(data.sources.map((s) => s.id)),
    administrations: new Set(data.administrations.map((a) => a.id)),
    fields: new Set(data.fields.map((f) => f.id)),
    sectors: new Set(data.sectors.map((s) => s.id)),
    programs: new Set(data.programs.map((p) => p.id)),
  };
  const ref = (target: Collection, value: string | undefined, path: (string | number)[]) => {
    if (value === undefined || ids[target].has(value)) return;
    const suggestion = didYouMean(value, ids[target]);
    diagnostics.push(
      error('REF_UNKNOWN', `"${value}" is not the id of any entry in ${target}`, {
        ...at(path),
        hint: suggestion ? `did you mean "${suggestion}"?` : `add it to ${target} or use one of its ids`,
      }),
    );
  };
  const refs = (target: Collection, values: string[], path: (string | number)[]) => {
    values.forEach((value, i) => {
      ref(target, value, [...path, i]);
    });
  };
  const cites = (list: Citation[], path: (string | number)[]) => {
    list.forEach((c, i) => {
      ref('sources', c.source, [...path, 'cite', i, 'source']);
    });
  };

  data.administrations.forEach((a, i) => {
    cites(a.cite, ['administrations', i]);
    if (a.start && a.end && a.end < a.start) {
      diagnostics.push(
        error(
          'DATA_DATE_ORDER',
          `end ${a.end} is before start ${a.start}`,
          at(['administrations', i, 'end']),
        ),
      );
    }
  });
  data.fields.forEach((f, i) => {
    cites(f.cite, ['fields', i]);
  });
  data.sectors.forEach((s, i) => {
    cites(s.cite, ['sectors', i]);
    refs('fields', s.fields, ['sectors', i, 'fields']);
  });
  data.programs.forEach((p, i) => {
    cites(p.cite, ['programs', i]);
    ref('administrations', p.administration, ['programs', i, 'administration']);
    refs('sectors', p.sectors, ['programs', i, 'sectors']);
  });
  data.targets.forEach((t, i) => {
    cites(t.cite, ['targets', i]);
    ref('programs', t.program, ['targets', i, 'program']);
    refs('sectors', t.sectors, ['targets', i, 'sectors']);
    if (t.baselineYear !== undefined && t.year < t.baselineYear) {
      diagnostics.push(
        error('DATA_YEAR_ORDER', `target year ${t.year} is before its baseline year ${t.baselineYear}`, {
          ...at(['targets', i, 'year']),
          hint: 'a target is reached after its baseline; check both years',
        }),
      );
    }
  });
  data.investments.forEach((v, i) => {
    cites(v.cite, ['investments', i]);
    refs('fields', v.fields, ['investments', i, 'fields']);
    if (v.baselineYear !== undefined && v.year < v.baselineYear) {
      diagnostics.push(
        error(
          'DATA_YEAR_ORDER',
          `year ${v.year} is before its baseline year ${v.baselineYear}`,
          at(['investments', i, 'year']),
        ),
      );
    }
  });
  data.indicators.forEach((d, i) => {
    cites(d.cite, ['indicators', i]);
    ref('sectors', d.sector, ['indicators', i, 'sector']);
  });
  data.channels.forEach((c, i) => {
    cites(c.cite, ['channels', i]);
    refs('sectors', c.sectors, ['channels', i, 'sectors']);
  });
  data.risks.forEach((r, i) => {
    cites(r.cite, ['risks', i]);
  });
  return diagnostics;
}
