/** Source entries as text: the sources slide, the footer's short form and the notes. */
import type { SourceEntry } from '../../document/model.js';
import { sourceWho, sourceYear } from '../../document/source-names.js';
import { oneLine } from './sanitize.js';
import type { Para } from './styled-runs.js';

/** "Author, Title. Publisher, date. URL" */
export function sourceLine(source: SourceEntry): string {
  const who = [source.author, source.title].filter(Boolean).join(', ');
  const where = [source.publisher, source.date].filter(Boolean).join(', ');
  return oneLine([who, where, source.url].filter(Boolean).join('. '));
}

/**
 * "Park 2025": the author's (or publisher's, or title's) first words and the year. A name's
 * bracketed aside ("Cabinet Office of Japan (内閣府)") is left to the notes: in one short line
 * it only adds width, and viewers space mixed scripts around the brackets ("( 内閣府 )").
 */
export function sourceShort(source: SourceEntry): string {
  const who = sourceWho(source);
  const name = (oneLine(who).split(/[,;]/)[0] ?? '').replace(/\s*\([^)]*\)/gu, '').trim() || oneLine(who);
  const short = name.length > 40 ? `${name.slice(0, 39)}…` : name;
  const year = sourceYear(source);
  return year ? `${short} ${year}` : short;
}

/** "Park, The Development of Emerging Technologies…, 2025": who, what, the year; no URL (the notes have it). */
export function sourceCondensed(source: SourceEntry): string {
  const who = source.author ?? source.publisher;
  const name = who ? (oneLine(who).split(/[,;(]/)[0] ?? '').trim() : '';
  const year = sourceYear(source);
  return oneLine([name, source.title, year].filter(Boolean).join(', '));
}

/** The sources slide's full entries: who, title, outlet, date and address, numbered as cited. */
export function fullSourceParas(sources: readonly SourceEntry[]): Para[] {
  return sources.map((s) => ({ kind: 'number' as const, number: s.number, runs: [{ text: sourceLine(s) }] }));
}

/** The sources slide's condensed entries: numbered as cited, one short line each. */
export function condensedSourceParas(sources: readonly SourceEntry[]): Para[] {
  return sources.map((s) => ({
    kind: 'number' as const,
    number: s.number,
    runs: [{ text: sourceCondensed(s) }],
  }));
}
