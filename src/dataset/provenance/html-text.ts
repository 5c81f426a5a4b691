/**
 * The text of an HTML page as a reader sees it, for matching quotes: no library for this is
 * installed, so a small converter. Scripts, styles, comments and the head are dropped, block
 * elements end a line, other tags vanish and character references are decoded. It need not
 * render anything: quotes are compared after white space is normalised (normalise.ts).
 */

const DROPPED = /<!--[\s\S]*?-->|<(script|style|head|template|noscript)\b[\s\S]*?<\/\1\s*>/giu;
const BLOCK =
  /<\/?(?:p|div|br|hr|li|ul|ol|tr|table|thead|tbody|h[1-6]|section|article|header|footer|blockquote|pre|dd|dt|dl|figure|figcaption|main|nav|aside|title)\b[^>]*>/giu;
const TAG = /<\/?[a-zA-Z][^>]*>|<![^>]*>/gu;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/gu;

/** The named references sources write in running text; any other stays as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  hellip: '\u2026',
  euro: '\u20AC',
  pound: '\u00A3',
  yen: '\u00A5',
  cent: '\u00A2',
  copy: '\u00A9',
  reg: '\u00AE',
  deg: '\u00B0',
  middot: '\u00B7',
  times: '\u00D7',
  shy: '\u00AD',
  laquo: '\u00AB',
  raquo: '\u00BB',
  percnt: '%',
};

function decodeReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined;
  if (code !== undefined) {
    // A reference to a surrogate or past U+10FFFF is not a character.
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  }
  return (name && NAMED[name]) ?? whole;
}

export function htmlToText(html: string): string {
  return html
    .replace(DROPPED, ' ')
    .replace(BLOCK, '\n')
    .replace(TAG, '')
    .replace(REFERENCE, decodeReference)
    .replace(/[ \t]+\n/gu, '\n');
}
