/**
 * Short forms for a slide: a record's label as a tile prints it, the first sentence of an
 * analyst's paragraph, and a phrase without the bracketed aside that ends it. A tile carries its figure, a label of a few words and a note; a label
 * written for a table ("Total subsidies to Rapidus since fiscal 2022, including fiscal 2025
 * (cumulative)") garbles once the tile adds its years and status to it.
 */
import { asString, type HelperTable } from './helper-args.js';

/** A bracketed aside and the space before it: " (cumulative)", " (as reported in February 2024)". */
const ASIDE = /\s*\([^()]*\)/gu;
/** A year written in the label already: the tile does not add it again. */
const YEAR = /\b(1[89]|2[01])\d{2}\b/u;

/** The label without its bracketed asides; `when` ("by fiscal 2030") after it unless it names a year. */
export function tileLabel(label: string, when = ''): string {
  const bare = label.replace(ASIDE, '').replace(/\s+/gu, ' ').trim() || label.trim();
  return when.trim() && !YEAR.test(bare) ? `${bare}, ${when.trim()}` : bare;
}

/**
 * The first sentence of a paragraph: up to the first full stop, question or exclamation mark
 * followed by a space and a capital or an opening quote ("U.S.-led" and "2.5" do not end one).
 * With `clause`, only its lead clause when a semicolon joins two statements
 * (`firstSentence text clause=true`): a slide line is one statement.
 */
export function firstSentence(text: string, clause = false): string {
  const end = /[.!?](?=\s+["“‘(]?\p{Lu})/u.exec(text);
  const sentence = (end ? text.slice(0, end.index + 1) : text).trim();
  const cut = clause ? statementBreak(sentence) : -1;
  if (cut < 0) return sentence;
  const lead = sentence.slice(0, cut).trimEnd();
  return /[.!?]$/u.test(lead) ? lead : `${lead}.`;
}

/**
 * What a paragraph says after its lead statement (`firstSentence text clause=true`), its first
 * letter raised, or "" when the lead is all of it: a slide titled with the lead gives the rest
 * as its first line, not the title again (issue 14, the editorial review of the deck).
 */
export function afterLead(text: string): string {
  const end = /[.!?](?=\s+["“‘(]?\p{Lu})/u.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  const after = end ? text.slice(end.index + 1) : '';
  const cut = statementBreak(sentence.trim());
  const rest = (cut < 0 ? after : `${sentence.trim().slice(cut + 1)}${after}`).replace(/\s+/gu, ' ').trim();
  return rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/**
 * Where "; " joins two statements: the first semicolon outside brackets and double quotes, or
 * -1. None after a colon: a list the colon opens separates its items by semicolons, and its first
 * item is not the sentence's point.
 */
function statementBreak(sentence: string): number {
  let depth = 0;
  let quoted = false;
  // UTF-16 units are enough: every mark looked for is one unit, and a surrogate matches none.
  for (let index = 0; index < sentence.length; index += 1) {
    const char = sentence[index] ?? '';
    if (char === '"') quoted = !quoted;
    else if (char === '“') quoted = true;
    else if (char === '”') quoted = false;
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth > 0 || quoted) continue;
    else if (char === ':') return -1;
    else if (char === ';' && /\s/u.test(sentence[index + 1] ?? '')) return index;
  }
  return -1;
}

/** A bracketed aside that ends a phrase, and the space before it: " (plan in its business strategy)". */
const TRAILING_ASIDE = /\s*\(([^()]*)\)\s*$/u;

/**
 * A phrase split from the bracketed aside that ends it, so that a sentence can put its value and
 * date after the phrase and the aside last: "Rapidus goes public by fiscal 2031 (plan in its
 * business strategy)", not "… (plan in its business strategy) by fiscal 2031". A phrase that is
 * all aside keeps it as its text.
 */
export function splitAside(text: string): { text: string; aside: string } {
  const match = TRAILING_ASIDE.exec(text);
  const bare = match ? text.slice(0, match.index).trim() : '';
  if (!match || !bare) return { text: text.trim(), aside: '' };
  return { text: bare, aside: (match[1] ?? '').trim() };
}

export function registerTileHelpers(): HelperTable {
  return {
    tileLabel: ([label, when]) =>
      tileLabel(asString(label, 'tileLabel'), when === undefined ? '' : asString(when, 'tileLabel when')),
    firstSentence: ([text], { hash }) => firstSentence(asString(text, 'firstSentence'), hash.clause === true),
    afterLead: ([text]) => afterLead(asString(text, 'afterLead')),
    withoutAside: ([text]) => splitAside(asString(text, 'withoutAside')).text,
    trailingAside: ([text]) => splitAside(asString(text, 'trailingAside')).aside,
  };
}
