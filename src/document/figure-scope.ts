/**
 * Where a figure's money goes, in words that take its verb's prepositions: who receives it, in
 * which places, for what ("allocated … to a named firm in a named city, for its plant"), and the
 * opening of a figure the source states without a stage ("A firm's investment in its fabs is").
 * The actor, verb and tense are figure-wording.ts's.
 */
import { timePhrase } from '../dataset/figure-time.js';
import {
  actorPhrase,
  baseVerb,
  type FigureRecord,
  figureTense,
  pastVerb,
  type WordingContext,
} from './figure-wording.js';

/** The preposition after an amount for who receives it: "allocated ¥260 billion to Rapidus". */
const RECIPIENT_PREPOSITIONS: Record<string, string> = {
  provide: 'to',
  earmark: 'for',
  commit: 'to',
  invest: 'in',
  allocate: 'to',
  spend: 'for',
  mobilise: 'for',
  propose: 'for',
  reach: 'for',
};

/** The preposition after an amount for what it goes to: "invest … in 12 fields", "spent … on". */
const SCOPE_PREPOSITIONS: Record<string, string> = {
  provide: 'for',
  earmark: 'for',
  commit: 'to',
  invest: 'in',
  allocate: 'to',
  spend: 'on',
  mobilise: 'in',
  propose: 'for',
  reach: 'in',
};

/** "Rapidus", "Kioxia and Western Digital"; names holding commas are set apart by semicolons. */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  const sep = names.some((n) => n.includes(',')) ? '; ' : ', ';
  const last = names.length === 2 && sep === ', ' ? ' and ' : `${sep}and `;
  return `${names.slice(0, -1).join(sep)}${last}${names.at(-1)}`;
}

export interface WhereRecord extends FigureRecord {
  scope?: string | null;
  recipients?: readonly string[] | null;
  places?: readonly string[] | null;
}

/**
 * Who receives the money, where, and what it goes to, with the prepositions its verb takes:
 * "invest ₩2 trillion in 12 fields", "allocated ¥476 billion to the Kumamoto plant", "spent ₩1
 * billion on…", "proposed ¥110 billion for…"; with recipients and places, "allocated ¥260 billion
 * to Rapidus in Chitose, Hokkaido, for the construction of its plant" (the scope then takes
 * "for": "to Rapidus … to its plant" would read as two recipients); without a recipient, what
 * it goes to comes before where ("in its two fabs in Kumamoto"). Each part only from the data.
 */
export function scopePhrase(record: WhereRecord): string {
  // A hedge ("is expected to invest") keeps the base verb, so the base verb decides.
  const verb = baseVerb(record);
  const recipients = record.recipients ?? [];
  const places = record.places ?? [];
  const where = places.length > 0 ? `in ${namesList(places)}` : '';
  if (recipients.length === 0) {
    // What the money goes to, then where: "invest US$20 billion in its two fabs in Kumamoto".
    const what = record.scope ? `${SCOPE_PREPOSITIONS[verb] ?? 'for'} ${record.scope}` : '';
    return [what, where].filter(Boolean).join(' ');
  }
  const who = `${RECIPIENT_PREPOSITIONS[verb] ?? 'for'} ${namesList(recipients)}`;
  if (!record.scope) return [who, where].filter(Boolean).join(' ');
  // "in Chitose, Hokkaido, for …": a place with a comma is closed by one.
  const closing = /,/.test(places.at(-1) ?? '') ? ',' : '';
  return `${[who, where].filter(Boolean).join(' ')}${closing} for ${record.scope}`;
}

/** "TSMC's", "the government's", "partners'": the actor as an owner. */
function possessive(text: string): string {
  return /s$/.test(text) ? `${text}'` : `${text}'s`;
}

/**
 * The words before the amount of a figure the source states without a stage (no `status`):
 * "TSMC's investment in its two fabs in Kumamoto is", "The government's expected investment
 * in 2027 is". Nothing is added that the record does not have: no year without one, no verb
 * of planning or spending, the hedge only when the record gives one.
 */
export function statedOpening(record: WhereRecord, context: WordingContext, start = false): string {
  const owner = possessive(actorPhrase(record, start, context.administrations));
  const tense = figureTense(record, context);
  const modality = record.modality ?? undefined;
  const annual = record.basis === 'annual' ? 'annual ' : record.basis === 'cumulative' ? 'total ' : '';
  const noun = `${modality ? `${modality} ` : ''}${annual}investment`;
  const where = scopePhrase({ ...record, status: null });
  // "annual" is said before the noun; the years after what it goes to.
  const when = timePhrase({ ...record, basis: null });
  // A government out of office at the as-of date stated it in the past, as its staged figures are worded.
  const copula = tense === 'past' || pastVerb(record, context) ? 'was' : 'is';
  return [owner, noun, where, when, copula].filter(Boolean).join(' ');
}
