/**
 * Reproducible bytes: pptxgenjs stamps the clock into docProps/core.xml and each chart's
 * embedded workbook, zips with the current time, names chart parts after a module-global
 * counter and ignores `compression` for node buffers (STACK.md). This re-zips the package
 * with fflate: fixed dates, charts renumbered 1..n in order, workbooks normalised too.
 */
import { strFromU8, strToU8, unzipSync, type ZipOptions, zipSync } from 'fflate';
import type { DiagnosticSink } from '../../diagnostics.js';
import type { FontStack } from '../../theme/stack.js';
import { accessiblePackage } from './accessibility.js';
import { type ChartStyle, isPlain, styleChartXml } from './chart-style.js';
import { embedFonts } from './embed-fonts.js';
import { notesFonts } from './notes-runs.js';
import { bulletFonts, chartFonts, resolveRunFonts } from './script-runs.js';

/** Zip times are DOS local fields: build a Date whose local fields are `date`'s UTC ones, so TZ never matters. */
export function dosTime(date: Date): Date {
  const year = Math.min(2099, Math.max(1980, date.getUTCFullYear()));
  return new Date(
    year,
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/** W3CDTF without milliseconds, as Office writes it. */
export const w3cdtf = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const isText = (name: string) => /\.(xml|rels)$/i.test(name);
const STORED = /\.(png|jpe?g|gif|xlsx|zip)$/i;

function fixCoreDates(xml: string, iso: string): string {
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

/** Re-zips entries in a fixed order ([Content_Types].xml first) with one fixed time. */
export function zipFixed(files: Readonly<Record<string, Uint8Array>>, date: Date): Uint8Array {
  const mtime = dosTime(date);
  // Folder entries carry nothing an OOXML reader needs.
  const names = Object.keys(files)
    .filter((n) => !n.endsWith('/'))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const name of names) {
    const data = files[name] as Uint8Array;
    out[name] = [data, { level: STORED.test(name) ? 0 : 6, mtime }];
  }
  return zipSync(out);
}

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

/** An embedded workbook: its own core.xml dates and zip times. */
export function normaliseWorkbook(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(fixCoreDates(strFromU8(core), w3cdtf(date)));
  return zipFixed(files, date);
}

/** Old chart number → 1..n in ascending order: the same deck gets the same names in any process. */
export function chartRenumbering(names: readonly string[]): Map<string, string> {
  const numbers = names
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => Number(a) - Number(b));
  return new Map(numbers.map((old, i) => [old, String(i + 1)]));
}

function renameChartRefs(text: string, map: ReadonlyMap<string, string>): string {
  return text
    .replace(/\bchart(\d+)\.xml/g, (all, n: string) => (map.has(n) ? `chart${map.get(n)}.xml` : all))
    .replace(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g, (all, n: string) =>
      map.has(n) ? `Microsoft_Excel_Worksheet${map.get(n)}.xlsx` : all,
    );
}

export interface NormaliseOptions {
  date: Date;
  /** Per native chart in the order added (= chart part number after renumbering). */
  chartStyles?: readonly ChartStyle[];
  /** The deck's BCP 47 language: the `lang` of Han runs in a Japanese or Chinese deck (script-runs.ts). */
  language: string;
  /** The theme's font stack: the East Asian and complex-script faces of native charts' text. */
  stack?: FontStack;
  /** Reads a font file of the stack (BuildFonts.read): with a stack, the deck embeds its faces (embed-fonts.ts). */
  readFont?: (path: string) => Uint8Array;
  /** Receives FONT_NOT_EMBEDDED for a face whose licence forbids embedding. */
  diagnostics?: DiagnosticSink;
}

const PPR = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;

/**
 * pptxgenjs writes a `<a:pPr>` before every run, so a paragraph of several runs has several
 * (schema-invalid; LibreOffice applies the last, dropping the bullet). Keep the leading one.
 */
export function singleParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_all, inner: string) => {
    let seen = false;
    const fixed = inner.replace(PPR, (ppr: string, offset: number) => {
      if (!seen && offset === 0) {
        seen = true;
        return ppr;
      }
      return '';
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

function fixPart(
  name: string,
  xml: string,
  opts: NormaliseOptions,
  iso: string,
  chartNumber?: number,
): string {
  let out = xml;
  if (name === 'docProps/core.xml') out = fixCoreDates(out, iso);
  // pptxgenjs writes an empty <c:v/> for a missing value; leaving the point out is the OOXML way.
  // A missing value is a gap, as in the Vega-Lite chart, not a line drawn across it.
  if (name.startsWith('ppt/charts/')) {
    const style = chartNumber === undefined ? undefined : opts.chartStyles?.[chartNumber - 1];
    if (style && !isPlain(style)) out = styleChartXml(out, style);
    if (opts.stack) out = chartFonts(out, opts.stack);
    out = out
      .replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '')
      .replace('<c:dispBlanksAs val="span"/>', '<c:dispBlanksAs val="gap"/>');
  }
  // Notes are one plain run from pptxgenjs: split by line and script like slide text (notes-runs.ts).
  if (opts.stack && /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) out = notesFonts(out, opts.stack);
  if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\//.test(name))
    out = singleParagraphProperties(out);
  // Each run's latin/ea/cs typefaces and lang, from the marker the drawer gave pptxgenjs as fontFace.
  if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\//.test(name))
    out = resolveRunFonts(out, opts.language);
  if (opts.stack && /^ppt\/slides\//.test(name)) out = bulletFonts(out, opts.stack.families[0] ?? '');
  return out;
}

export function normaliseDeck(bytes: Uint8Array, opts: NormaliseOptions): Uint8Array {
  const files = unzipSync(bytes);
  const map = chartRenumbering(Object.keys(files));
  const iso = w3cdtf(opts.date);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) {
    const renamed = renameChartRefs(name, map);
    const chart = /^ppt\/charts\/chart(\d+)\.xml$/.exec(renamed)?.[1];
    const fixed = (text: string) =>
      fixPart(name, text, opts, iso, chart === undefined ? undefined : Number(chart));
    if (isText(name)) out[renamed] = strToU8(renameChartRefs(fixed(strFromU8(data)), map));
    else if (/\.xlsx$/i.test(name)) out[renamed] = normaliseWorkbook(data, opts.date);
    else out[renamed] = data;
  }
  if (opts.stack && opts.readFont) {
    embedFonts(out, {
      stack: opts.stack,
      read: opts.readFont,
      ...(opts.diagnostics ? { diagnostics: opts.diagnostics } : {}),
    });
  }
  // Tables' header flags and alt text, title placeholders, app.xml's fonts and titles (accessibility.ts).
  return zipFixed(accessiblePackage(out), opts.date);
}
