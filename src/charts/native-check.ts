/**
 * `usermeta.briefkit.native` checked against the table the native chart reads. native.ts
 * builds the PowerPoint chart from the chart's derived table as the dataset has it, not from
 * what the spec's transforms make of it, so a field the table lacks gave an empty chart and no
 * word. Each problem is an error at the native key that names the field.
 *
 * A field the spec's own transform makes (a `calculate`'s or `fold`'s `as`, a `wrap`'s `as`,
 * a grid's `gridRow`) is refused with that said, not computed: doing so would mean running
 * vega's dataflow for the deck and keeping its output in step with the data table the deck
 * and the PDF appendix print beside the chart, which show the table's own figures.
 */
import type { DerivedTable } from '../derive/types.js';
import { type Diagnostic, didYouMean, error, formatPath } from '../diagnostics.js';
import type { ChartInstance } from './catalogue.js';
import { briefkitMeta, type ChartSpecFile, isObject, type Json } from './spec-file.js';

type Path = (string | number)[];

const TYPES = ['bar', 'column', 'line', 'area', 'pie'];
/** Keys of `native` that name a field, and whether the field must hold numbers. */
const FIELD_KEYS: readonly { key: string; numeric: boolean }[] = [
  { key: 'category', numeric: false },
  { key: 'value', numeric: true },
  { key: 'series', numeric: false },
  { key: 'qualifier', numeric: false },
  { key: 'rangeMax', numeric: true },
];
const GRID_FIELDS = ['gridColumn', 'gridRow'];

/** Every field name the spec makes: each `as` outside usermeta, a wrap's `as`, a grid's place. */
export function producedFields(spec: ChartSpecFile): Set<string> {
  const out = new Set<string>();
  const add = (value: Json | undefined) => {
    for (const name of Array.isArray(value) ? value : [value]) if (typeof name === 'string') out.add(name);
  };
  const visit = (node: Json) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (isObject(node))
      for (const [key, value] of Object.entries(node)) {
        if (key === 'as') add(value);
        if (key !== 'usermeta') visit(value);
      }
  };
  visit(spec.spec);
  const meta = briefkitMeta(spec.spec);
  if (Array.isArray(meta.wrap)) for (const rule of meta.wrap) if (isObject(rule)) add(rule.as);
  if (meta.grid !== undefined) for (const name of GRID_FIELDS) out.add(name);
  return out;
}

/** The fields of the tables a spec's instances read, and what each holds. */
interface TableFields {
  names: Set<string>;
  hasRows: boolean;
  /** Fields with at least one number, and with at least one value that is not a number. */
  numbers: Set<string>;
  others: Set<string>;
}

function tableFields(tables: readonly DerivedTable[]): TableFields {
  const fields: TableFields = { names: new Set(), hasRows: false, numbers: new Set(), others: new Set() };
  for (const table of tables) {
    for (const column of table.columns) fields.names.add(column.name);
    for (const row of table.rows) {
      fields.hasRows = true;
      for (const [name, value] of Object.entries(row)) {
        fields.names.add(name);
        if (typeof value === 'number') fields.numbers.add(name);
        else if (value !== null) fields.others.add(name);
      }
    }
  }
  return fields;
}

/** The problems of one spec's `native`, against the tables of all its instances. */
function specProblems(spec: ChartSpecFile, tables: readonly DerivedTable[]): Diagnostic[] {
  const native = briefkitMeta(spec.spec).native;
  if (native === undefined) return [];
  const base: Path = ['usermeta', 'briefkit', 'native'];
  const problems: Diagnostic[] = [];
  const refuse = (path: Path, message: string, hint: string) =>
    problems.push(
      error('CHART_SPEC_INVALID', message, {
        file: spec.file,
        ...spec.source.locate(path),
        path: formatPath(path),
        hint,
      }),
    );
  if (!isObject(native)) {
    refuse(base, 'native must be an object: {type, category, value, …}', 'see "native" in docs/templates.md');
    return problems;
  }
  if (!(typeof native.type === 'string' && TYPES.includes(native.type)))
    refuse(
      [...base, 'type'],
      `${JSON.stringify(native.type ?? null)} is not a native chart type`,
      `use one of: ${TYPES.join(', ')}`,
    );
  if (typeof native.category !== 'string')
    refuse(
      base,
      'native needs "category": the field that names each bar or point',
      'e.g. "category": "name"',
    );
  if (typeof native.value !== 'string' && !Array.isArray(native.values))
    refuse(
      base,
      'native needs "value" (one field) or "values" (a list of fields)',
      'e.g. "value": "valueBn"',
    );
  const fields = tableFields(tables);
  const produced = producedFields(spec);
  const table = `table "${spec.table}"`;
  const check = (path: Path, name: Json | undefined, numeric: boolean) => {
    if (name === undefined) return;
    if (typeof name !== 'string') {
      refuse(path, 'a native field is a field name', `name a field of ${table}`);
      return;
    }
    // An empty table tells nothing of its fields (rows may hold more than the columns shown).
    if (!fields.hasRows) return;
    const known = [...fields.names].sort();
    if (!fields.names.has(name)) {
      if (produced.has(name))
        refuse(
          path,
          `native field "${name}" is made by the spec (a transform, wrap or grid); the native chart reads ${table} as the dataset has it`,
          `name a field of ${table} (${known.join(', ')}), or remove "native" to place the drawn chart`,
        );
      else {
        const guess = didYouMean(name, known);
        refuse(
          path,
          `${table} has no field "${name}"`,
          guess ? `did you mean "${guess}"?` : `its fields are: ${known.join(', ')}`,
        );
      }
    } else if (numeric && !fields.numbers.has(name) && fields.others.has(name))
      refuse(path, `native field "${name}" holds text, not numbers`, `name a number field of ${table}`);
  };
  for (const { key, numeric } of FIELD_KEYS) check([...base, key], native[key], numeric);
  if (Array.isArray(native.values))
    for (const [i, name] of native.values.entries()) check([...base, 'values', i], name, true);
  return problems;
}

/** Every spec's `native` against the tables its charts read, once per spec file. */
export function nativeProblems(instances: readonly ChartInstance[]): Diagnostic[] {
  const bySpec = new Map<ChartSpecFile, DerivedTable[]>();
  for (const instance of instances)
    bySpec.set(instance.spec, [...(bySpec.get(instance.spec) ?? []), instance.table]);
  return [...bySpec].flatMap(([spec, tables]) => specProblems(spec, tables));
}
