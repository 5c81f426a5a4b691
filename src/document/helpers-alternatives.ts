/**
 * Helpers that keep what is said about a figure's other statements true and said once:
 *
 *  - another source's figure for something else, or at another stage (`scope`, `date` on an
 *    `alternatives` entry), is a difference, not a disagreement: `otherScopes` gives those
 *    entries and `alternativeWhen` words them ("on 10 May 2024 for batteries and
 *    hydrogen"); `disagreements` gives the others, the true "sources differ";
 *  - a disagreement is stated in full at its first mention in a document and in short after
 *    (`firstStatement`), so a figure printed five times does not carry its aside five times;
 *  - a programme budget for more than the programme's sectors says so (`budgetScope`);
 *  - "What to watch" lists what is still ahead and not already a watch item (`toWatch`).
 */
import type { FigureTime } from '../dataset/figure-time.js';
import { figureTense } from './figure-wording.js';
import { describe, fail, type HelperTable, isRecord } from './helper-args.js';
import { onDate } from './helpers-figures.js';
import type { RenderState } from './render-state.js';

type Loose = Record<string, unknown>;

function entries(value: unknown, helper: string): Loose[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(`${helper} needs a list of alternatives, got ${describe(value)}`);
  return value.filter(isRecord);
}

/** Set apart by what it covers or when it was reported: a difference, not a disagreement. */
export function isOtherScope(alternative: Loose): boolean {
  return typeof alternative.scope === 'string' || typeof alternative.date === 'string';
}

/**
 * The key of a statement in a document: a programme budget that is an investment's money
 * (`budgetSameAs`) is that investment's statement, so the two share one first mention.
 */
export function statementKey(kind: string, record: Loose): string {
  const id = typeof record.id === 'string' ? record.id : '';
  if (kind === 'budget' && typeof record.budgetSameAs === 'string') return `amount:${record.budgetSameAs}`;
  if (kind === 'value')
    return `value:${id}:${typeof record.description === 'string' ? 'target' : 'indicator'}`;
  return `${kind}:${id}`;
}

export function toWatch(records: readonly Loose[], watch: readonly Loose[], state: RenderState): Loose[] {
  const watched = new Set(
    watch
      .flatMap((item) => (Array.isArray(item.basedOn) ? item.basedOn : []))
      .flatMap((based) => {
        // basedOn is ids in the data and evidence records once analysis-data.ts has resolved them.
        if (typeof based === 'string') return [based];
        return isRecord(based) && typeof based.id === 'string' ? [based.id] : [];
      }),
  );
  return records.filter((record) => {
    if (typeof record.id === 'string' && watched.has(record.id)) return false;
    const timed = typeof record.year === 'number' || isRecord(record.period);
    // A date gone by is no longer one to watch, whether or not the sources say it was met.
    return !timed || figureTense(record as FigureTime, state.wording) !== 'past';
  });
}

export function registerAlternativeHelpers(state: RenderState): HelperTable {
  return {
    /** The entries of `alternatives` that state the same figure differently: "sources differ". */
    disagreements([list]) {
      return entries(list, 'disagreements').filter((a) => !isOtherScope(a));
    },
    /** The entries of `alternatives` for another scope or stage: worded by `alternativeWhen`. */
    otherScopes([list]) {
      return entries(list, 'otherScopes').filter(isOtherScope);
    },
    /**
     * " on 10 May 2024 for batteries and hydrogen": when and what
     * another source's figure is for, each part only when the entry gives it.
     */
    alternativeWhen([value]) {
      if (!isRecord(value))
        return fail(`alternativeWhen needs an alternatives entry, got ${describe(value)}`);
      const when = typeof value.date === 'string' ? onDate(value.date) : undefined;
      const what = typeof value.scope === 'string' ? `for ${value.scope}` : undefined;
      return [when, what]
        .filter(Boolean)
        .map((part) => ` ${part}`)
        .join('');
    },
    /**
     * `{{#if (firstStatement "amount" this)}}…in full…{{else}}…short…{{/if}}`: true the first time
     * the document states this record's other statements (`kind`: "amount", "budget", "value").
     */
    firstStatement([kind, record]) {
      if (typeof kind !== 'string' || !['amount', 'budget', 'value'].includes(kind))
        return fail(`firstStatement needs "amount", "budget" or "value", got ${describe(kind)}`);
      if (!isRecord(record)) return fail(`firstStatement needs a record, got ${describe(record)}`);
      return state.firstStatement(statementKey(kind, record));
    },
    /**
     *  " for the programme as a whole, which covers broadband, data centres and …"
     * (`budgetScope.beyondSectors`), " for …" for a budget the source ties to its aims; empty
     * without a `budgetScope`.
     */
    budgetScope([value]) {
      if (!isRecord(value)) return fail(`budgetScope needs a programme, got ${describe(value)}`);
      const scope = value.budgetScope;
      if (!isRecord(scope) || typeof scope.covers !== 'string') return '';
      return scope.beyondSectors === true
        ? ` for the programme as a whole, which covers ${scope.covers}`
        : ` for ${scope.covers}`;
    },
    /** False for a budget that covers more than the programme's sectors (`budgetScope.beyondSectors`). */
    sectorBudget([value]) {
      if (!isRecord(value)) return fail(`sectorBudget needs a programme, got ${describe(value)}`);
      return !(isRecord(value.budgetScope) && value.budgetScope.beyondSectors === true);
    },
    /**
     * The dated records a "What to watch" list gives: those whose date is not yet past at the
     * as-of date and that no watch item already rests on, in the order given:
     * `{{#each (toWatch (chronological targets) watch=analysis.watch)}}`.
     */
    toWatch(lists, { hash }) {
      for (const list of lists)
        if (!Array.isArray(list)) return fail(`toWatch needs lists of records, got ${describe(list)}`);
      const records = (lists as unknown[][]).flat().filter(isRecord);
      return toWatch(records, entries(hash.watch, 'toWatch watch='), state);
    },
  };
}
