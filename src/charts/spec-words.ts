/**
 * The words of a spec vega-lite does not check before it compiles: a mark type and a field
 * type. An unknown one fails deep in its compiler with a JavaScript TypeError ("Cannot read
 * properties of undefined (reading 'filled')" for `"mark": "barr"`), so they are checked
 * here, at their line, with a did-you-mean. The lists are vega-lite 6's (its src/mark.ts,
 * src/compositemark/index.ts and src/type.ts).
 */
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import { isObject, type Json } from './spec-file.js';

type Path = (string | number)[];

const MARKS = [
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
];
const FIELD_TYPES = ['quantitative', 'ordinal', 'temporal', 'nominal', 'geojson'];

function unknownWord(
  source: YamlSource,
  path: Path,
  what: string,
  value: Json | undefined,
  words: readonly string[],
): Diagnostic {
  const guess = typeof value === 'string' ? didYouMean(value, words) : undefined;
  return error('CHART_SPEC_INVALID', `${JSON.stringify(value)} is not a ${what}`, {
    file: source.file,
    ...source.locate(path),
    path: formatPath(path),
    hint: guess ? `did you mean "${guess}"?` : `use one of: ${words.join(', ')}`,
  });
}

/** A channel definition's field types, its conditions' included (a list: each definition). */
function channelTypes(node: Json | undefined, path: Path, source: YamlSource, out: Diagnostic[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) channelTypes(item, [...path, i], source, out);
    return;
  }
  if (!isObject(node)) return;
  if ('type' in node && !(typeof node.type === 'string' && FIELD_TYPES.includes(node.type)))
    out.push(unknownWord(source, [...path, 'type'], 'field type', node.type, FIELD_TYPES));
  channelTypes(node.condition, [...path, 'condition'], source, out);
}

/** Every mark type and field type of the spec vega-lite does not know, at its line. */
export function specWordProblems(spec: Json, source: YamlSource): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (node: Json, path: Path) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...path, i]);
      return;
    }
    if (!isObject(node)) return;
    const mark = node.mark;
    if (typeof mark === 'string' && !MARKS.includes(mark))
      problems.push(unknownWord(source, [...path, 'mark'], 'mark type', mark, MARKS));
    if (isObject(mark) && !(typeof mark.type === 'string' && MARKS.includes(mark.type)))
      problems.push(unknownWord(source, [...path, 'mark', 'type'], 'mark type', mark.type, MARKS));
    const encoding = node.encoding;
    if (isObject(encoding))
      for (const [channel, definition] of Object.entries(encoding))
        channelTypes(definition, [...path, 'encoding', channel], source, problems);
    for (const [key, value] of Object.entries(node)) if (key !== 'usermeta') visit(value, [...path, key]);
  };
  visit(spec, []);
  return problems;
}
