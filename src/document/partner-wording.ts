/**
 * A partnership or agreement in words that stay true: who (the country, or the named home
 * party, and the counterparty, both as written), what they did with which instrument, when
 * (the date's own precision, in the tense the as-of date calls for), on what, and for how long:
 * "On 4 July 2023, Japan and the European Union signed a memorandum of understanding on
 * cooperation in the semiconductor field". Nothing is added that the record does not say.
 */
import type { Instrument, Period } from '../dataset/schema.js';
import { formatDate } from '../dataset/wording.js';

export interface PartnerRecord {
  counterparty: { name: string };
  party?: string | null;
  date?: string | null;
  instrument: Instrument;
  instrumentName?: string | null;
  term?: Period | null;
  subject: string;
}

const INSTRUMENT_WORDS: Record<Instrument, string> = {
  mou: 'a memorandum of understanding',
  moc: 'a memorandum of cooperation',
  'joint-statement': 'a joint statement',
  agreement: 'an agreement',
  treaty: 'a treaty',
  partnership: 'a partnership',
  other: 'an agreement',
};

/** The verb each kind of instrument takes: past, still to come, and undated (present perfect). */
const VERBS: Record<'sign' | 'issue' | 'form', { past: string; future: string; undated: string }> = {
  sign: { past: 'signed', future: 'are to sign', undated: 'have signed' },
  issue: { past: 'issued', future: 'are to issue', undated: 'have issued' },
  form: { past: 'formed', future: 'are to form', undated: 'have formed' },
};

function verbOf(instrument: Instrument): keyof typeof VERBS {
  if (instrument === 'joint-statement') return 'issue';
  if (instrument === 'partnership') return 'form';
  return 'sign';
}

/** "a memorandum of understanding", or the source's own name for it, as written. */
export function instrumentWords(record: Pick<PartnerRecord, 'instrument' | 'instrumentName'>): string {
  return record.instrumentName ?? INSTRUMENT_WORDS[record.instrument];
}

/** "Memorandum of understanding" for a table cell: the generic words without their article. */
export function instrumentLabel(record: Pick<PartnerRecord, 'instrument' | 'instrumentName'>): string {
  const words = record.instrumentName ?? INSTRUMENT_WORDS[record.instrument].replace(/^an? /, '');
  const [first = ''] = [...words];
  return first.toUpperCase() + words.slice(first.length);
}

/** Whether a date of any precision lies after the as-of date ("2026" is after "2025-12-22"). */
function isAfter(date: string, asOf: string): boolean {
  const length = Math.min(date.length, asOf.length);
  return date.slice(0, length) > asOf.slice(0, length);
}

function termPhrase(term: Period | null | undefined): string {
  if (!term) return '';
  const { from, to } = term;
  if (from !== undefined && to !== undefined)
    return from === to ? `, running in ${from}` : `, running ${from}–${to}`;
  if (from !== undefined) return `, running from ${from}`;
  if (to !== undefined) return `, running until ${to}`;
  return '';
}

/** The whole sentence, without its citation and full stop. */
export function partnerSentence(record: PartnerRecord, country: string, asOf: string): string {
  const parties = `${record.party ?? country} and ${record.counterparty.name}`;
  const verbs = VERBS[verbOf(record.instrument)];
  const date = record.date ?? undefined;
  const when = date === undefined ? undefined : formatDate(date);
  const verb =
    when === undefined || date === undefined
      ? verbs.undated
      : isAfter(date, asOf)
        ? verbs.future
        : verbs.past;
  const what = `${verb} ${instrumentWords(record)} on ${record.subject}${termPhrase(record.term)}`;
  if (when === undefined || date === undefined) return upperFirst(`${parties} ${what}`);
  const preposition = /^\d{4}-\d{2}-\d{2}$/.test(date) ? 'On' : 'In';
  return `${preposition} ${when}, ${parties} ${what}`;
}

function upperFirst(text: string): string {
  const [first = ''] = [...text];
  return first.toUpperCase() + text.slice(first.length);
}
