/**
 * What a one-page sector brief says about its own sector only (issue 14: a brief pasted whole
 * channel summaries about other sectors and repeated its targets as "What to watch").
 *
 * `sectorSentences`: the sentences of a text (a channel's summary) that name the sector, word for
 * word and in their order, joined by a space; "" when none does, so the template can say in its
 * own, marked words that the source links the channel to the sector. Nothing is reworded: a
 * sentence shown is the dataset's text, so its quote stays checkable.
 * `sectorWatch`: the analyst's watch items that rest on a record of the sector (or on the sector
 * itself), in their order.
 */

import { describe, fail, type HelperTable, isRecord } from './helper-args.js';
import { firstSentence } from './helpers-tiles.js';

type Row = Record<string, unknown>;

/** A bracketed aside in a name: "(foundry)" in "Contract chipmaking plants (foundry)". */
const ASIDE = /\(([^()]+)\)/gu;

/**
 * The words a sector is named by: its name, short name and mid-sentence name, a bracketed aside
 * in its name, and its name without that aside. Matched whole and case-insensitively.
 */
export function sectorTerms(sector: Row): string[] {
  const names = ['name', 'shortName', 'inSentence', 'localName']
    .map((key) => sector[key])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const terms = names.flatMap((name) => [
    name,
    name.replace(ASIDE, '').replace(/\s+/gu, ' ').trim(),
    ...[...name.matchAll(ASIDE)].map((m) => (m[1] ?? '').trim()),
  ]);
  return [...new Set(terms.filter((t) => t.length > 1).map((t) => t.toLowerCase()))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * One pattern per term, matched whole and case-insensitively. Made once per text, not once per
 * sentence: compiling a Unicode-property pattern cost more than matching it (8 ms a one-pager,
 * measured on the bench's 1,000 variants).
 */
const termPatterns = (terms: readonly string[]): RegExp[] =>
  terms.map((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu'));

const namedBy = (sentence: string, patterns: readonly RegExp[]): boolean =>
  patterns.some((pattern) => pattern.test(sentence));

/** Whether `sentence` names one of `terms` as a whole word or phrase. */
export function names(sentence: string, terms: readonly string[]): boolean {
  return namedBy(sentence, termPatterns(terms));
}

/** The sentences of `text`, split where firstSentence ends one ("U.S.-led" does not). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest) {
    const first = firstSentence(rest);
    out.push(first);
    rest = rest.slice(rest.indexOf(first) + first.length).trim();
  }
  return out;
}

/** `patterns`: the sector's term patterns, made once by the caller for all its texts. */
export function sectorSentences(
  text: string,
  sector: Row,
  patterns: readonly RegExp[] = termPatterns(sectorTerms(sector)),
): string {
  return sentences(text)
    .filter((s) => namedBy(s, patterns))
    .join(' ');
}

/** The ids of the sectors an evidence entry (analysis-data.ts) concerns: a record's `sectors`, or the sector itself. */
function evidenceSectors(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (!isRecord(entry)) return [];
  const record = isRecord(entry.record) ? entry.record : entry;
  if (entry.list === 'sectors' && typeof record.id === 'string') return [record.id];
  return Array.isArray(record.sectors)
    ? record.sectors.filter((s): s is string => typeof s === 'string')
    : [];
}

/**
 * The watch items about this sector: resting on one of its records, and on records of at most
 * half the focus sectors (one resting on most of them, "four targets fall due in 2030", is
 * about the whole set and is the full briefing's).
 */
export function sectorWatch(watch: readonly Row[], sectorId: string, sectorCount: number): Row[] {
  return watch.filter((item) => {
    const based = Array.isArray(item.basedOn) ? item.basedOn : [];
    const concerned = new Set(based.flatMap(evidenceSectors));
    return concerned.has(sectorId) && concerned.size <= Math.max(1, sectorCount / 2);
  });
}

export function registerSectorBriefHelpers(): HelperTable {
  // The helpers are made per document (helpers.ts allHelpers), which asks once per channel about
  // its one sector: each sector's patterns are made once per document. Not held for the build:
  // V8's compiled Unicode patterns are large, and 1,000 sectors' raised the peak ~95 MB
  // (measured, --jobs 1).
  const patterns = new Map<Row, RegExp[]>();
  const patternsOf = (sector: Row): RegExp[] => {
    let made = patterns.get(sector);
    if (!made) {
      made = termPatterns(sectorTerms(sector));
      patterns.set(sector, made);
    }
    return made;
  };
  return {
    /** `{{#with (sectorSentences summary @root.sector)}}…{{else}}…{{/with}}`. */
    sectorSentences([text, sector]) {
      if (typeof text !== 'string' || !isRecord(sector))
        return fail(
          `sectorSentences needs a text and a sector record, got ${describe(text)}, ${describe(sector)}`,
        );
      return sectorSentences(text, sector, patternsOf(sector));
    },
    /**
     * `{{#each (channelsNaming this sector)}}`: the channels whose summary names the sector in
     * at least one sentence; `naming=false`, the others.
     */
    channelsNaming([channels, sector], { hash }) {
      if (!Array.isArray(channels) || !isRecord(sector))
        return fail(
          `channelsNaming needs the channels and a sector record, got ${describe(channels)}, ${describe(sector)}`,
        );
      const naming = hash.naming !== false;
      return channels
        .filter(isRecord)
        .filter(
          (c) =>
            (typeof c.summary === 'string' &&
              sectorSentences(c.summary, sector, patternsOf(sector)) !== '') === naming,
        );
    },
    /** `{{#each (sectorWatch analysis.watch sector.id sectors)}}`. */
    sectorWatch([watch, sectorId, sectors]) {
      if (!Array.isArray(watch) || typeof sectorId !== 'string' || !Array.isArray(sectors))
        return fail(
          `sectorWatch needs the watch list, a sector id and the sectors, got ${describe(watch)}, ${describe(sectorId)}`,
        );
      return sectorWatch(watch.filter(isRecord), sectorId, sectors.length);
    },
  };
}
