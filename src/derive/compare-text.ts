/**
 * The one text order of briefkit's outputs. `localeCompare()` without a locale collates
 * by the environment (LANG / LC_ALL): under cs_CZ "ch" sorts after "h", so "Chemical
 * plants" followed "Data centres" and the same dataset gave different bytes on two
 * machines. Every sort of text in src/ goes through compareText instead.
 *
 * Why a fixed English collator rather than code-point order: the tables are read by
 * people, and dictionary order (case and accents folded, "Électricité" beside "Energy",
 * not after "Zinc") is what a reader expects; it is also the order the templates' `sortBy`
 * helper already uses (src/document/helpers-lists.ts, `localeCompare(…, 'en')`), so a
 * template and a derived table agree. The collator's data comes with Node's bundled ICU,
 * not with the machine's locale, so only the Node version can move it. The code-point
 * tie-break makes the order total: two strings the collator calls equal (NFC against NFD
 * spellings) still come out in one order whatever order they went in.
 */
const ENGLISH = new Intl.Collator('en', { usage: 'sort', sensitivity: 'variant', numeric: false });

/** Code-point (UTF-16 unit) order: what `Array.prototype.sort()` does without a comparator. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Locale-independent order of display text; a total order (see above). */
export function compareText(a: string, b: string): number {
  return ENGLISH.compare(a, b) || compareCodePoints(a, b);
}
