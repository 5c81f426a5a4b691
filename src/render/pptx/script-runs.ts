/**
 * Deck text split by script (text/runs.ts, the splitter the PDF and the charts use), each piece
 * naming the face the stack chose in the OOXML slot PowerPoint reads for its characters: latin
 * (`a:latin`), East Asian (`a:ea`: Han, kana, Hangul) or complex script (`a:cs`: Arabic, Hebrew,
 * Indic…), with a `lang` per piece. pptxgenjs writes one `fontFace` into all three slots, so the
 * drawer hands it a marker naming the three faces and the script, and the package step
 * (package.ts) turns each marker into the three slots and the run's `lang`.
 */

import { scriptOf } from '../../text/runs.js';
import { decodeEntities, escapeXml } from '../../text/xml.js';
import type { FontStack } from '../../theme/stack.js';

const MARKER = 'briefkit-run;';
const EAST_ASIAN = new Set(['Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul']);
/** Scripts PowerPoint draws from the complex-script slot (bidi, shaped or reordered scripts). */
const COMPLEX = new Set([
  'Arabic',
  'Hebrew',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Tibetan',
]);
/** A language per script where the script names one; Han is decided by kana and the deck language. */
const SCRIPT_LANG: Record<string, string> = {
  Hangul: 'ko-KR',
  Arabic: 'ar-SA',
  Hebrew: 'he-IL',
  Devanagari: 'hi-IN',
  Bengali: 'bn-IN',
  Gurmukhi: 'pa-IN',
  Gujarati: 'gu-IN',
  Tamil: 'ta-IN',
  Telugu: 'te-IN',
  Kannada: 'kn-IN',
  Malayalam: 'ml-IN',
  Sinhala: 'si-LK',
  Thai: 'th-TH',
  Lao: 'lo-LA',
  Khmer: 'km-KH',
  Myanmar: 'my-MM',
  Syriac: 'syr-SY',
  Thaana: 'dv-MV',
  Tibetan: 'bo-CN',
  Greek: 'el-GR',
};

export type Slot = 'latin' | 'ea' | 'cs';

export interface ScriptPiece {
  text: string;
  /** The pptxgenjs `fontFace`: a marker the package step resolves (resolveRunFonts). */
  fontFace: string;
  /** Index of the face in the stack (text/runs.ts). */
  face: number;
}

/** The scripts of `text` (neutral characters left out), in order of appearance. */
function scriptsOf(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    const script = scriptOf(char);
    if (script !== '' && !out.includes(script)) out.push(script);
  }
  return out;
}

export function slotOf(scripts: readonly string[]): Slot {
  if (scripts.some((s) => EAST_ASIAN.has(s))) return 'ea';
  if (scripts.some((s) => COMPLEX.has(s))) return 'cs';
  return 'latin';
}

/**
 * The run's language: the deck's own where it is written in that script (a Japanese deck's
 * Han), else by script; Latin and unknown scripts keep the deck's default.
 */
export function langOf(scripts: readonly string[], deckLanguage: string): string | undefined {
  const primary = deckLanguage.toLowerCase().split('-')[0] ?? '';
  if (scripts.includes('Hiragana') || scripts.includes('Katakana')) return 'ja-JP';
  if (scripts.includes('Han')) {
    if (primary === 'ja') return 'ja-JP';
    if (primary === 'ko') return 'ko-KR';
    if (/^zh-(hant|tw|hk|mo)\b/i.test(deckLanguage)) return 'zh-TW';
    return 'zh-CN';
  }
  for (const script of scripts) {
    const lang = SCRIPT_LANG[script];
    if (lang) return lang;
  }
  return undefined;
}

const encode = (value: string) => encodeURIComponent(value);

/** `text` as pieces of one face and one slot each, in logical order (PowerPoint does the bidi). */
export function scriptPieces(text: string, stack: FontStack): ScriptPiece[] {
  const primary = stack.families[0] ?? '';
  const pieces: ScriptPiece[] = [];
  for (const run of stack.runs(text)) {
    const scripts = scriptsOf(run.text);
    const last = pieces[pieces.length - 1];
    // Digits and punctuation split off only by their bidi level stay with the run before them.
    if (last && scripts.length === 0 && last.face === run.face) {
      last.text += run.text;
      continue;
    }
    const family = stack.families[run.face] ?? primary;
    const slot = slotOf(scripts);
    const faces = { latin: primary, ea: primary, cs: primary, [slot]: family };
    const fontFace = `${MARKER}${encode(scripts.join(','))};${encode(faces.latin)};${encode(faces.ea)};${encode(faces.cs)}`;
    // Level changes inside one face need no new run in the deck: PowerPoint orders the text.
    if (last && last.fontFace === fontFace) last.text += run.text;
    else pieces.push({ text: run.text, fontFace, face: run.face });
  }
  return pieces;
}

const PROPS = /<a:(rPr|endParaRPr|defRPr)\b([^>]*)>([\s\S]*?)<\/a:\1>/g;
const MARKED = /typeface="briefkit-run;([^";]*);([^";]*);([^";]*);([^";]*)"/;
const SLOT_ELEMENTS = /<a:(latin|ea|cs) typeface="briefkit-run;[^"]*"[^>]*\/>/g;

const attr = (value: string) => escapeXml(value);

/** Marked run properties → the three typeface slots and the run's `lang` (see scriptPieces). */
export function resolveRunFonts(xml: string, deckLanguage: string): string {
  if (!xml.includes(MARKER)) return xml;
  return xml.replace(PROPS, (all, tag: string, attrs: string, inner: string) => {
    const marked = MARKED.exec(inner);
    if (!marked) return all;
    const [, scriptList = '', latin = '', ea = '', cs = ''] = marked.map((part) => decodeURIComponent(part));
    const faces: Record<string, string> = { latin, ea, cs };
    const body = inner.replace(
      SLOT_ELEMENTS,
      (_element, slot: string) => `<a:${slot} typeface="${attr(faces[slot] ?? latin)}"/>`,
    );
    const lang = langOf(scriptList === '' ? [] : scriptList.split(','), deckLanguage);
    const fixedAttrs = lang ? attrs.replace(/ lang="[^"]*"/, ` lang="${lang}"`) : attrs;
    return `<a:${tag}${fixedAttrs}>${body}</a:${tag}>`;
  });
}

const CHART_TEXT = /<(?:c:v|a:t)>([^<]*)<\/(?:c:v|a:t)>/g;
const CHART_FONTS = /<a:latin typeface="([^"]*)"\s*\/>(?:\s*<a:ea\s[^>]*\/>)?(?:\s*<a:cs\s[^>]*\/>)?/g;

const decodeXml = decodeEntities;

/**
 * A native chart's text properties name one face per slot for a whole axis or legend (pptxgenjs
 * writes only `a:latin`), so per-label runs are not possible: each slot gets the first face its
 * chart's text uses in that slot. A chart with two complex scripts (Arabic and Devanagari
 * labels) names the first; the viewer's font fallback draws the other.
 */
export function chartFonts(xml: string, stack: FontStack): string {
  const faces: Partial<Record<Slot, string>> = {};
  for (const match of xml.matchAll(CHART_TEXT)) {
    for (const run of stack.runs(decodeXml(match[1] ?? ''))) {
      const slot = slotOf(scriptsOf(run.text));
      if (slot !== 'latin') faces[slot] ??= stack.families[run.face] ?? stack.families[0];
    }
  }
  if (!faces.ea && !faces.cs) return xml;
  return xml.replace(
    CHART_FONTS,
    (_all, latin: string) =>
      `<a:latin typeface="${latin}"/><a:ea typeface="${attr(faces.ea ?? latin)}"/><a:cs typeface="${attr(faces.cs ?? latin)}"/>`,
  );
}

const BULLETED_PPR = /<a:pPr\b[^>]*>(?:(?!<\/a:pPr>)[\s\S])*?<a:buChar\b[\s\S]*?<\/a:pPr>/g;

/**
 * A bullet with no `a:buFont` is drawn in whatever face the viewer picks: PowerPoint takes the
 * first run's, LibreOffice a substitute for the master's (pptxgenjs names Arial there), which is
 * neither embedded nor measured. Each bullet names the deck's primary face, which is embedded.
 */
export function bulletFonts(xml: string, primary: string): string {
  if (!xml.includes('<a:buChar')) return xml;
  return xml.replace(BULLETED_PPR, (ppr: string) =>
    /<a:buFont(Tx)?\b/.test(ppr)
      ? ppr
      : ppr.replace('<a:buChar', `<a:buFont typeface="${attr(primary)}"/><a:buChar`),
  );
}
