/**
 * Right-to-left words extract as the letters they were drawn for. pdfkit gives each glyph one
 * code and one ToUnicode entry, but a shaper may draw two letters with one glyph: Noto Sans
 * Arabic draws a final teh marbuta (ة) as the final heh (ه) with two dots, so pdftotext gave
 * back "طاقه" for "طاقة". Each glyph of a shaped right-to-left word is matched with its letters;
 * one whose ToUnicode entry names another letter is drawn under a second code that names its
 * own (adapters/pdfkit.ts glyphCodes). The page draws the same glyphs.
 */
import { type EncodedPosition, type GlyphCodes, glyphCodes, wrapFontEncode } from '../../adapters/pdfkit.js';

const RIGHT_TO_LEFT_WORD =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{M}]+ ?$/u;

/** `encoded` (pdfkit's codes for `text`) with every shared glyph under a code of its own letter. */
export function ownLetterCodes(
  codes: GlyphCodes,
  text: string,
  encoded: [string[], EncodedPosition[]],
): [string[], EncodedPosition[]] {
  // pdfkit shapes a word at a time (with its trailing space): one word of a right-to-left
  // script is one run of glyphs in visual order, its letters read from the last glyph back.
  if (!RIGHT_TO_LEFT_WORD.test(text)) return encoded;
  const [glyphs, positions] = encoded;
  const recode: { index: number; letter: string }[] = [];
  let at = 0;
  for (let i = glyphs.length - 1; i >= 0; i--) {
    const code = glyphs[i] ?? '';
    const mapped = codes.textOf(code);
    if (mapped === '') continue;
    if (text.startsWith(mapped, at)) {
      at += mapped.length;
      continue;
    }
    const letter = String.fromCodePoint(text.codePointAt(at) ?? 0);
    // Only a glyph standing for one letter drawn for one other letter is re-coded.
    if ([...mapped].length !== 1 || !RIGHT_TO_LEFT_WORD.test(letter)) return encoded;
    recode.push({ index: i, letter });
    at += letter.length;
  }
  if (at !== text.length || recode.length === 0) return encoded;
  const out = [...glyphs];
  for (const { index, letter } of recode) out[index] = codes.alias(glyphs[index] ?? '', letter);
  return [out, positions];
}

/** Keeps `ownLetterCodes` on the opened font `name` for the document's life. */
export function keepOwnLetterCodes(doc: object, name: string): void {
  const codes = glyphCodes(doc, name);
  if (codes) wrapFontEncode(doc, name, (_id, text, encoded) => ownLetterCodes(codes, text, encoded));
}
