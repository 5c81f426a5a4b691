/**
 * Excel number formats for the data labels of a native chart, one per point, so each label
 * says what the source says while it still follows the value when a presenter edits the
 * chart's data: the qualifier's word in front ("over 0.35"), enough decimals that a small
 * figure does not round to "0", and the upper end of a range after it ("about 3–5").
 */
import type { Qualifier } from '../../dataset/schema.js';
import { formatNumber, qualifierWord, statedDecimals } from '../../dataset/wording.js';

/** Decimals a figure keeps as stated: beyond them a figure on a billions axis is noise. */
const MAX_DECIMALS = 6;

/**
 * Decimals that show `value` as stated: 0.35 → 2, 2.4 → 1, 6,800 → 0, 0.0000004 → 7; a value
 * with more digits than MAX_DECIMALS keeps three significant ones (0.123456 → 3), so no
 * figure that is not zero reads "0".
 */
export function decimalsFor(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const stated = statedDecimals(value);
  if (stated <= MAX_DECIMALS) return stated;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.min(stated, Math.max(0, 2 - magnitude));
}

/** Decimals a format shows already: `#,##0.00` → 2, `#,##0` → 0. */
function formatDecimals(format: string): number {
  return /\.(0+)/.exec(format)?.[1]?.length ?? 0;
}

/** `#,##0` with 2 decimals → `#,##0.00`; a format that shows as many already is kept. */
export function withDecimals(format: string, decimals: number): string {
  const shown = formatDecimals(format);
  if (decimals <= shown) return format;
  const zeros = '0'.repeat(decimals);
  if (shown > 0) return format.replace(/\.0+/, `.${zeros}`);
  // After the last digit placeholder of the number: `#,##0` → `#,##0.00`, `0%` → `0.00%`.
  return format.replace(/0(?!.*0)/, `0.${zeros}`);
}

/** Literal text inside an Excel format: quoted, with its own quotes and backslashes dropped. */
function literal(text: string): string {
  const clean = text.replace(/["\\]/g, '');
  return clean ? `"${clean}"` : '';
}

export interface PointLabel {
  value: number | null;
  qualifier?: Qualifier;
  /** The upper end of a range, on the same scale as `value`. */
  max?: number | null;
}

/**
 * The point's label format, or null when the series' own format already says it all
 * (an exact figure with no more decimals than the format shows).
 */
export function pointLabelFormat(point: PointLabel, format: string): string | null {
  if (point.value === null) return null;
  const max = typeof point.max === 'number' && Number.isFinite(point.max) ? point.max : undefined;
  const decimals = Math.max(decimalsFor(point.value), max === undefined ? 0 : decimalsFor(max));
  const words = point.qualifier ? qualifierWord(point.qualifier).trim() : '';
  const number = withDecimals(format, decimals);
  const upper = max === undefined ? '' : literal(`–${formatNumber(max, decimals)}`);
  const full = `${words ? literal(`${words} `) : ''}${number}${upper}`;
  return full === format ? null : full;
}

/**
 * An axis format that shows ticks below 1 (0.1, 0.01 on a log axis) instead of rounding
 * them to "0", keeping `format` for 1 and above: `[<1]0.0#;#,##0`.
 */
export function axisFormat(format: string, min: number): string {
  if (!(min > 0 && min < 1) || formatDecimals(format) > 0) return format;
  const decimals = decimalsFor(min);
  return `[<1]0.0${'#'.repeat(Math.max(0, decimals - 1))};${format}`;
}
