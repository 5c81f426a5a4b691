/**
 * `usermeta.briefkit.native` checked against the rows the native chart reads: the chart's table
 * after the spec's own transforms (dataflow.ts runs them through vega, as the drawing does), so
 * a calculated or aggregated field is a field like any other. A field those rows lack gave an
 * empty chart and no word; each problem is an error at the native key that names the field.
 *
 * A field only a `wrap` or a grid makes (`nameLines`, `gridRow`) is refused with that said: it
 * is laid-out text for the drawing, not a figure, and the native chart lays out its own labels.
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

/** The field names a `native` block reads: its field keys and its `values` list. */
export function nativeFieldNames(native: unknown): string[] {
  if (typeof native !== 'object' || native === null) return [];
  const block = native as Record<string, unknown>;
  const named = FIELD_KEYS.map(({ key }) => block[key]).filter((v): v is string => typeof v === 'string');
  const values = Array.isArray(block.values)
    ? block.values.filter((v): v is string => typeof v === 'string')
    : [];
  return [...named, ...values];
}

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
  for (const name of layoutFields(spec)) out.add(name);
  return out;
}

/** The fields only briefkit's layout makes for the drawing: a wrap's `as`, a grid's place. */
function layoutFields(spec: ChartSpecFile): Set<string> {
  const out = new Set<string>();
  const meta = briefkitMeta(spec.spec);
  if (Array.isArray(meta.wrap))
    for (const rule of meta.wrap) if (isObject(rule) && typeof rule.as === 'string') out.add(rule.as);
  if (Array.isArray(meta.measure))
    for (const rule of meta.measure) if (isObject(rule) && typeof rule.as === 'string') out.add(rule.as);
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
  const layout = layoutFields(spec);
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
      if (layout.has(name))
        refuse(
          path,
          `native field "${name}" is made by a wrap or grid of the spec: laid-out text for the drawing; the native chart reads ${table} after the spec's transforms`,
          `name a field of those rows (${known.join(', ')}), or remove "native" to place the drawn chart`,
        );
      else if (produced.has(name))
        refuse(
          path,
          `native field "${name}" is made by a layer's transform; the native chart reads ${table} after the spec's top-level "transform"`,
          `move that transform to the spec's top-level "transform", or name one of: ${known.join(', ')}`,
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

/**
 * Every spec's `native` against the rows its charts' native charts read, once per spec file.
 * `drawn` gives an instance's table after the spec's transforms (dataflow.ts), or undefined when
 * they failed (their diagnostics say why; nothing more is checked); without it, the table itself.
 */
export function nativeProblems(
  instances: readonly ChartInstance[],
  drawn: (instance: ChartInstance) => DerivedTable | undefined = (instance) => instance.table,
): Diagnostic[] {
  const bySpec = new Map<ChartSpecFile, DerivedTable[]>();
  for (const instance of instances) {
    const table = drawn(instance);
    if (table) bySpec.set(instance.spec, [...(bySpec.get(instance.spec) ?? []), table]);
  }
  return [...bySpec].flatMap(([spec, tables]) => specProblems(spec, tables));
}
