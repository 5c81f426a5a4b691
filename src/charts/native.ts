/**
 * The plot of a figure, as a spec asks for it in `usermeta.briefkit.native`:
 * `{type, category, value, series?}` (long rows, pivoted by `series`) or
 * `{type, category, values: [fields]}` (one series per column). Absent: no plot.
 * `targets: [series names]` marks series that are aims (drawn as outlines),
 * `qualifier: field` names the field whose qualifier ("over"…) each point keeps,
 * `rangeMax: field` the field holding the upper end of a range ("about 3–5"), and
 * `valueUnit: "billion"` the unit of the value field, so that figures below one of it are
 * drawn in a smaller unit that titles name through `{unit}` (see native-scale.ts).
 * `table` holds the rows the chart's marks draw: the spec's transforms already run through
 * vega's dataflow (dataflow.ts), so an aggregated or calculated field is plotted as drawn.
 * The result is format-neutral (document/model.ts `FigurePlot`); the deck's PowerPoint series
 * and Excel number formats are made from it in src/render/pptx/native-chart.ts.
 */
import { Qualifier } from '../dataset/schema.js';
import type { DerivedTable, Row } from '../derive/types.js';
import type { FigurePlot, PlotPoint } from '../document/model.js';
import type { Theme } from '../theme/schema.js';
import { scaled, valueScale, withUnit } from './native-scale.js';
import { chooseScale, scaleMeta } from './scale-rule.js';
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

/**
 * The figure's plot, or undefined when the spec asks for none (or its fields give no series).
 * `scale` is the spec's `usermeta.briefkit.scale`: the rule of scale-rule.ts decides, as it does
 * for the drawing, between bars from zero on a linear axis and dots on a log axis.
 */
export function figurePlot(
  meta: Json | undefined,
  table: DerivedTable,
  theme: Theme,
  scale?: Json,
  scaleRows: readonly Row[] = table.rows,
): FigurePlot | undefined {
  if (!isObject(meta) || !isType(meta.type)) return undefined;
  const category = str(meta.category);
  if (!category) return undefined;
  const slots = categorySlots(table.rows, category, str(meta.series));
  const colours = isObject(meta.colours) ? meta.colours : {};
  const palette = theme.colours.palette;
  const colourOf = (name: string, i: number) =>
    str(colours[name]) ?? palette[i % palette.length] ?? theme.colours.accent;
  const targets = new Set(
    Array.isArray(meta.targets) ? meta.targets.filter((t) => typeof t === 'string') : [],
  );
  const plain = seriesOf(meta, table, slots);
  const log = isLog(meta, scaleRows, scale, plain);
  // The unit the drawing's axis is in too (axis-unit.ts): "€ billion" on a linear axis of billions.
  // A part of a continued chart draws in the unit of all its parts' rows (page-fit.ts), as the drawing does.
  const fields = Array.isArray(meta.values)
    ? meta.values.filter((v) => typeof v === 'string')
    : [str(meta.value)];
  const shared =
    scaleRows === table.rows ? [] : scaleRows.flatMap((r) => fields.map((f) => numberOrNull(f && r[f])));
  const { factor, unit } = valueScale([...plain.flatMap((s) => s.values), ...shared], meta.valueUnit, log);
  const series = plain.map(({ rows, name, values }, i) => ({
    name,
    colour: colourOf(name, i),
    ...(targets.has(name) ? { target: true } : {}),
    points: pointsOf(meta, rows, values, factor),
  }));
  if (series.length === 0) return undefined;
  const bars = meta.type === 'bar' || meta.type === 'column';
  const min = log
    ? logAxisMin(series.flatMap((s) => s.points.map((p) => p.value)))
    : bars || meta.type === 'line' || meta.type === 'area'
      ? 0
      : undefined;
  return {
    // Bars on a log axis would start at an arbitrary power of ten: their length would lie.
    mark: log && bars ? 'dot' : meta.type,
    categories: slots.labels,
    series,
    axisTitles: {
      category: withUnit(str(meta.categoryTitle), unit),
      value: logTitle(withUnit(str(meta.valueTitle), unit), log),
    },
    scale: { factor, unit, log, ...(min === undefined ? {} : { min }) },
    numberFormat: str(meta.numberFormat) ?? '#,##0',
  };
}

/** The drawing's rule (scale-rule.ts) over the same rows; a spec without one may still ask for log. */
function isLog(
  meta: JsonObject,
  rows: readonly Row[],
  scale: Json | undefined,
  plain: PlainSeries[],
): boolean {
  const rule = scaleMeta(scale);
  if (rule) return chooseScale(rows.map((r) => numberOrNull(r[rule.field]))).log;
  return meta.logScale === true && chooseScale(plain.flatMap((s) => s.values)).log;
}

function logTitle(title: string | undefined, log: boolean): string | undefined {
  if (!title || !log || /log scale/.test(title)) return title;
  return `${title} (log scale)`;
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

/**
 * The categories a native chart draws, one per row and series: rows that share a category
 * label (two programmes of one name, two figures of one year and kind) each get a category of
 * their own, the second labelled "name (2)", so every row is drawn once and none hides another.
 */
interface CategorySlots {
  labels: string[];
  /** The row at (category index, series name). */
  rowAt: (index: number, series: string) => Row | undefined;
}

function categorySlots(
  rows: readonly Row[],
  category: string,
  seriesField: string | undefined,
): CategorySlots {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const cells = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const label = String(row[category] ?? '');
    const series = seriesField ? String(row[seriesField] ?? '') : '';
    const n = seen.get(`${label}\u0000${series}`) ?? 0;
    seen.set(`${label}\u0000${series}`, n + 1);
    const slot = `${label}\u0000${n}`;
    let at = index.get(slot);
    if (at === undefined) {
      at = labels.length;
      index.set(slot, at);
      labels.push(n === 0 ? label : `${label} (${n + 1})`);
    }
    cells.set(`${at}\u0000${series}`, row);
  }
  return { labels, rowAt: (i, series) => cells.get(`${i}\u0000${series}`) };
}

function seriesOf(meta: JsonObject, table: DerivedTable, slots: CategorySlots): PlainSeries[] {
  const label = (field: string) => table.columns.find((c) => c.name === field)?.label ?? field;
  const indices = slots.labels.map((_, i) => i);
  if (Array.isArray(meta.values)) {
    return meta.values
      .filter((v): v is string => typeof v === 'string')
      .map((field) => {
        const rows = indices.map((i) => slots.rowAt(i, ''));
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
    const rows = indices.map((i) => slots.rowAt(i, seriesField ? name : ''));
    return { name, values: rows.map((r) => numberOrNull(r?.[value])), rows };
  });
}
