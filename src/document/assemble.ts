/**
 * What the briefing and the deck share when turning items into a model: the conversion
 * context (figures numbered in order, citations numbered through the render state), meta,
 * sources, KPI callouts and heading ids.
 */
import type { Dataset } from '../dataset/schema.js';
import { formatDate } from '../dataset/wording.js';
import { type Diagnostic, type DiagnosticCode, error, type Severity } from '../diagnostics.js';
import type { ConvertContext, Item } from './markdown.js';
import { inlineText } from './markdown-inline.js';
import type {
  Block,
  CitedQuotes,
  DocumentMeta,
  Inline,
  KpiItem,
  SourceEntry,
  TemplatePosition,
} from './model.js';
import type { RenderState } from './render-state.js';

export interface Assembly extends ConvertContext {
  diagnostics: Diagnostic[];
  report(
    code: DiagnosticCode,
    message: string,
    pos: TemplatePosition | undefined,
    hint?: string,
    severity?: Severity,
  ): void;
}

export function assembly(state: RenderState): Assembly {
  const diagnostics: Diagnostic[] = [];
  let figures = 0;
  let current: TemplatePosition | undefined;
  const report: Assembly['report'] = (code, message, pos, hint, severity = 'error') => {
    const where = pos ? { file: pos.template, line: pos.line, column: pos.column } : {};
    diagnostics.push({ ...error(code, message, { ...where, ...(hint ? { hint } : {}) }), severity });
  };
  return {
    diagnostics,
    report,
    at(pos) {
      current = pos;
    },
    literal: (text) => state.literals.resolve(text),
    cite: (id) => state.cite(id),
    unknownSource(id) {
      report(
        'TEMPLATE_UNKNOWN_SOURCE',
        `"${id}" is not the id of any source`,
        current,
        state.unknownSourceHint(id),
      );
    },
    strayImage(href) {
      report(
        'TEMPLATE_UNKNOWN_CHART',
        `only charts can be placed, not "${href}"`,
        current,
        'write ![alt text](chart:<chart-id>) on a line of its own',
      );
    },
    chart(id, alt, title, pos) {
      const entry = state.charts.get(id);
      if (!entry) {
        report(
          'TEMPLATE_UNKNOWN_CHART',
          `there is no chart "${id}"`,
          pos ?? current,
          state.unknownChartHint(id),
        );
        return undefined;
      }
      // A chart with no data is not drawn (src/pipeline/chart-step.ts): nothing to place.
      if (entry.rows === 0) return undefined;
      figures += 1;
      const caption = title?.trim() || entry.title;
      const first: Block = {
        type: 'figure',
        chartId: id,
        number: figures,
        caption,
        alt: alt.trim() || entry.description,
        ...entry.figure,
        ...(pos ? { pos } : {}),
      };
      // A chart whose rows take more than a page goes on in further figures of the same number
      // (src/charts/page-fit.ts); the first carries the data table, the appendix prints it once.
      const parts = entry.continued ?? [];
      const count = parts.length + 1;
      const further = parts.map(
        (part, i): Block => ({
          type: 'figure',
          chartId: part.id,
          number: figures,
          caption: `${caption} (continued, ${i + 2}/${count})`,
          alt: alt.trim() || part.description,
          ...part.figure,
          continues: { part: i + 2, parts: count },
          ...(pos ? { pos } : {}),
        }),
      );
      return [first, ...further];
    },
  };
}

/** Directive overrides applied to the dataset's meta. */
export function documentMeta(dataset: Dataset, items: readonly Item[], a: Assembly): DocumentMeta {
  const meta = dataset.meta;
  const set = new Map<string, string>();
  for (const item of items) {
    const value = item.kind === 'directive' ? a.literal(item.value).trim() : '';
    if (item.kind === 'directive' && value) set.set(item.name, value);
  }
  const title = set.get('title') ?? meta.title;
  const subtitle = set.get('subtitle') ?? (set.has('title') ? undefined : meta.subtitle);
  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    shortTitle: set.get('shortTitle') ?? meta.shortTitle ?? title,
    author: meta.author,
    ...(meta.organisation ? { organisation: meta.organisation } : {}),
    ...(dataset.publication.publisher ? { publisher: dataset.publication.publisher.name } : {}),
    subject: subtitle ?? title,
    keywords: [...meta.keywords],
    language: meta.language,
    asOf: meta.asOf,
    asOfLabel: formatDate(meta.asOf) ?? meta.asOf,
  };
}

/** The cited sources in number order, from the dataset's own (unescaped) records. */
export function sourceEntries(dataset: Dataset, state: RenderState): SourceEntry[] {
  return state.cited.flatMap((id, index) => {
    const s = dataset.sources.find((source) => source.id === id);
    if (!s) return [];
    const date = s.date ? formatDate(s.date) : undefined;
    return [
      {
        number: index + 1,
        id,
        title: s.title,
        ...(s.author ? { author: s.author } : {}),
        ...(s.publisher ? { publisher: s.publisher } : {}),
        ...(date ? { date } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.note ? { note: s.note } : {}),
        ...(state.quoted.has(id) ? { quotes: state.quoted.get(id) } : {}),
      },
    ];
  });
}

/**
 * A list marked `<!-- kpi -->` as a KPI callout: each item is **figure** label *note*.
 * The first strong run is the figure, emphasis is the note, citations are collected.
 */
export function kpiBlock(list: Extract<Block, { type: 'list' }>, a: Assembly): Block {
  const items: KpiItem[] = list.items.map((runs) => {
    const strong = runs.find((r) => r.type === 'strong');
    const note = runs.filter((r) => r.type === 'emphasis');
    const citations = collectCitations(runs);
    const quotes = collectQuotes(runs);
    const rest = runs.filter((r) => r !== strong && r.type !== 'emphasis');
    if (!strong) {
      a.report(
        'TEMPLATE_SYNTAX',
        'a KPI item starts with its figure in bold',
        list.pos,
        'write - **1,000** what the figure counts',
        'warning',
      );
    }
    const label = inlineText(rest)
      .replace(/^[\s:–—-]+/, '')
      .trim();
    const noteText = inlineText(note).trim();
    return {
      value: strong ? inlineText([strong]).trim() : '',
      label,
      ...(noteText ? { note: noteText } : {}),
      citations,
      ...(quotes.length > 0 ? { quotes } : {}),
    };
  });
  return { type: 'kpi', items, ...(list.pos ? { pos: list.pos } : {}) };
}

/** Adds quote indices of source `number` to a list of cited quotes, each once. */
export function addQuotes(list: CitedQuotes[], number: number, quotes: readonly number[]): void {
  let entry = list.find((q) => q.number === number);
  if (!entry) {
    entry = { number, quotes: [] };
    list.push(entry);
  }
  for (const q of quotes) if (!entry.quotes.includes(q)) entry.quotes.push(q);
}

/** The quoted sentences the citations in runs stand for. */
export function collectQuotes(runs: readonly Inline[], out: CitedQuotes[] = []): CitedQuotes[] {
  for (const run of runs) {
    if (run.type === 'citation' && run.quotes) addQuotes(out, run.number, run.quotes);
    if (run.type === 'strong' || run.type === 'emphasis' || run.type === 'link')
      collectQuotes(run.children, out);
  }
  return out;
}

export function collectCitations(runs: readonly Inline[]): number[] {
  const out: number[] = [];
  const visit = (list: readonly Inline[]) => {
    for (const run of list) {
      if (run.type === 'citation' && !out.includes(run.number)) out.push(run.number);
      if (run.type === 'strong' || run.type === 'emphasis' || run.type === 'link') visit(run.children);
    }
  };
  visit(runs);
  return out;
}

/** Heading ids: lower-case words joined by hyphens, unique within the document. */
export function idMaker(): (text: string) => string {
  // Ids the renderers use for the sources list and the appendix.
  const used = new Map<string, number>([
    ['sources', 1],
    ['appendix', 1],
  ]);
  return (text: string) => {
    const base =
      text
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '') || 'section';
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/**
 * Speaker-note text: `[^id]` references written by the template become `[n]`, then the printed
 * texts are put back (a `[^id]` inside data is text, not a citation).
 */
export function noteText(
  text: string,
  a: Assembly,
  pos: TemplatePosition | undefined,
  quotes?: CitedQuotes[],
): string {
  // Notes are reflowed prose: the template's own runs of spaces (where one list's trailing space
  // meets the next sentence's) become one. Dataset text is still a placeholder here, untouched.
  const cited = text
    .replace(/ {2,}/g, ' ')
    .replace(
      /\[\^((?:[a-z0-9]+(?:-[a-z0-9]+)*)|\uE002\d+\uE003)(?::(\d+(?:,\d+)*))?\]/g,
      (_, raw: string, quoted?: string) => {
        const id = a.literal(raw);
        const number = a.cite(id);
        if (number === undefined) {
          a.at(pos);
          a.unknownSource(id);
          return '';
        }
        // The quoted sentences the citation stands for go to the caller (a slide's noteQuotes).
        if (quoted && quotes) addQuotes(quotes, number, quoted.split(',').map(Number));
        return `[${number}]`;
      },
    );
  return a.literal(cited);
}
