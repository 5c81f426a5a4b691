/**
 * Which government was in office at a date, as far as the data says. An administration is in
 * office from its `start` to its `end`; without an `end`, until the next administration's
 * `start`, and, for the latest one, on to the as-of date (the data names no successor). A date
 * counts as in its term only when every day the date may mean lies in it: "2025-06" is not in
 * a term that began on some day of June 2025 ("2025-06"), and nothing is in the term of an
 * administration whose start the data does not give. So a record is worded under a
 * government only where the data says that government was in office, and no government is
 * called current beyond what the data covers.
 */

export interface AdministrationTerm {
  id: string;
  start?: string | null;
  end?: string | null;
}

/** The first and last day a date of any precision may mean: "2025-06" is 1–30 June 2025. */
export function dayRange(date: string): [string, string] {
  const [y = '', m, d] = date.split('-');
  if (d !== undefined && m !== undefined) return [date, date];
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return [`${y}-${m}-01`, `${y}-${m}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/** The administrations with a start, in the order they took office. */
function byStart<T extends AdministrationTerm>(list: readonly T[]): T[] {
  return list
    .filter((a): a is T & { start: string } => typeof a.start === 'string')
    .toSorted((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * The administration certainly in office on every day of `date`, or undefined when the data
 * does not say (no start, a date inside the month it took office, a date after its end).
 */
export function administrationAt<T extends AdministrationTerm>(
  list: readonly T[],
  date: string,
  asOf: string,
): T | undefined {
  const [first, last] = dayRange(date);
  const ordered = byStart(list);
  return ordered.find((a, i) => {
    const took = dayRange(a.start as string)[1];
    if (took > first) return false;
    const next = ordered[i + 1];
    // The day it left (or its successor came), at the earliest; else the as-of date at the latest.
    if (typeof a.end === 'string') return last < dayRange(a.end)[0];
    if (next) return last < dayRange(next.start as string)[0];
    return last <= dayRange(asOf)[1];
  });
}

/** The administration in office at the as-of date, when the data covers that date. */
export function administrationInOffice<T extends AdministrationTerm>(
  list: readonly T[],
  asOf: string,
): T | undefined {
  return administrationAt(list, asOf, asOf);
}

/**
 * The administration a record is worded under: the one it names (`administration`), else the
 * one in office at its `date`, else, for a programme introduced in a `year`, the one in office
 * all that year. An investment's `year` is the year of the money, not of the decision, so it
 * decides nothing.
 */
export function recordAdministration<T extends AdministrationTerm>(
  record: { administration?: unknown; date?: unknown; year?: unknown },
  list: readonly T[],
  asOf: string,
  options: { yearCounts: boolean },
): string | undefined {
  if (typeof record.administration === 'string') return record.administration;
  if (typeof record.date === 'string') return administrationAt(list, record.date, asOf)?.id;
  if (options.yearCounts && typeof record.year === 'number')
    return administrationAt(list, String(record.year), asOf)?.id;
  return undefined;
}

/**
 * The administrations out of office at the as-of date, as far as the data says: one a source
 * calls former (`former`), one whose `end` has passed, and one whose successor had taken office.
 * What they did is worded in the past ("The Ishiba government pledged …").
 */
export function formerAdministrations<T extends AdministrationTerm & { former?: boolean | null }>(
  list: readonly T[],
  asOf: string,
): Set<string> {
  const today = dayRange(asOf)[0];
  const ordered = byStart(list);
  return new Set(
    list
      .filter((a) => {
        if (a.former === true) return true;
        if (typeof a.end === 'string' && dayRange(a.end)[1] < today) return true;
        const i = ordered.indexOf(a as T & { start: string });
        const next = i >= 0 ? ordered[i + 1] : undefined;
        return next !== undefined && dayRange(next.start as string)[1] <= today;
      })
      .map((a) => a.id),
  );
}
