/**
 * Who made the faces a document is set in, as the fonts themselves say it: the OpenType name
 * table's copyright (name ID 0), designer (9), licence description (13) and licence URL (14).
 * A theme font from a package or a local file (`./fonts/Brand.ttf`) is credited alike in the
 * outputs' colophon, from the file, not from what the theme claims.
 */
import type * as fontkit from 'fontkit';
import type { FontStack, StackFace } from './stack.js';

export interface FaceCredit {
  family: string;
  copyright?: string;
  designer?: string;
  licence?: string;
  licenceUrl?: string;
}

/** A name-table entry is free text of any length: one line, cut at a sentence's length. */
const MAX_CHARS = 300;

function nameEntry(font: fontkit.Font, key: string): string | undefined {
  let value: string | null = null;
  try {
    value = font.getName(key, 'en');
  } catch {
    value = null;
  }
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1).trimEnd()}…` : text;
}

export function faceCredit(face: StackFace): FaceCredit {
  const font = face.regular();
  const credit: FaceCredit = { family: face.family };
  const copyright = nameEntry(font, 'copyright');
  const designer = nameEntry(font, 'designer');
  const licence = nameEntry(font, 'license');
  const licenceUrl = nameEntry(font, 'licenseURL');
  if (copyright) credit.copyright = copyright;
  if (designer) credit.designer = designer;
  if (licence) credit.licence = licence;
  if (licenceUrl) credit.licenceUrl = licenceUrl;
  return credit;
}

const withStop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** One face's credit as a sentence or three: "Liberation Sans: Copyright … Designed by … Licensed …". */
export function creditText(credit: FaceCredit): string {
  const parts: string[] = [];
  if (credit.copyright) parts.push(withStop(credit.copyright));
  if (credit.designer) parts.push(withStop(`Design: ${credit.designer}`));
  if (credit.licence) parts.push(withStop(credit.licence));
  if (credit.licenceUrl && !sameAddress(credit.licence ?? '', credit.licenceUrl))
    parts.push(credit.licenceUrl);
  if (parts.length === 0) parts.push('No copyright or licence is named in the font file.');
  return `${credit.family}: ${parts.join(' ')}`;
}

/**
 * The licence's usual short name when the font's licence description names a common one
 * ("SIL Open Font License, Version 1.1" → "SIL Open Font License 1.1"), else its address.
 */
function licenceName(credit: FaceCredit): string | undefined {
  const text = credit.licence ?? '';
  const ofl = /SIL Open Font License,?\s*(?:Version\s*)?(\d+\.\d+)?/i.exec(text);
  if (ofl) return ofl[1] ? `SIL Open Font License ${ofl[1]}` : 'SIL Open Font License';
  const apache = /Apache License,?\s*(?:Version\s*)?(\d+\.\d+)?/i.exec(text);
  if (apache) return apache[1] ? `Apache License ${apache[1]}` : 'Apache License';
  if (/Ubuntu Font Licen[cs]e/i.test(text)) return 'Ubuntu Font Licence';
  return credit.licenceUrl;
}

/**
 * A copyright line as a colophon gives it: "Copyright (c) 2014-2021 Adobe (http://www.adobe.com/),
 * with Reserved Font Name 'Source'." → "© 2014-2021 Adobe". Its first clause, no address.
 */
function shortCopyright(copyright: string): string {
  const first = copyright
    .replace(/\s*\(https?:\/\/[^)]*\)/gi, '')
    .split(/,\s*with\s|;\s|\.\s/i)[0]
    ?.replace(/\.$/, '')
    .replace(/\((?:c|C)\)|Copyright\s*©?/g, '©')
    .replace(/©(\s*©)+/g, '©')
    .replace(/\s+/g, ' ')
    .trim();
  return first ?? '';
}

/**
 * One face's credit as a colophon names it: "Pretendard (© 2023 Kil Hyung-jin, SIL Open Font
 * License 1.1)". The designers and the licence text are in the full credit (`creditText`).
 */
export function shortCreditText(credit: FaceCredit): string {
  const parts = [credit.copyright ? shortCopyright(credit.copyright) : '', licenceName(credit) ?? ''].filter(
    (part) => part !== '',
  );
  return parts.length > 0 ? `${credit.family} (${parts.join(', ')})` : credit.family;
}

/** Whether `text` already names the address `url` (http or https, with or without a final slash). */
function sameAddress(text: string, url: string): boolean {
  const bare = (u: string) =>
    u
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return text.toLowerCase().includes(bare(url));
}

/** The stack's faces some run of `texts` is drawn in, in stack order (the primary face always). */
export function facesUsed(stack: FontStack, texts: Iterable<string>): StackFace[] {
  const used = new Set<number>([0]);
  for (const text of texts) for (const run of stack.runs(text)) if (run.face >= 0) used.add(run.face);
  return stack.faces.filter((_, i) => used.has(i));
}

/** The colophon's credits for the faces `texts` is set in (`short`: one line each, `shortCreditText`). */
export function typefaceCredits(stack: FontStack, texts: Iterable<string>, short = false): string[] {
  const text = short ? shortCreditText : creditText;
  return facesUsed(stack, texts).map((face) => shownOnly(stack, text(faceCredit(face))));
}

/**
 * The credit without characters no face of the stack has: a font's name table is not the
 * analyst's text (the glyph check does not see it), and a colophon must not print tofu.
 */
function shownOnly(stack: FontStack, text: string): string {
  return stack
    .runs(text)
    .filter((run) => run.face >= 0)
    .map((run) => run.text)
    .join('');
}
