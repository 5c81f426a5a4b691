/**
 * The series of a native PowerPoint chart, as a spec asks for in `usermeta.briefkit.native`:
 * `{type, category, value, series?}` (long rows, pivoted by `series`) or
 * `{type, category, values: [fields]}` (one series per column). Absent: no native chart.
 * `targets: [series names]` marks series that are aims (drawn as outlines) and
 * `qualifier: field` names the field whose qualifier ("over"…) prefixes each data label.
 */
import { Qualifier } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import { qualifierWord } from '../document/format.js';
import type { Theme } from '../theme/schema.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';
import type { NativeChart } from './types.js';

const TYPES = new Set<NativeChart['type']>(['bar', 'column', 'line', 'area', 'pie']);

function isType(value: Json | undefined): value is NativeChart['type'] {
  return typeof value === 'string' && TYPES.has(value as NativeChart['type']);
}

function str(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function nativeChart(
  meta: Json | undefined,
  table: DerivedTable,
  theme: Theme,
): NativeChart | undefined {
  if (!isObject(meta) || !isType(meta.type)) return undefined;
  const category = str(meta.category);
  if (!category) return undefined;
  const categories = [...new Set(table.rows.map((r) => String(r[category] ?? '')))];
  const colours = isObject(meta.colours) ? meta.colours : {};
  const palette = theme.colours.palette;
  const colourOf = (name: string, i: number) =>
    str(colours[name]) ?? palette[i % palette.length] ?? theme.colours.accent;
  const targets = new Set(
    Array.isArray(meta.targets) ? meta.targets.filter((t) => typeof t === 'string') : [],
  );
  const qualifierField = str(meta.qualifier);
  const series = seriesOf(meta, table, category, categories).map(({ rows, ...s }, i) => {
    const prefixes = qualifierField ? rows.map((row) => prefixOf(row?.[qualifierField])) : [];
    return {
      ...s,
      colour: colourOf(s.name, i),
      ...(targets.has(s.name) ? { target: true } : {}),
      ...(prefixes.some((p) => p !== null) ? { prefixes } : {}),
    };
  });
  if (series.length === 0) return undefined;
  return {
    type: meta.type,
    categories,
    series,
    axisTitles: { category: str(meta.categoryTitle), value: str(meta.valueTitle) },
    numberFormat: str(meta.numberFormat) ?? '#,##0',
    ...(meta.logScale === true ? { logScale: true } : {}),
  };
}

/** "over" for a row whose qualifier is "over"; null for an exact figure or no qualifier. */
function prefixOf(value: unknown): string | null {
  const parsed = Qualifier.safeParse(value);
  return parsed.success ? qualifierWord(parsed.data).trim() || null : null;
}

interface PlainSeries {
  name: string;
  values: (number | null)[];
  /** The row behind each value, for its qualifier. */
  rows: (Row | undefined)[];
}

function seriesOf(
  meta: JsonObject,
  table: DerivedTable,
  category: string,
  categories: string[],
): PlainSeries[] {
  const label = (field: string) => table.columns.find((c) => c.name === field)?.label ?? field;
  if (Array.isArray(meta.values)) {
    return meta.values
      .filter((v): v is string => typeof v === 'string')
      .map((field) => {
        const rows = categories.map((cat) => table.rows.find((r) => String(r[category]) === cat));
        return { name: label(field), values: rows.map((r) => numberOrNull(r?.[field])), rows };
      });
  }
  const value = str(meta.value);
  if (!value) return [];
  const seriesField = str(meta.series);
  const names = seriesField
    ? [...new Set(table.rows.map((r) => String(r[seriesField] ?? '')))]
    : [label(value)];
  return names.map((name) => {
    const rows = categories.map((cat) =>
      table.rows.find(
        (r) => String(r[category]) === cat && (!seriesField || String(r[seriesField]) === name),
      ),
    );
    return { name, values: rows.map((r) => numberOrNull(r?.[value])), rows };
  });
}
