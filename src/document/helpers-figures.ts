/**
 * Helpers that word a figure by its record: who spends (`figureActor`), what they do in the
 * tense the as-of date calls for (`figureVerb`), when (`figureTime`, `figureYears`), dates with
 * their preposition (`onDate`), and lists in time order (`chronological`). The as-of date and
 * the fiscal year come from the dataset's meta (RenderState.wording).
 */

import { type FigureTime, figureYear, timePhrase, yearsText } from '../dataset/figure-time.js';
import type { FigureStatus, Period } from '../dataset/schema.js';
import { formatDate, isFigureStatus } from '../dataset/wording.js';
import { type AdministrationTerm, administrationAt } from '../derive/administrations.js';
import { scopePhrase, statedOpening, type WhereRecord } from './figure-scope.js';
import {
  actorPhrase,
  type FigureRecord,
  figureTense,
  figureTimePhrase,
  figureVerb,
} from './figure-wording.js';
import { describe, fail, type HelperTable, isRecord } from './helper-args.js';
import type { RenderState } from './render-state.js';

type Loose = Record<string, unknown>;

/**
 * A record's time fields. An investment may have no year or period (the source gives none):
 * its time phrase is then empty, never a year it does not have.
 */
function asTime(value: unknown, helper: string): FigureTime {
  if (!isRecord(value))
    return fail(`${helper} needs a record with a year or a period, got ${describe(value)}`);
  const time = value as FigureTime;
  if (typeof time.year !== 'number' && !isRecord(time.period) && !('amount' in value))
    return fail(`${helper} needs a record with a year or a period, got a record without either`);
  return time;
}

/**
 * An investment keeps its status, or none when the source gives none (it has an `amount`);
 * a target, which has no status field, is worded as a target.
 */
function asFigure(value: unknown, helper: string): FigureRecord {
  const time = asTime(value, helper);
  const status = (value as Loose).status;
  const investment = 'amount' in (value as Loose);
  const resolved: FigureStatus | null = isFigureStatus(status)
    ? status
    : investment && status === undefined
      ? null
      : 'target';
  return { ...(value as Omit<FigureRecord, 'status'>), ...time, status: resolved };
}

function asWhere(value: unknown, helper: string): WhereRecord {
  const { scope, recipients, places } = value as Loose;
  return {
    ...asFigure(value, helper),
    scope: typeof scope === 'string' ? scope : null,
    recipients: texts(recipients),
    places: texts(places),
  };
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** "2025-06-10" → "on 10 June 2025"; "2025-06" → "in June 2025"; "2025" → "in 2025". */
export function onDate(value: string | number): string | undefined {
  const text = formatDate(value);
  if (text === undefined) return undefined;
  return `${/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? 'on' : 'in'} ${text}`;
}

/** Sort key in time: a record's year, its period's first year, or its date (day and month count). */
function timeKey(row: unknown): number | string | undefined {
  if (!isRecord(row)) return undefined;
  const year = figureYear(row as FigureTime);
  if (year !== undefined) return year;
  for (const key of ['date', 'start']) {
    const value = row[key];
    if (typeof value === 'string') return dateKey(value);
  }
  return undefined;
}

/**
 * A date as a number that sorts within its year: "2023-06-21" before "2023-07-04"; a year alone
 * ("2023") sorts at the start of its year, with the records that give only a `year`.
 */
function dateKey(value: string): number {
  const [y = 0, m = 1, d = 1] = value.split('-').map(Number);
  return y + (m - 1) / 12 + (d - 1) / 372;
}

export function registerFigureHelpers(state: RenderState): HelperTable {
  return {
    figureActor([value], { hash }) {
      return actorPhrase(asFigure(value, 'figureActor'), hash.start === true, state.wording.administrations);
    },
    figureVerb([value]) {
      return figureVerb(asFigure(value, 'figureVerb'), state.wording);
    },
    figureTime([value]) {
      return figureTimePhrase(asFigure(value, 'figureTime'), state.wording);
    },
    /**
     * "in 12 fields", "to the Kumamoto plant", "to Rapidus in Chitose, Hokkaido, for …": the
     * record's recipients, places and scope with its verb's prepositions.
     */
    figureScope([value]) {
      return scopePhrase(asWhere(value, 'figureScope'));
    },
    /**
     * For a figure without a status, the words before its amount: "TSMC's investment in its two
     * fabs in Kumamoto is"; `start` capitalises a generic actor. See figure-wording.ts.
     */
    figureStated([value], { hash }) {
      return statedOpening(asWhere(value, 'figureStated'), state.wording, hash.start === true);
    },
    /**
     * The record's hedge as the source gives it ("planned", "expected"), and, when its time is
     * before the as-of date, that the sources do not say whether it happened: a plan whose date
     * has gone by is no longer ahead, and a record with only a hedge has no outcome.
     */
    figureModality([value]) {
      const record = asFigure(value, 'figureModality');
      const { modality } = value as Loose;
      if (typeof modality !== 'string') return '';
      return figureTense(record, state.wording) === 'past'
        ? `${modality} (the sources do not say whether it happened)`
        : modality;
    },
    figureYears([value]) {
      return yearsText(asTime(value, 'figureYears'));
    },
    /**
     * When a programme's budget is for: "over five years", "over fiscal 2022–2025" (its
     * `budgetPeriod`), else "in 2025" (its `budgetYear`); empty when the source gives neither.
     */
    budgetTime([value]) {
      if (!isRecord(value)) return fail(`budgetTime needs a programme, got ${describe(value)}`);
      if (isRecord(value.budgetPeriod)) return timePhrase({ period: value.budgetPeriod as Period });
      return typeof value.budgetYear === 'number' ? `in ${value.budgetYear}` : '';
    },
    /** A period as text for a table: "2022–2025", "by 2030", "over five years". */
    periodYears([value]) {
      if (!isRecord(value)) return fail(`periodYears needs a period, got ${describe(value)}`);
      return yearsText({ period: value as Period });
    },
    /**
     * The administration in office at a date as far as the data says, as a list of none or one:
     * `{{#each (inOfficeAt administrations meta.asOf)}}The {{name}}, in office at …{{/each}}`.
     */
    inOfficeAt([list, date]) {
      if (!Array.isArray(list)) return fail(`inOfficeAt needs the administrations, got ${describe(list)}`);
      if (typeof date !== 'string' || onDate(date) === undefined)
        return fail(`inOfficeAt needs a date as YYYY-MM-DD, YYYY-MM or YYYY, got ${describe(date)}`);
      const terms = list.filter((a): a is AdministrationTerm => isRecord(a) && typeof a.id === 'string');
      const found = administrationAt(terms, date, state.wording.asOf);
      return found ? [found] : [];
    },
    onDate([value]) {
      if (typeof value !== 'string' && typeof value !== 'number')
        return fail(`onDate needs a date, got ${describe(value)}`);
      return onDate(value) ?? fail(`"${value}" is not a date as YYYY-MM-DD, YYYY-MM or YYYY`);
    },
    /**
     * Records in time order (year, first year of the period, date); undated ones last. Given
     * several lists, one list of them all: `(chronological targetInvestments targets)`. With
     * `desc=true` the latest first, undated ones still last: a slide that shows a few of a long
     * list shows the most recent (templates/deck.md.hbs, the programmes slide).
     */
    chronological(lists, { hash }) {
      const sign = hash.desc === true ? -1 : 1;
      for (const list of lists)
        if (!Array.isArray(list)) return fail(`chronological needs a list, got ${describe(list)}`);
      return (lists as unknown[][]).flat().sort((a, b) => {
        const ka = timeKey(a);
        const kb = timeKey(b);
        if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
        // Records of the same year keep the dataset's order (sort is stable).
        return sign * (Number(ka) - Number(kb));
      });
    },
    /**
     * A list of figures cut into runs of neighbours that open with the same words ("The
     * government pledged to provide"): `{{#each (openingRuns list)}}` gives lists, so a run of
     * two or more is said once as a lead and a list of amounts instead of one sentence each.
     * Only figures with a status other than "target" and no `fields` run together (the others
     * end in a sentence of their own); every other figure is a run of one.
     */
    openingRuns([value]) {
      if (!Array.isArray(value)) return fail(`openingRuns needs a list, got ${describe(value)}`);
      const runs: { key: string | undefined; items: unknown[] }[] = [];
      for (const item of value) {
        const key = openingKey(item, state);
        const last = runs.at(-1);
        if (key !== undefined && last?.key === key) last.items.push(item);
        else runs.push({ key, items: [item] });
      }
      return runs.map((run) => run.items);
    },
  };
}

/** The words a figure's sentence opens with, when it may share them with its neighbours. */
function openingKey(item: unknown, state: RenderState): string | undefined {
  if (!isRecord(item)) return undefined;
  const { status, fields } = item as Loose;
  const hasFields = Array.isArray(fields) && fields.length > 0;
  if (typeof status !== 'string' || status === 'target' || hasFields) return undefined;
  const record = asFigure(item, 'openingRuns');
  return `${actorPhrase(record, true, state.wording.administrations)} ${figureVerb(record, state.wording)}`;
}
