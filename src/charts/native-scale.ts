/**
 * The unit a native chart's values are drawn in. A spec may say which unit its value field
 * holds (`valueUnit: "billion"`); when its smallest figure is below one of that unit, the
 * native chart steps down (billion → million → thousand) until every figure is at least 1,
 * and its titles' `{unit}` say so. Below 1, PowerPoint grows a log-axis bar from 1 down to
 * the value, and LibreOffice puts its label on the category names; "€350 million" read as
 * "0" on a billions axis.
 */

const UNITS = ['one', 'thousand', 'million', 'billion', 'trillion'] as const;
type Unit = (typeof UNITS)[number];

function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

export interface ValueScale {
  /** Multiply the field's values by this to draw them. */
  factor: number;
  /** The unit drawn, for `{unit}` in titles ("" for plain units). */
  unit: string;
}

/** The unit in which the smallest positive value is at least 1 (no lower than "one"). */
export function valueScale(values: readonly (number | null)[], declared: unknown): ValueScale {
  if (!isUnit(declared)) return { factor: 1, unit: typeof declared === 'string' ? declared : '' };
  const positive = values.filter((v): v is number => v !== null && v > 0);
  const smallest = positive.length > 0 ? Math.min(...positive) : 1;
  let index = UNITS.indexOf(declared);
  let factor = 1;
  while (index > 0 && smallest * factor < 1) {
    index -= 1;
    factor *= 1000;
  }
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
