/**
 * The plot of a figure, as a spec asks for it in `usermeta.briefkit.native`:
 * `{type, category, value, series?}` (long rows, pivoted by `series`) or
 * `{type, category, values: [fields]}` (one series per column). Absent: no plot.
 * `targets: [series names]` marks series that are aims (drawn as outlines),
 * `qualifier: field` names the field whose qualifier ("over"…) each point keeps,
 * `rangeMax: field` the field holding the upper end of a range ("about 3–5"), and
 * `valueUnit: "billion"` the unit of the value field, so that figures below one of it are
 * drawn in a smaller unit that titles name through `{unit}` (see native-scale.ts).
 * The result is format-neutral (document/model.ts `FigurePlot`); the deck's PowerPoint series
 * and Excel number formats are made from it in src/render/pptx/native-chart.ts.
 */
import { Qualifier } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { FigurePlot, PlotPoint } from '../document/model.js';
import type { Theme } from '../theme/schema.js';
import { scaled, valueScale, withUnit } from './native-scale.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

const TYPES = new Set<FigurePlot['mark']>(['bar', 'column', 'line', 'area', 'pie']);

function isType(value: Json | undefined): value is FigurePlot['mark'] {
  return typeof value === 'string' && TYPES.has(value as FigurePlot['mark']);
}

function str(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The figure's plot, or undefined when the spec asks for none (or its fields give no series). */
export function figurePlot(
  meta: Json | undefined,
  table: DerivedTable,
  theme: Theme,
): FigurePlot | undefined {
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
  const plain = seriesOf(meta, table, category, categories);
  const { factor, unit } = valueScale(
    plain.flatMap((s) => s.values),
    meta.valueUnit,
  );
  const series = plain.map(({ rows, name, values }, i) => ({
    name,
    colour: colourOf(name, i),
    ...(targets.has(name) ? { target: true } : {}),
    points: pointsOf(meta, rows, values, factor),
  }));
  if (series.length === 0) return undefined;
  const log = meta.logScale === true;
  const min = log ? logAxisMin(series.flatMap((s) => s.points.map((p) => p.value))) : undefined;
  return {
    mark: meta.type,
    categories,
    series,
    axisTitles: {
      category: withUnit(str(meta.categoryTitle), unit),
      value: withUnit(str(meta.valueTitle), unit),
    },
    scale: { factor, unit, log, ...(min === undefined ? {} : { min }) },
    numberFormat: str(meta.numberFormat) ?? '#,##0',
  };
}

/** Each point scaled, with its row's qualifier and a range's upper end. */
function pointsOf(
  meta: JsonObject,
  rows: readonly (Row | undefined)[],
  values: readonly (number | null)[],
  factor: number,
): PlotPoint[] {
  const qualifierField = str(meta.qualifier);
  const maxField = str(meta.rangeMax);
  return values.map((raw, p) => {
    const value = scaled(raw, factor);
    const qualifier = qualifierField ? qualifierOf(rows[p]?.[qualifierField]) : undefined;
    const max = maxField ? scaled(numberOrNull(rows[p]?.[maxField]), factor) : null;
    return { value, ...(qualifier ? { qualifier } : {}), ...(max === null ? {} : { max }) };
  });
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
