/**
 * Short forms for a slide: a record's label as a tile prints it and the first sentence of an
 * analyst's paragraph. A tile carries its figure, a label of a few words and a note; a label
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
 */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+["“‘(]?\p{Lu})/u.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).trim();
}

export function registerTileHelpers(): HelperTable {
  return {
    tileLabel: ([label, when]) =>
      tileLabel(asString(label, 'tileLabel'), when === undefined ? '' : asString(when, 'tileLabel when')),
    firstSentence: ([text]) => firstSentence(asString(text, 'firstSentence')),
  };
}
