/**
 * The unit a chart's figures are drawn in, the same for the Vega-Lite drawing (axis-unit.ts)
 * and the deck's native chart (native.ts), so both axes read as the text does ("€ billion",
 * "JP¥ trillion"). A spec says which unit its value field holds (`valueUnit: "billion"`, or
 * `unit: {field, of}`); the chart is drawn in another when that reads better:
 *
 * - on a linear axis, the largest unit of which the largest figure is at least one: €6,000 and
 *   €40,000 million are drawn as 6 and 40 "€ billion", as the text says them;
 * - on a log axis, the largest unit of which the smallest figure is at least one: below 1,
 *   PowerPoint grows a log-axis mark from 1 down to the value and LibreOffice puts its label on
 *   the category names, so €50 million to €9 billion is drawn in "€ million".
 */

export const UNITS = ['one', 'thousand', 'million', 'billion', 'trillion'] as const;
export type Unit = (typeof UNITS)[number];

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

export interface ValueScale {
  /** Multiply the field's values by this to draw them. */
  factor: number;
  /** The unit drawn, for `{unit}` in titles ("" for plain units). */
  unit: string;
}

/** The unit to draw `values` (held in `declared`) in, on a log axis or a linear one; see above. */
export function valueScale(values: readonly (number | null)[], declared: unknown, log: boolean): ValueScale {
  if (!isUnit(declared)) return { factor: 1, unit: typeof declared === 'string' ? declared : '' };
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (positive.length === 0) return { factor: 1, unit: declared === 'one' ? '' : declared };
  const deciding = log ? Math.min(...positive) : Math.max(...positive);
  const from = UNITS.indexOf(declared);
  let index = from;
  // Up while the figure is at least 1,000 of this unit; down while it is below one.
  while (index < UNITS.length - 1 && deciding / 1000 ** (index + 1 - from) >= 1) index += 1;
  while (index > 0 && deciding / 1000 ** (index - from) < 1) index -= 1;
  const factor = Number((1000 ** (from - index)).toPrecision(1));
  return { factor, unit: UNITS[index] === 'one' ? '' : (UNITS[index] ?? '') };
}

/** Scales a value, removing binary noise (0.35 × 1000 = 349.99999999999994). */
export function scaled(value: number | null, factor: number): number | null {
  return value === null ? null : Number((value * factor).toPrecision(12));
}

/** A title with `{unit}` filled in; "EUR {unit}" with no unit reads "EUR". */
export function withUnit(title: string | undefined, unit: string): string | undefined {
  return title?.replace(/\s*\{unit\}/g, unit ? ` ${unit}` : '').trim();
}
