/**
 * Helpers for relations between records: the sentence of a partnership (`partnerSentence`),
 * its instrument for a table (`partnerInstrument`), the parts of a figure (`partsOf`, for
 * "of which …") and the names of the sources behind a statement (`sourceNames`, for "sources
 * differ: … according to A, … according to B").
 */
import type { Source } from '../dataset/schema.js';
import { namesList } from './figure-scope.js';
import { describe, fail, type HelperTable, isRecord } from './helper-args.js';
import { sourceIds } from './helpers-sources.js';
import { instrumentLabel, instrumentWords, type PartnerRecord, partnerSentence } from './partner-wording.js';
import type { RenderState } from './render-state.js';

function asPartner(value: unknown, helper: string): PartnerRecord {
  if (
    !isRecord(value) ||
    !isRecord(value.counterparty) ||
    typeof value.counterparty.name !== 'string' ||
    typeof value.instrument !== 'string' ||
    typeof value.subject !== 'string'
  )
    return fail(
      `${helper} needs a partners record (counterparty, instrument, subject), got ${describe(value)}`,
    );
  return value as unknown as PartnerRecord;
}

/** Every record of `list` that is part of `id`, directly or through another part, in list order. */
export function partsOf(list: readonly unknown[], id: string): unknown[] {
  const within = new Set([id]);
  const found: unknown[] = [];
  // Parts of parts: repeat until no new part turns up (the data has no cycles: relation-checks.ts).
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of list) {
      if (!isRecord(row) || found.includes(row) || typeof row.partOf !== 'string') continue;
      if (within.has(row.partOf) && typeof row.id === 'string') {
        found.push(row);
        within.add(row.id);
        grew = true;
      }
    }
  }
  return list.filter((row) => found.includes(row));
}

/** What a reader calls a source: its publisher, else its author, else its title. */
function sourceName(source: Source): string {
  return source.publisher ?? source.author ?? source.title;
}

export function registerRelationHelpers(state: RenderState): HelperTable {
  return {
    /** `{{partnerSentence this @root.meta.country}}{{cite this}}.` */
    partnerSentence([value, country]) {
      if (typeof country !== 'string')
        return fail(`partnerSentence needs the country, got ${describe(country)}`);
      return partnerSentence(asPartner(value, 'partnerSentence'), country, state.wording.asOf);
    },
    /** "Memorandum of understanding"; `article=true`: "a memorandum of understanding". */
    partnerInstrument([value], { hash }) {
      const record = asPartner(value, 'partnerInstrument');
      return hash.article === true ? instrumentWords(record) : instrumentLabel(record);
    },
    /** The records of the list that are part of the figure `id` (`partOf`), parts of parts too. */
    partsOf([list, id]) {
      if (!Array.isArray(list)) return fail(`partsOf needs a list, got ${describe(list)}`);
      if (typeof id !== 'string') return fail(`partsOf needs an id, got ${describe(id)}`);
      return partsOf(list, id);
    },
    /** Names as written, listed: "Kioxia and Western Digital"; names with commas set apart by semicolons. */
    names([list]) {
      if (!Array.isArray(list) || !list.every((n) => typeof n === 'string'))
        return fail(`names needs a list of names, got ${describe(list)}`);
      return namesList(list);
    },
    /** "Jiji Press", "Jiji Press and DIGITIMES": who the cited sources are, for "according to …". */
    sourceNames(args) {
      const names = sourceIds(args).map((id) => {
        const source = state.sources.get(id);
        return source ? sourceName(source) : id;
      });
      return namesList([...new Set(names)]);
    },
    /**
     * Whether the records cite one source between them: "the source ties" rather than "the
     * sources tie", so a claim resting on one article does not read as resting on several.
     */
    oneSource(args) {
      return sourceIds(args).length === 1;
    },
    /** "the source" or "the sources", by the number the records cite between them (see `oneSource`). */
    theSources(args) {
      return sourceIds(args).length === 1 ? 'the source' : 'the sources';
    },
  };
}
