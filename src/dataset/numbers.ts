/**
 * Plain numbers as a reader writes them: thousands separators, the decimals the figure has as
 * stated, never "0" for a figure that is not zero. No locale is read.
 */

/** Rounds away floating-point noise (0.95 × 1000 = 950.0000000000001) to at most `decimals`. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Significant digits a stated figure keeps: beyond them is binary noise (6.8 × 1000 = 6800.000000000001). */
const STATED_DIGITS = 12;

/**
 * The decimals the figure has as stated: 0.64 → 2, 0.003 → 3, 6,800 → 0, 1.5e-7 → 8
 * (binary noise removed first, so 0.1 + 0.2 has 1).
 */
export function statedDecimals(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const [mantissa = '', exponent = '0'] = Math.abs(value).toPrecision(STATED_DIGITS).split('e');
  const fraction = (mantissa.split('.')[1] ?? '').replace(/0+$/, '');
  return Math.max(0, fraction.length - Number(exponent));
}

/**
 * Decimals at which a figure that is not zero shows its first two significant digits: asked to
 * round 0.004 to two decimals, a reader is still told 0.004, never "0". At least `decimals`.
 */
function visibleDecimals(value: number, decimals: number): number {
  if (value === 0 || round(value, decimals) !== 0) return decimals;
  const firstDigit = -Math.floor(Math.log10(Math.abs(value)));
  return Math.min(statedDecimals(value), firstDigit + 1);
}

/**
 * `1234567.5` → `1,234,567.5`. Without `decimals` the figure prints as stated, every decimal it
 * has (0.64 → "0.64", 0.003 → "0.003"); with them it rounds to at most that many, but a figure
 * that is not zero never prints as "0". Trailing zeros are dropped unless `fixed`.
 */
export function formatNumber(value: number, decimals?: number, fixed = false): string {
  if (!Number.isFinite(value)) return String(value);
  const clean = Number(value.toPrecision(STATED_DIGITS));
  const shown = decimals === undefined ? statedDecimals(clean) : visibleDecimals(clean, decimals);
  const rounded = round(clean, shown);
  const negative = rounded < 0;
  const [whole = '0', fraction = ''] = Math.abs(rounded).toFixed(shown).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const kept = fixed ? fraction : fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${kept ? `.${kept}` : ''}`;
}
