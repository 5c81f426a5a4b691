/**
 * The quoted sentences a slide stands on: those its citations point to (a citation carries the
 * indices of its sentences in the source entry's `quotes`, document/model.ts), in the blocks of
 * both columns, the KPI cards and the notes' own citations. The speaker notes give them under
 * each source, so a presenter (and the provenance check) can verify every figure on the slide.
 */
import type { CitedQuotes, Slide, SourceEntry } from '../../document/model.js';
import { eachCitation } from './styled-runs.js';

function add(out: Map<number, number[]>, number: number, quotes: readonly number[]): void {
  const known = out.get(number) ?? [];
  for (const q of quotes) if (!known.includes(q)) known.push(q);
  out.set(number, known);
}

/** Quote indices by source number, in the order the slide cites them. */
export function slideQuotes(slide: Slide): Map<number, number[]> {
  const out = new Map<number, number[]>();
  eachCitation([...slide.blocks, ...(slide.right ?? [])], (n, quotes) => add(out, n, quotes));
  for (const q of slide.noteQuotes ?? ([] as CitedQuotes[])) add(out, q.number, q.quotes);
  return out;
}

/** The sentences of `source` the slide quotes, as the source entry holds them. */
export function quotedSentences(source: SourceEntry, quotes: ReadonlyMap<number, number[]>): string[] {
  return (quotes.get(source.number) ?? []).flatMap((i) => {
    const sentence = source.quotes?.[i];
    return sentence === undefined ? [] : [sentence];
  });
}
