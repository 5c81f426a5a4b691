/**
 * Every field a spec's encodings name must be in the rows it draws, or be made by the spec
 * itself (a transform's `as`, a wrap's `as`, a grid's place: native-check.ts `producedFields`).
 * Vega-Lite draws a missing field as "undefined" text or no mark at all, and the build said
 * nothing; here it is an error at the line of the spec that names it.
 */
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import { producedFields } from './native-check.js';
import { type ChartSpecFile, isObject, type Json } from './spec-file.js';

type Path = (string | number)[];

/** Each `field` named under an `encoding` (channels, their `sort`, arrays such as `tooltip`). */
function encodedFields(node: Json, path: Path, inEncoding: boolean, out: { name: string; path: Path }[]) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      encodedFields(item, [...path, i], inEncoding, out);
    });
    return out;
  }
  if (!isObject(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'usermeta' || key === 'datasets') continue;
    if (inEncoding && key === 'field' && typeof value === 'string')
      out.push({ name: value, path: [...path, key] });
    encodedFields(value, [...path, key], inEncoding || key === 'encoding', out);
  }
  return out;
}

/** The field itself, or the first step of a nested one (`a.b`, `a[0]`), as Vega-Lite reads it. */
function rootOf(field: string): string {
  return field.split(/(?<!\\)[.[]/)[0]?.replace(/\\(.)/g, '$1') ?? field;
}

/**
 * The spec's encoded fields against the rows bound to it (every table it names). Tables with
 * no rows tell nothing of their fields; when none has a row, nothing is checked.
 */
export function fieldProblems(
  spec: ChartSpecFile,
  rows: Readonly<Record<string, readonly unknown[]>>,
): Diagnostic[] {
  const known = new Set<string>();
  let anyRow = false;
  for (const list of Object.values(rows))
    for (const row of list)
      if (isObject(row)) {
        anyRow = true;
        for (const name of Object.keys(row)) known.add(name);
      }
  if (!anyRow) return [];
  for (const name of producedFields(spec)) known.add(name);
  const names = [...known].sort();
  return encodedFields(spec.spec, [], false, [])
    .filter(({ name }) => !known.has(name) && !known.has(rootOf(name)))
    .map(({ name, path }) => {
      const guess = didYouMean(name, names);
      return error('CHART_SPEC_INVALID', `the chart's data has no field "${name}"`, {
        file: spec.file,
        ...spec.source.locate(path),
        path: formatPath(path),
        hint: guess ? `did you mean "${guess}"?` : `its fields are: ${names.join(', ')}`,
      });
    });
}
