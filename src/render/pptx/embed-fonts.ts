/**
 * The deck's fonts travel with it, as PowerPoint embeds them: each face and style the slides,
 * notes and native charts draw text in becomes a `ppt/fonts/fontN.fntdata` part (an EOT file:
 * eot.ts), subset to the characters drawn in it (adapters/harfbuzz-subset.ts), listed in
 * `p:embeddedFontLst` of ppt/presentation.xml (`p:embeddedFont`: `p:font typeface`, then
 * `p:regular`/`p:bold`/`p:italic` relationship ids) with its relationship and content type.
 * A face whose OS/2 fsType forbids embedding is left out with a warning: the deck still names
 * it, and a viewer without it installed draws a substitute.
 */
import { strFromU8, strToU8 } from 'fflate';
import { FontSubsetter } from '../../adapters/harfbuzz-subset.js';
import type { DiagnosticSink } from '../../diagnostics.js';
import { scriptOf } from '../../text/runs.js';
import { decodeEntities, escapeXml } from '../../text/xml.js';
import type { FontStack, StackFace } from '../../theme/stack.js';
import { embeddingRefusal, forbidsSubsetting, fsTypeOf, panoseHex, toEot } from './eot.js';
import { type Slot, slotOf } from './script-runs.js';

export type FontStyle = 'regular' | 'bold' | 'italic';
/** Code points drawn per typeface, per style. */
export type DeckCharacters = Map<string, Map<FontStyle, Set<number>>>;

export interface EmbedFontsOptions {
  stack: FontStack;
  /** A font file's bytes (the build's BuildFonts.read). */
  read(path: string): Uint8Array;
  diagnostics?: DiagnosticSink;
}

const TEXT_PART = /^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/;
const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
const RUN = /<a:(r|fld)\b[^>]*>([\s\S]*?)<\/a:\1>/g;
const RUN_PROPS = /<a:rPr\b([^>]*?)(?:\/>|>([\s\S]*?)<\/a:rPr>)/;
const RUN_TEXT = /<a:t>([^<]*)<\/a:t>/g;
const SLOT_FACE = /<a:(latin|ea|cs)\b[^>]*?\btypeface="([^"]*)"/g;
const CHART_TEXT = /<(?:c:v|a:t)>([^<]*)<\/(?:c:v|a:t)>|formatCode="([^"]*)"|<c:formatCode>([^<]*)<\//g;
const RELATIONSHIP_FONT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/** A slot's typeface as the run names it; theme references (`+mn-lt`) and blanks are the primary face. */
function slotFaces(props: string, primary: string): Record<Slot, string> {
  const faces: Record<Slot, string> = { latin: primary, ea: primary, cs: primary };
  for (const [, slot, typeface = ''] of props.matchAll(SLOT_FACE)) {
    if (typeface !== '' && !typeface.startsWith('+')) faces[slot as Slot] = decodeEntities(typeface);
  }
  return faces;
}

function add(chars: DeckCharacters, typeface: string, style: FontStyle, code: number): void {
  const styles = chars.get(typeface) ?? new Map<FontStyle, Set<number>>();
  chars.set(typeface, styles);
  const codes = styles.get(style) ?? new Set<number>();
  styles.set(style, codes);
  codes.add(code);
}

/**
 * Each character goes to the face of its script's slot; a neutral one (space, digit,
 * punctuation), which a viewer draws in whichever slot its neighbours take, goes to all three.
 * It also goes to the face the stack draws it in (text/runs.ts), where the viewer finds it when
 * the slot's face lacks it: a native chart names one complex-script face for Arabic and
 * Devanagari labels alike (script-runs.ts chartFonts).
 */
function addText(
  chars: DeckCharacters,
  stack: FontStack,
  text: string,
  faces: Record<Slot, string>,
  styles: readonly FontStyle[],
): void {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const script = scriptOf(char);
    const targets = script === '' ? new Set(Object.values(faces)) : [faces[slotOf([script])]];
    for (const face of targets) for (const style of styles) add(chars, face, style, code);
  }
  for (const run of stack.runs(text)) {
    const family = stack.families[run.face];
    if (family === undefined) continue;
    for (const char of run.text)
      for (const style of styles) add(chars, family, style, char.codePointAt(0) ?? 0);
  }
}

function styleOf(attrs: string): FontStyle {
  if (/\bb="(1|true)"/.test(attrs)) return 'bold';
  if (/\bi="(1|true)"/.test(attrs)) return 'italic';
  return 'regular';
}

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const BULLET = /<a:buChar\b[^>]*\bchar="([^"]*)"/g;

/** A text part: each run's characters, and each paragraph's bullet in its first run's face. */
function addTextPart(chars: DeckCharacters, stack: FontStack, xml: string, primary: string): void {
  const all: Record<Slot, string> = { latin: primary, ea: primary, cs: primary };
  // List styles of masters and layouts name bullets outside any paragraph.
  for (const [, bullet = ''] of xml.matchAll(BULLET))
    addText(chars, stack, decodeEntities(bullet), all, ['regular']);
  for (const [, paragraph = ''] of xml.matchAll(PARAGRAPH)) {
    let first: { faces: Record<Slot, string>; style: FontStyle } | undefined;
    for (const [, , inner = ''] of paragraph.matchAll(RUN)) {
      const props = RUN_PROPS.exec(inner);
      const faces = slotFaces(props?.[2] ?? '', primary);
      const style = styleOf(props?.[1] ?? '');
      first ??= { faces, style };
      for (const [, text = ''] of inner.matchAll(RUN_TEXT))
        addText(chars, stack, decodeEntities(text), faces, [style]);
    }
    for (const [, bullet = ''] of paragraph.matchAll(BULLET)) {
      addText(chars, stack, decodeEntities(bullet), first?.faces ?? all, [first?.style ?? 'regular']);
    }
  }
}

/** The characters each typeface and style draws in the deck's slides, notes and native charts. */
export function deckCharacters(
  files: Readonly<Record<string, Uint8Array>>,
  stack: FontStack,
): DeckCharacters {
  const primary = stack.families[0] ?? '';
  const chars: DeckCharacters = new Map();
  for (const name of Object.keys(files).sort()) {
    const data = files[name] as Uint8Array;
    if (TEXT_PART.test(name)) addTextPart(chars, stack, strFromU8(data), primary);
    else if (CHART_PART.test(name)) {
      // A chart names one face per slot for all its text (script-runs.ts chartFonts).
      const xml = strFromU8(data);
      const faces = slotFaces(xml, primary);
      const styles: FontStyle[] = /\bb="1"/.test(xml) ? ['regular', 'bold'] : ['regular'];
      for (const [, text, attrFormat, elementFormat] of xml.matchAll(CHART_TEXT)) {
        addText(chars, stack, decodeEntities(text ?? attrFormat ?? elementFormat ?? ''), faces, styles);
      }
    }
  }
  // No italic file: italic text is drawn from the regular face (the viewer slants it, or not).
  for (const face of stack.faces) {
    const styles = chars.get(face.family);
    const italic = styles?.get('italic');
    if (!styles || !italic || face.italicPath) continue;
    const regular = styles.get('regular') ?? new Set<number>();
    for (const code of italic) regular.add(code);
    styles.set('regular', regular);
    styles.delete('italic');
  }
  return chars;
}

interface EmbeddedFace {
  family: string;
  panose?: string;
  parts: { style: FontStyle; part: string; relId: string }[];
}

function pathOf(face: StackFace, style: FontStyle): string {
  if (style === 'bold') return face.boldPath;
  if (style === 'italic') return face.italicPath ?? face.regularPath;
  return face.regularPath;
}

function refusalWarning(
  options: EmbedFontsOptions,
  face: StackFace,
  style: FontStyle,
  path: string,
  reason: string,
  fsType: number,
) {
  options.diagnostics?.report({
    code: 'FONT_NOT_EMBEDDED',
    severity: 'warning',
    file: path,
    message: `The deck names ${face.family} but does not embed its ${style} file: the file's licence bits forbid it (OS/2 fsType 0x${fsType.toString(16).padStart(4, '0')}, ${reason}). A viewer without the font installed sees a substitute.`,
    hint: 'Use a face whose fsType allows embedding (0 installable, 4 preview & print, 8 editable), or install the font where the deck is shown.',
  });
}

function nextRelId(rels: string): number {
  const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
  return Math.max(0, ...ids) + 1;
}

function fontList(faces: readonly EmbeddedFace[]): string {
  const entries = faces.map((face) => {
    const panose = face.panose ? ` panose="${face.panose}"` : '';
    const refs = face.parts.map((p) => `<p:${p.style} r:id="${p.relId}"/>`).join('');
    return `<p:embeddedFont><p:font typeface="${escapeXml(face.family)}"${panose}/>${refs}</p:embeddedFont>`;
  });
  return `<p:embeddedFontLst>${entries.join('')}</p:embeddedFontLst>`;
}

/** CT_Presentation's elements after embeddedFontLst: the list goes before the first of them. */
const AFTER_FONT_LIST =
  /<p:(custShowLst|photoAlbum|custDataLst|kinsoku|defaultTextStyle|modifyVerifier|extLst)\b|<\/p:presentation>/;

function withFontList(presentation: string, faces: readonly EmbeddedFace[]): string {
  const at = AFTER_FONT_LIST.exec(presentation)?.index ?? presentation.length;
  const marked = presentation.replace(
    /<p:presentation\b(?![^>]*embedTrueTypeFonts)/,
    '$& embedTrueTypeFonts="1"',
  );
  const shift = marked.length - presentation.length;
  return marked.slice(0, at + shift) + fontList(faces) + marked.slice(at + shift);
}

/** Adds the embedded font parts to the package's files (in place); returns the faces embedded. */
export function embedFonts(files: Record<string, Uint8Array>, options: EmbedFontsOptions): string[] {
  const { stack } = options;
  const chars = deckCharacters(files, stack);
  const relsName = 'ppt/_rels/presentation.xml.rels';
  const relsFile = files[relsName];
  const presentationFile = files['ppt/presentation.xml'];
  const typesFile = files['[Content_Types].xml'];
  if (!relsFile || !presentationFile || !typesFile) return [];
  let rels = strFromU8(relsFile);
  let relId = nextRelId(rels);
  let partNumber = 0;
  const subsetter = new FontSubsetter();
  const embedded: EmbeddedFace[] = [];
  const newRels: string[] = [];
  for (const face of stack.faces) {
    const styles = chars.get(face.family);
    if (!styles) continue;
    const entry: EmbeddedFace = { family: face.family, parts: [] };
    for (const style of ['regular', 'bold', 'italic'] as const) {
      const codes = styles.get(style);
      if (!codes || codes.size === 0) continue;
      const path = pathOf(face, style);
      const bytes = options.read(path);
      const fsType = fsTypeOf(bytes);
      const refusal = embeddingRefusal(fsType);
      if (refusal) {
        refusalWarning(options, face, style, path, refusal, fsType);
        continue;
      }
      const sorted = [...codes].sort((a, b) => a - b);
      const font = forbidsSubsetting(fsType) ? bytes : (subsetter.subset(bytes, sorted) ?? bytes);
      partNumber += 1;
      const part = `fonts/font${partNumber}.fntdata`;
      files[`ppt/${part}`] = toEot(font);
      const id = `rId${relId++}`;
      newRels.push(`<Relationship Id="${id}" Type="${RELATIONSHIP_FONT}" Target="${part}"/>`);
      entry.parts.push({ style, part, relId: id });
      entry.panose ??= panoseHex(bytes);
    }
    if (entry.parts.length > 0) embedded.push(entry);
  }
  if (embedded.length === 0) return [];
  rels = rels.replace('</Relationships>', `${newRels.join('')}</Relationships>`);
  files[relsName] = strToU8(rels);
  files['ppt/presentation.xml'] = strToU8(withFontList(strFromU8(presentationFile), embedded));
  const types = strFromU8(typesFile);
  if (!/Extension="fntdata"/.test(types)) {
    files['[Content_Types].xml'] = strToU8(
      types.replace(
        /<Types\b[^>]*>/,
        '$&<Default Extension="fntdata" ContentType="application/x-fontdata"/>',
      ),
    );
  }
  return embedded.map((face) => face.family);
}
