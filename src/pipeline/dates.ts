/** The one date a build embeds: SOURCE_DATE_EPOCH when set, else the dataset's as-of date. Never the clock. */

export function parseSourceDateEpoch(value: string | undefined): Date | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}$/.test(value)) return 'invalid';
  return new Date(Number(value) * 1000);
}

export function buildDate(env: Record<string, string | undefined>, asOf: string): Date {
  const epoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  if (epoch instanceof Date) return epoch;
  const [y = 1970, m = 1, d = 1] = asOf.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
