/**
 * Two records with the same description read as a copy in every document ("X. Help startups …"
 * then "Y. Help startups …"): often a source sentence that names two programmes at once, pasted
 * onto both. Validation warns (it does not refuse: the data may be right) and says to give the
 * words once. Like same-money.ts, it reads the data defensively.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { type At, type Path, records, textOf } from './loose-records.js';

/** The lists and the field of each that documents print as a record's description. */
const DESCRIBED: readonly { list: string; field: string; first?: boolean }[] = [
  { list: 'programs', field: 'goals', first: true },
  { list: 'targets', field: 'description' },
  { list: 'risks', field: 'description' },
  { list: 'channels', field: 'summary' },
  { list: 'sectors', field: 'summary' },
];

/** Fewer words than this is a name or a placeholder, not a description worth a warning. */
const MIN_WORDS = 6;

/** Case, spacing and a closing full stop do not make two descriptions different. */
function normal(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

export function checkSameText(data: unknown, at: At): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const { list, field, first } of DESCRIBED) {
    const seen = new Map<string, string>();
    records(data, list).forEach((record, i) => {
      const value = first ? (Array.isArray(record[field]) ? record[field][0] : undefined) : record[field];
      if (typeof value !== 'string' || value.trim().split(/\s+/).length < MIN_WORDS) return;
      const path: Path = first ? [list, i, field, 0] : [list, i, field];
      const id = textOf(record, 'id') ?? `${list}[${i}]`;
      const earlier = seen.get(normal(value));
      if (earlier === undefined) {
        seen.set(normal(value), id);
        return;
      }
      problems.push({
        ...error('DATA_SAME_TEXT', `"${id}" has the same ${first ? 'first goal' : field} as "${earlier}"`, {
          ...at(path),
          hint: `every document prints the two alike; say what sets "${id}" apart, or, where the source describes both in one sentence, give the words once and let the other refer to it`,
        }),
        severity: 'warning',
      });
    });
  }
  return problems;
}
