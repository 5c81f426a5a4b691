/**
 * What a content slide says about its evidence: the footer (as-of date and the sources
 * behind the slide's figures, shortened to fit) and the speaker notes (in full).
 */
import type { DocumentMeta, SourceEntry } from '../../document/model.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import { TYPE, WIDTH_SLACK } from './geometry.js';
import { oneLine, xmlSafe } from './sanitize.js';
import type { Planned } from './slide-plan.js';
import { quotedSentences, slideQuotes } from './slide-quotes.js';
import { sourceLine, sourceShort } from './sources.js';

/** Sources behind a slide: its citations and the records its figures' data came from. */
export function slideSources(planned: Planned, sources: readonly SourceEntry[]): SourceEntry[] {
  const numbers = new Set(planned.citations);
  for (const block of [...planned.slide.blocks, ...(planned.slide.right ?? [])]) {
    if (block.type !== 'figure') continue;
    for (const sourceId of block.sources) {
      const entry = sources.find((s) => s.id === sourceId);
      if (entry) numbers.add(entry.number);
    }
  }
  return sources.filter((s) => numbers.has(s.number));
}

/** "As of 15 July 2025 · Source: [1] Park 2025; [2] …", cut to the width with "+n more (notes)". */
export function footerText(
  meta: DocumentMeta,
  used: readonly SourceEntry[],
  widthPt: number,
  m: TextMeasurer,
): string {
  const asOf = `As of ${oneLine(meta.asOfLabel)}`;
  const fits = (text: string) => m.width(text, TYPE.footer) <= widthPt * WIDTH_SLACK;
  if (used.length === 0) return asOf;
  const label = used.length === 1 ? 'Source' : 'Sources';
  for (let shown = used.length; shown >= 1; shown--) {
    const parts = used.slice(0, shown).map((s) => `[${s.number}] ${sourceShort(s)}`);
    const more = shown < used.length ? `; +${used.length - shown} more in the notes` : '';
    const text = `${asOf} · ${label}: ${parts.join('; ')}${more}`;
    if (fits(text)) return text;
  }
  return `${asOf} · ${label}: see the notes`;
}

/** Where a template's own "Sources:" label starts in its notes, or -1. */
const SOURCES_LABEL = /(^|\s)Sources?:/;

/**
 * The speaker notes: the template's talking points, then the slide's sources, once, under one
 * "Sources:" label. A template that writes its own "Sources: …" keeps it (set on its own
 * paragraph) and gets no second list. A continuation slide points to the slide holding the
 * talking points (`firstSlide`, 1-based) instead of repeating them: repeated, notes grow with
 * the square of the data (a KPI slide of 5,000 figures continues over 625 slides, each with
 * all 5,000 labels in its notes). Its own sources are still listed.
 * Under each source, the sentences the slide quotes from it (slide-quotes.ts), once each: the
 * first part of a slide gives them, its continuations point back to it.
 */
export function notesText(planned: Planned, used: readonly SourceEntry[], firstSlide?: number): string {
  const own = xmlSafe(planned.slide.notes).trim();
  const at = own.search(SOURCES_LABEL);
  const points = (at < 0 ? own : own.slice(0, at)).trim();
  const written = at < 0 ? '' : own.slice(at).trim();
  const lead = !planned.continued
    ? points
    : points && firstSlide !== undefined
      ? `(continued from slide ${firstSlide}: the talking points are there)`
      : points && `(continued) ${points}`;
  if (written && !planned.continued) return [lead, written].filter(Boolean).join('\n\n');
  if (used.length === 0) return lead;
  const quotes = planned.continued ? new Map<number, number[]>() : slideQuotes(planned.slide);
  const list = used
    .map((s) =>
      [`[${s.number}] ${sourceLine(s)}`, ...quotedSentences(s, quotes).map((q) => `  ${xmlSafe(q)}`)].join(
        '\n',
      ),
    )
    .join('\n');
  return [lead, `Sources:\n${list}`].filter(Boolean).join('\n\n');
}
