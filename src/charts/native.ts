/**
 * The series of a native PowerPoint chart, as a spec asks for in `usermeta.briefkit.native`:
 * `{type, category, value, series?}` (long rows, pivoted by `series`) or
 * `{type, category, values: [fields]}` (one series per column). Absent: no native chart.
 */
import type { DerivedTable } from '../derive/types.js';
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
  const series = seriesOf(meta, table, category, categories).map((s, i) => ({
    ...s,
    colour: colourOf(s.name, i),
  }));
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

function seriesOf(meta: JsonObject, table: DerivedTable, category: string, categories: string[]) {
  const label = (field: string) => table.columns.find((c) => c.name === field)?.label ?? field;
  if (Array.isArray(meta.values)) {
    return meta.values
      .filter((v): v is string => typeof v === 'string')
      .map((field) => ({
        name: label(field),
        values: categories.map((cat) =>
          numberOrNull(table.rows.find((r) => String(r[category]) === cat)?.[field]),
        ),
      }));
  }
  const value = str(meta.value);
  if (!value) return [];
  const seriesField = str(meta.series);
  const names = seriesField
    ? [...new Set(table.rows.map((r) => String(r[seriesField] ?? '')))]
    : [label(value)];
  return names.map((name) => ({
    name,
    values: categories.map((cat) =>
      numberOrNull(
        table.rows.find(
          (r) => String(r[category]) === cat && (!seriesField || String(r[seriesField]) === name),
        )?.[value],
      ),
    ),
  }));
}
