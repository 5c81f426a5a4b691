/**
 * Characters the theme's fonts cannot show, found on the document models before anything is
 * rendered: an input problem (TEXT_MISSING_GLYPH, exit 1) at the place that holds the
 * character, not a renderer failure. A character that comes from the data is reported at the
 * dataset field holding it (`sectors[2].name`, at its line:column); one the template writes
 * itself, at the template line:column. Pure: file texts come in through callbacks, read only
 * when a character is missing.
 */
import type { Dataset } from '../dataset/schema.js';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import { parseYaml } from '../input/yaml.js';
import type { FontCoverage } from '../theme/stack-coverage.js';
import type { DocumentModel, TemplatePosition } from './model.js';
import { type ShownText, shownTexts } from './shown-text.js';

export interface GlyphCheck {
  models: Iterable<DocumentModel>;
  /** Text shown outside the models, each at the file that writes it (the charts' drawings). */
  texts?: Iterable<ShownText>;
  dataset: Dataset;
  coverage: FontCoverage;
  /** The dataset's file name as diagnostics show it. */
  datasetFile: string;
  /** The dataset file's text, for the positions of its fields. */
  datasetText(): string | undefined;
  /** A template's text by the name model positions use (`pos.template`). */
  templateText(name: string): string | undefined;
}

/** Occurrences kept per character: enough to tell where it comes from. */
const OCCURRENCES = 20;
/** Characters named in one message. */
const NAMED = 5;

export function missingGlyphDiagnostics(check: GlyphCheck): Diagnostic[] {
  const found = new Map<string, ShownText[]>();
  const templates = new Set<string>();
  for (const shown of allTexts(check)) {
    if (shown.pos) templates.add(shown.pos.template);
    for (const char of shown.text) {
      if (check.coverage.covers(char)) continue;
      const list = found.get(char) ?? [];
      if (list.length < OCCURRENCES) list.push(shown);
      found.set(char, list);
    }
  }
  if (found.size === 0) return [];
  const places = new Places(check, [...templates]);
  for (const [char, occurrences] of found) places.place(char, occurrences);
  return places.diagnostics(check.coverage.family);
}

function* allTexts(check: GlyphCheck): Iterable<ShownText> {
  for (const model of check.models) yield* shownTexts(model);
  yield* check.texts ?? [];
}

interface DataString {
  path: (string | number)[];
  value: string;
}

interface Place {
  where: Partial<Diagnostic>;
  fromData: boolean;
  chars: string[];
}

/** Finds and groups where each missing character is written. */
class Places {
  private readonly places = new Map<string, Place>();
  private strings?: DataString[];
  private located?: ((path: (string | number)[]) => { line: number; column: number }) | null;
  private readonly searchable = new Map<string, string | undefined>();

  constructor(
    private readonly check: GlyphCheck,
    private readonly templates: string[],
  ) {}

  place(char: string, occurrences: readonly ShownText[]): void {
    const candidates = this.dataStrings().filter((s) => s.value.includes(char));
    for (const occurrence of occurrences) {
      // The field whose text around the character is what the document shows.
      const shown = candidates.filter((s) => windows(s.value, char).some((w) => occurrence.text.includes(w)));
      if (shown.length > 0) {
        for (const s of shown) this.addData(s, char);
        continue;
      }
      const written = this.inTemplate(char, occurrence.pos);
      if (written) this.add(`${written.file}:${written.line}`, { ...written }, false, char);
      else if (candidates.length > 0) for (const s of candidates) this.addData(s, char);
      else {
        const pos = occurrence.pos;
        const where = pos ? { file: pos.template, line: pos.line, column: pos.column } : {};
        this.add(pos ? `${pos.template}:${pos.line}` : 'unplaced', where, false, char);
      }
    }
  }

  diagnostics(family: string): Diagnostic[] {
    const sorted = [...this.places.values()].sort(
      (a, b) =>
        Number(b.fromData) - Number(a.fromData) ||
        String(a.where.file).localeCompare(String(b.where.file), 'en') ||
        (a.where.line ?? 0) - (b.where.line ?? 0),
    );
    return sorted.map((p) => {
      const them = p.chars.length === 1 ? 'it' : 'them';
      const fix = p.fromData ? 'write the text with characters the fonts have' : 'change the template text';
      const hint = `${fix}, or give the theme fonts that have ${them} (fonts: in the theme file)`;
      const message = `${named(p.chars)}: the theme fonts (${family}) have no glyph for ${them}`;
      return error('TEXT_MISSING_GLYPH', message, { ...p.where, hint });
    });
  }

  private add(key: string, where: Partial<Diagnostic>, fromData: boolean, char: string): void {
    const place = this.places.get(key) ?? { where, fromData, chars: [] };
    if (!place.chars.includes(char)) place.chars.push(char);
    this.places.set(key, place);
  }

  private addData(s: DataString, char: string): void {
    const path = formatPath(s.path);
    const position = this.locate(s.path, char);
    this.add(`data:${path}`, { file: this.check.datasetFile, ...position, path }, true, char);
  }

  private dataStrings(): DataString[] {
    if (!this.strings) {
      const out: DataString[] = [];
      collectStrings(this.check.dataset, [], out);
      this.strings = out;
    }
    return this.strings;
  }

  /** Line and column of the character inside the field's value (else of the value). */
  private locate(path: (string | number)[], char: string): { line?: number; column?: number } {
    if (this.located === undefined) {
      const text = this.check.datasetText();
      const source = text === undefined ? undefined : parseYaml(text, this.check.datasetFile).source;
      const lines = text?.split('\n') ?? [];
      this.located = source
        ? (p) => {
            const at = source.locate(p);
            const index = (lines[at.line - 1] ?? '').indexOf(char, at.column - 1);
            return index >= 0 ? { line: at.line, column: index + 1 } : at;
          }
        : null;
    }
    return this.located ? this.located(path) : {};
  }

  /** Where a template writes the character: from the block's line on, then anywhere. */
  private inTemplate(
    char: string,
    pos: TemplatePosition | undefined,
  ): { file: string; line: number; column: number } | undefined {
    const names = pos ? [pos.template, ...this.templates.filter((t) => t !== pos.template)] : this.templates;
    for (const name of names) {
      const text = this.templateSearchText(name);
      if (text === undefined) continue;
      const from = pos && name === pos.template ? lineOffset(text, pos.line) : 0;
      let index = text.indexOf(char, from);
      if (index < 0) index = text.indexOf(char);
      if (index < 0) continue;
      const before = text.slice(0, index);
      const line = before.split('\n').length;
      return { file: name, line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
    }
    return undefined;
  }

  /** The template with its `{{! comments }}` blanked out (they print nothing), offsets kept. */
  private templateSearchText(name: string): string | undefined {
    if (!this.searchable.has(name)) {
      const text = this.check.templateText(name);
      const blanked = text?.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) =>
        c.replace(/[^\n]/g, ' '),
      );
      this.searchable.set(name, blanked);
    }
    return this.searchable.get(name);
  }
}

function collectStrings(value: unknown, path: (string | number)[], out: DataString[]): void {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collectStrings(item, [...path, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collectStrings(item, [...path, key], out);
  }
}

/** Short stretches of `value` around each `char`, as the document prints them (line breaks as spaces). */
function windows(value: string, char: string): string[] {
  const printed = value.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
  const out: string[] = [];
  for (let i = printed.indexOf(char); i >= 0 && out.length < 3; i = printed.indexOf(char, i + 1)) {
    out.push(printed.slice(Math.max(0, i - 6), i + char.length + 6).trim());
  }
  return out;
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line && offset >= 0; n++) offset = text.indexOf('\n', offset) + 1 || -1;
  return Math.max(0, offset);
}

function named(chars: readonly string[]): string {
  const list = chars
    .slice(0, NAMED)
    .map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
  const more = chars.length > NAMED ? ` and ${chars.length - NAMED} more` : '';
  return `${list.join(', ')}${more} cannot be shown`;
}
