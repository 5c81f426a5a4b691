/**
 * Control characters in dataset texts: the C0 controls except tab and line feed, DEL, and
 * the C1 controls. Fonts have no glyph for them and the glyph check (src/theme/stack-coverage.ts)
 * lets them through as "needs no glyph", so they would reach every renderer and print as
 * nothing or as garbage (an ESC sequence even recolours a terminal that shows the text). The
 * dataset schema refuses them, so every output of every format is covered by one check.
 * YAML's own line breaks arrive as line feeds; a carriage return here was written as "\r".
 */

/** The ASCII names of U+0000..U+001F. */
const C0 =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
    ' ',
  );
/** The ISO 6429 names of U+0080..U+009F. */
const C1 =
  'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC'.split(
    ' ',
  );

const ALLOWED = new Set([0x09, 0x0a]);

function nameOf(code: number): string | undefined {
  if (ALLOWED.has(code)) return undefined;
  if (code < 0x20) return C0[code];
  if (code === 0x7f) return 'DEL';
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80];
  return undefined;
}

export const CONTROL_CHARACTER_HINT =
  'delete the character (it was likely pasted in with the text): it shows as nothing or as garbage in a PDF or deck. A tab or a line break is fine';

/** The first control character of `text`: its place (1-based, in characters) and its name. */
export function firstControlCharacter(text: string): { index: number; described: string } | undefined {
  let index = 0;
  for (const char of text) {
    index += 1;
    const code = char.codePointAt(0) ?? 0;
    const name = nameOf(code);
    if (name) return { index, described: `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})` };
  }
  return undefined;
}
