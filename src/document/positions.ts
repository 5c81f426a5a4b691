/**
 * Best-effort mapping of rendered Markdown lines back to template lines.
 *
 * Before compiling, every line start inside the template's literal text (Handlebars
 * ContentStatements, after whitespace control) gets an invisible marker
 * `U+E000 <file>:<line>:<column> U+E001` (private-use characters). Each time Handlebars emits that
 * literal text (once per `#each` iteration, inside partials too), the marker comes with it.
 * After rendering, `stripMarkers` removes the markers and records, for every rendered
 * line, the template position of the marker that starts it. A line without a marker of its
 * own (text produced wholly by a helper or data) inherits the position of the line above.
 */
import type { TemplatePosition } from './model.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+):(\d+):(\d+)\uE001/g;
/** A stray marker character coming from data must not survive into the output. */
const STRAY = /[\uE000\uE001]/g;

export interface SourcePoint {
  line: number;
  column: number;
}

/** Marker for template number `file` at a 1-based line and 0-based column. */
export function marker(file: number, line: number, column: number): string {
  return `${OPEN}${file}:${line}:${column}${CLOSE}`;
}

/**
 * Inserts markers into a content string `value` that was cut out of `original` (which starts
 * at `start`, 0-based column) by whitespace control: a marker before every character that
 * begins a template line, and one at the start of the value.
 */
export function markContent(
  file: number,
  value: string,
  original: string,
  start: SourcePoint,
  rightStripped = false,
): string {
  if (value === '') {
    // Whitespace control removed it all; still mark where the next template line starts.
    const lines = original.split('\n').length - 1;
    return original.endsWith('\n') ? marker(file, start.line + lines, 0) : '';
  }
  const offset = strippedPrefix(value, original, rightStripped);
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < offset; i++) {
    if (original[i] === '\n') {
      line++;
      column = 0;
    } else column++;
  }
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (i === 0 || column === 0) out += marker(file, line, column);
    out += ch;
    if (ch === '\n') {
      line++;
      column = 0;
    } else column++;
  }
  // A line that starts with a mustache has no literal text of its own: mark its start here.
  if (value.endsWith('\n')) out += marker(file, line, 0);
  return out;
}

/**
 * How many leading characters whitespace control removed (`rightStripped`): the rest of a
 * standalone line (`^[ \t]*\n?`) or, after `~`, all leading whitespace.
 */
function strippedPrefix(value: string, original: string, rightStripped: boolean): number {
  if (!rightStripped) return 0;
  const standalone = /^[ \t]*\r?\n?/.exec(original)?.[0].length ?? 0;
  const tilde = original.length - original.trimStart().length;
  for (const offset of [standalone, tilde]) if (original.startsWith(value, offset)) return offset;
  for (let offset = 0; offset <= tilde; offset++) if (original.startsWith(value, offset)) return offset;
  return 0;
}

export interface LineMap {
  /** Rendered text without markers. */
  text: string;
  /** `positions[i]` is the template position of rendered line i + 1. */
  positions: (TemplatePosition | undefined)[];
}

/** Removes the markers and maps each rendered line to the template position it came from. */
export function stripMarkers(rendered: string, files: readonly string[]): LineMap {
  const lines = rendered.split('\n');
  const positions: (TemplatePosition | undefined)[] = [];
  let previous: TemplatePosition | undefined;
  const text = lines.map((line) => {
    const found = lineMarker(line, files);
    const clean = line.replace(MARKER, '').replace(STRAY, '');
    const position = found ?? previous;
    positions.push(position);
    previous = position;
    return clean;
  });
  return { text: text.join('\n'), positions };
}

/**
 * The position of a rendered line: the last marker before its first visible character
 * (markers of lines that whitespace control removed come first), else its first marker.
 */
function lineMarker(line: string, files: readonly string[]): TemplatePosition | undefined {
  let chosen: RegExpExecArray | undefined;
  let first: RegExpExecArray | undefined;
  let lastEnd = 0;
  let leadingOnly = true;
  for (const match of line.matchAll(MARKER)) {
    const between = line.slice(lastEnd, match.index);
    if (between.trim() !== '') leadingOnly = false;
    first ??= match;
    if (leadingOnly) chosen = match;
    lastEnd = match.index + match[0].length;
  }
  const pick = chosen ?? first;
  if (!pick) return undefined;
  const template = files[Number(pick[1])];
  if (template === undefined) return undefined;
  const column = Number(pick[3]) + leadingColumn(line, pick);
  return { template, line: Number(pick[2]), column };
}

/** 1-based column of the first visible character after the marker, counted in the template line. */
function leadingColumn(line: string, match: RegExpExecArray): number {
  const rest = line.slice(match.index + match[0].length).replace(MARKER, '');
  return rest.length - rest.trimStart().length + 1;
}
