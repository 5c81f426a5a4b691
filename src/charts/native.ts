/**
 * The series of a native PowerPoint chart, as a spec asks for in `usermeta.briefkit.native`:
 * `{type, category, value, series?}` (long rows, pivoted by `series`) or
 * `{type, category, values: [fields]}` (one series per column). Absent: no native chart.
 * `targets: [series names]` marks series that are aims (drawn as outlines),
 * `qualifier: field` names the field whose qualifier ("over"…) prefixes each data label and
 * `rangeMax: field` the field holding the upper end of a range ("about 3–5"), and
 * `valueUnit: "billion"` the unit of the value field, so that figures below one of it are
 * drawn in a smaller unit that titles name through `{unit}` (see native-scale.ts).
 */
import { Qualifier } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { Theme } from '../theme/schema.js';
import { axisFormat, pointLabelFormat } from './label-format.js';
import { scaled, valueScale, withUnit } from './native-scale.js';
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
  const numberFormat = str(meta.numberFormat) ?? '#,##0';
  const plain = seriesOf(meta, table, category, categories);
  const { factor, unit } = valueScale(
    plain.flatMap((s) => s.values),
    meta.valueUnit,
  );
  const series = plain.map(({ rows, ...s }, i) => {
    const values = s.values.map((v) => scaled(v, factor));
    const labelFormats = labelFormatsOf(meta, rows, values, factor, numberFormat);
    return {
      ...s,
      values,
      colour: colourOf(s.name, i),
      ...(targets.has(s.name) ? { target: true } : {}),
      ...(labelFormats.some((f) => f !== null) ? { labelFormats } : {}),
    };
  });
  if (series.length === 0) return undefined;
  const logScale = meta.logScale === true;
  const axisMin = logScale ? logAxisMin(series.flatMap((s) => s.values)) : undefined;
  return {
    type: meta.type,
    categories,
    series,
    axisTitles: {
      category: withUnit(str(meta.categoryTitle), unit),
      value: withUnit(str(meta.valueTitle), unit),
    },
    numberFormat,
    ...(logScale ? { logScale } : {}),
    ...(axisMin === undefined ? {} : { axisMin, axisFormat: axisFormat(numberFormat, axisMin) }),
  };
}

/** Each point's label format: its row's qualifier, decimals, and a range's upper end. */
function labelFormatsOf(
  meta: JsonObject,
  rows: readonly (Row | undefined)[],
  values: readonly (number | null)[],
  factor: number,
  numberFormat: string,
): (string | null)[] {
  const qualifierField = str(meta.qualifier);
  const maxField = str(meta.rangeMax);
  return values.map((value, p) =>
    pointLabelFormat(
      {
        value,
        qualifier: qualifierField ? qualifierOf(rows[p]?.[qualifierField]) : undefined,
        max: maxField ? scaled(numberOrNull(rows[p]?.[maxField]), factor) : null,
      },
      numberFormat,
    ),
  );
}

function qualifierOf(value: unknown): Qualifier | undefined {
  const parsed = Qualifier.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The power of ten at or below the smallest value: where a log axis starts, so the
 * smallest bar has a length (values are at least 1 once `valueUnit` has rescaled them).
 */
function logAxisMin(values: readonly (number | null)[]): number | undefined {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  if (positive.length === 0) return undefined;
  const exponent = Math.floor(Math.log10(Math.min(...positive)));
  return Number((10 ** exponent).toPrecision(1));
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
