/**
 * Citations and charts. `{{cite …}}` writes a footnote reference `[^source-id]` that the
 * Markdown stage turns into a numbered citation; numbers follow the order of first citation.
 * `{{chart "id"}}` writes `![description](chart:id "title")` from the chart catalogue, its
 * texts as placeholders (literal.ts). These two write Markdown; every other helper's output is
 * printed as text, so none of them escapes anything.
 */
import type { Source } from '../dataset/schema.js';
import { formatDate } from '../dataset/wording.js';
import { asString, describe, fail, type HelperTable } from './helper-args.js';
import type { RenderState } from './render-state.js';

/** Source ids from what a template passes: ids, `cite` lists, records that carry `cite`, source records. */
export function sourceIds(args: unknown[]): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      if (Object.hasOwn(value, 'source') && typeof (value as { source: unknown }).source === 'string') {
        add((value as { source: string }).source);
      } else if (Object.hasOwn(value, 'cite')) visit((value as { cite: unknown }).cite);
      // A source record itself (from `sources`): cite it by its id.
      else if (Object.hasOwn(value, 'id') && Object.hasOwn(value, 'title'))
        visit((value as { id: unknown }).id);
      else fail(`cite needs a source id, a cite list or a record with cite, got ${describe(value)}`);
    } else fail(`cite needs a source id, got ${describe(value)}`);
  };
  args.forEach(visit);
  return ids;
}

/** "Jaemin Park (Konkuk University), The Development of … , 15 July 2025" in plain words. */
export function sourceLabel(source: Source): string {
  const who = source.author
    ? `${source.author}${source.affiliation ? ` (${source.affiliation})` : ''}, `
    : source.publisher
      ? `${source.publisher}, `
      : '';
  const when = source.date ? `, ${formatDate(source.date)}` : '';
  return `${who}${source.title}${when}`;
}

/**
 * One quoted sentence for a speaker note: “quote”, then where it is in the source and, for a
 * quote in another language, its translation: “…” (p. 12; in English: “…”).
 * Templates see a missing locator or translation as null.
 */
export function quotedCitation(citation: {
  quote: string;
  locator?: unknown;
  translation?: unknown;
}): string {
  const extra = [
    typeof citation.locator === 'string' ? citation.locator : '',
    typeof citation.translation === 'string' ? `in English: “${citation.translation}”` : '',
  ].filter(Boolean);
  return `“${oneLine(citation.quote)}”${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
}

/** Japanese and Chinese, written without spaces: a line break between their characters is layout. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * A quote kept with the source's line breaks (a YAML `|` block) as one line: a break is a
 * space, or nothing beside a Japanese or Chinese character, as the quote check reads it.
 */
function oneLine(quote: string): string {
  return quote.replace(/[^\S\n]*\n\s*/gu, (gap, at: number) => {
    const before = quote[at - 1] ?? '';
    const after = quote[at + gap.length] ?? '';
    return UNSPACED.test(before) || UNSPACED.test(after) ? '' : ' ';
  });
}

/** How often each source is cited in `data`: every `{source, quote}` entry of a `cite` list. */
export function citationCounts(data: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const source = (value as { source?: unknown }).source;
      if (typeof source === 'string' && Object.hasOwn(value, 'quote'))
        counts.set(source, (counts.get(source) ?? 0) + 1);
      // A resolved `basedOn` (analysis evidence) repeats records cited elsewhere: not new citations.
      else for (const [key, inner] of Object.entries(value)) if (key !== 'basedOn') visit(inner);
    }
  };
  visit(data);
  return counts;
}

/** The quoted sentences of the records (or `cite` lists) given, by source id, each once. */
function quotesBySource(args: unknown[]): Map<string, string[]> {
  const quotes = new Map<string, string[]>();
  for (const value of args.flat()) {
    // A record with `cite`, or a citation itself (a `cite` list given is flattened to them).
    const list =
      typeof value === 'object' && value !== null && Object.hasOwn(value, 'cite')
        ? (value as { cite: unknown }).cite
        : [value];
    for (const c of Array.isArray(list) ? list : []) {
      if (typeof c?.source !== 'string' || typeof c?.quote !== 'string') continue;
      const known = quotes.get(c.source) ?? [];
      const quoted = quotedCitation(c);
      if (!known.includes(quoted)) quotes.set(c.source, [...known, quoted]);
    }
  }
  return quotes;
}

export function registerSourceHelpers(state: RenderState): HelperTable {
  const resolve = (args: unknown[]): { id: string; number: number }[] => {
    const ids = sourceIds(args);
    if (ids.length === 0) fail('cite needs at least one source');
    return ids.map((id) => {
      const number = state.cite(id);
      if (number === undefined) {
        fail(`"${id}" is not the id of any source`, 'TEMPLATE_UNKNOWN_SOURCE', state.unknownSourceHint(id));
      }
      return { id, number };
    });
  };
  const chartEntry = (value: unknown) => {
    const id = asString(value, 'chart id');
    const entry = state.charts.get(id);
    if (!entry) fail(`there is no chart "${id}"`, 'TEMPLATE_UNKNOWN_CHART', state.unknownChartHint(id));
    return entry;
  };
  return {
    /**
     * Sources, most-cited first (ties keep the dataset's order), counting citations in the
     * data given: `{{#each (take (byCitations sources @root) 2)}}` for "chiefly X and Y".
     */
    byCitations([list, data]) {
      if (!Array.isArray(list)) return fail(`byCitations needs a list of sources, got ${describe(list)}`);
      const counts = citationCounts(data);
      const count = (row: unknown) => counts.get(String((row as { id?: unknown } | null)?.id ?? '')) ?? 0;
      return [...list].sort((a, b) => count(b) - count(a));
    },
    /**
     * `[^id]` for each source; with the record's quoted sentences `[^id:0,2]`: their indices in
     * the source's quotes list (SourceEntry.quotes), so a slide's notes can give its own quotes.
     */
    cite(args) {
      const cited = resolve(args);
      const indices = new Map<string, number[]>();
      for (const [id, quotes] of quotesBySource(args))
        indices.set(
          id,
          quotes.map((q) => state.quote(id, q)),
        );
      // One claim's markers read in number order ("1,2,4", never "4,2,1"), as a reader looks them up.
      return [...cited]
        .sort((a, b) => a.number - b.number)
        .map(({ id }) => {
          const quoted = indices.get(id) ?? [];
          return quoted.length > 0 ? `[^${id}:${quoted.join(',')}]` : `[^${id}]`;
        })
        .join('');
    },
    /** Speaker-note text naming the sources behind records, quoting each sentence once (`quotes=false`: names only). */
    sourceNote(args, { hash }) {
      const quotes = quotesBySource(args);
      const lines = resolve(args).map(({ id, number }) => {
        const source = state.sources.get(id);
        const quoted = hash.quotes === false ? '' : (quotes.get(id) ?? []).map((q) => ` ${q}`).join('');
        return `[${number}] ${source ? sourceLabel(source) : id}.${quoted}`;
      });
      return lines.join(' ');
    },
    /** The sources cited so far, in number order; call it at the end of a document. */
    citedSources() {
      return state.cited.map((id, index) => {
        const source = state.sources.get(id);
        return {
          number: index + 1,
          id,
          label: source ? sourceLabel(source) : id,
          url: source?.url ?? null,
        };
      });
    },
    /** `caption=` replaces the catalogue title as the figure's caption: say what the figure covers. */
    chart([id], { hash }) {
      const entry = chartEntry(id);
      const text = (value: string) => state.literals.add(value);
      const caption = hash.caption === undefined ? entry.title : asString(hash.caption, 'caption=');
      return `![${text(entry.description)}](${text(`chart:${entry.id}`)} "${text(caption)}")`;
    },
    chartTitle([id]) {
      return chartEntry(id).title;
    },
    /** False when the dataset gives the chart nothing to draw: `{{#if (chartHasData "id")}}`. */
    chartHasData([id]) {
      const rows = chartEntry(id).rows;
      return rows === undefined || rows > 0;
    },
  };
}
