/**
 * Checked provenance: every citation's quote is found in its source's stored text, and every
 * figure in one of its quotes (figures.ts). Sources without a stored text are counted, never
 * skipped in silence: the summary names them as not verifiable.
 */
import { dirname, resolve } from 'node:path';
import { type Diagnostic, error, formatPath } from '../../diagnostics.js';
import type { YamlSource } from '../../input/yaml.js';
import type { ShapedDataset } from '../schema.js';
import { disagreements } from './disagree.js';
import { checkFigures, type MentionCache } from './figures.js';
import { mainScript, scriptOfLanguage } from './language.js';
import { describePlace, locatorHolds, parseLocator } from './locator.js';
import {
  closestPassage,
  findQuote,
  firstDifference,
  type IndexedSource,
  indexSource,
  placeOf,
} from './quotes.js';
import { readSourceText } from './source-text.js';
import { citedGroups, type Path } from './stated.js';

export interface ProvenanceSummary {
  sources: number;
  /** Ids of sources with no stored `file`: their quotes cannot be checked. */
  notVerifiable: string[];
  quotes: number;
  quotesFound: number;
  /** Quotes of sources without a stored text. */
  quotesUnchecked: number;
  figures: number;
  figuresMatched: number;
  figuresComputed: number;
  /** Records whose cited sources state their figure differently (warnings: SOURCES_DISAGREE). */
  sourcesDisagree: number;
}

export interface ProvenanceResult {
  diagnostics: Diagnostic[];
  summary: ProvenanceSummary;
  /** The stored source files read (absolute), so a build can hash them as inputs. */
  sourceFiles: string[];
}

/** The folder `file:` of a source is relative to. */
export function sourceFolderOf(data: ShapedDataset, datasetFile: string): string {
  return resolve(dirname(datasetFile), data.meta.sourceFolder ?? 'sources');
}

export async function checkProvenance(data: ShapedDataset, yaml: YamlSource): Promise<ProvenanceResult> {
  const diagnostics: Diagnostic[] = [];
  const at = (path: Path) => ({ file: yaml.file, ...yaml.locate(path), path: formatPath(path) });
  const folder = sourceFolderOf(data, yaml.file);
  const sourceFiles: string[] = [];
  const texts = new Map<string, IndexedSource>();
  await Promise.all(
    data.sources.map(async (source, i) => {
      if (!source.file) return;
      const absolute = resolve(folder, source.file);
      sourceFiles.push(absolute);
      const read = await readSourceText(absolute, source.file, at(['sources', i, 'file']));
      if (read.diagnostic) diagnostics.push(read.diagnostic);
      if (read.source) texts.set(source.id, indexSource(read.source.text, read.source.format === 'pdf'));
    }),
  );
  const withFile = new Set(data.sources.flatMap((s) => (s.file ? [s.id] : [])));
  const outputScript = scriptOfLanguage(data.meta.language);
  const summary: ProvenanceSummary = {
    sources: data.sources.length,
    notVerifiable: data.sources.flatMap((s) => (s.file ? [] : [s.id])),
    quotes: 0,
    quotesFound: 0,
    quotesUnchecked: 0,
    figures: 0,
    figuresMatched: 0,
    figuresComputed: 0,
    sourcesDisagree: 0,
  };
  // Records and the alternatives inside them: an alternative's quotes are checked like any other.
  const groups = citedGroups(data);
  for (const group of groups) {
    group.cite.forEach((citation, j) => {
      const path: Path = [...group.path, 'cite', j];
      summary.quotes += 1;
      const script = mainScript(citation.quote);
      if (!citation.translation && outputScript && script && script !== outputScript) {
        diagnostics.push(
          error('QUOTE_UNTRANSLATED', `this quote is not in the output's language (${data.meta.language})`, {
            ...at([...path, 'quote']),
            hint: 'add `translation:` with the quote in the output language; the quote itself stays as the source writes it',
          }),
        );
      }
      const text = texts.get(citation.source);
      if (!text) {
        // A source whose file could not be read is reported at its `file:` line already.
        if (!withFile.has(citation.source)) summary.quotesUnchecked += 1;
        return;
      }
      const found = findQuote(text, citation.quote);
      if (found.length === 0) {
        diagnostics.push(quoteNotFound(text, citation.quote, citation.source, at([...path, 'quote'])));
        return;
      }
      summary.quotesFound += 1;
      const locator = citation.locator ? parseLocator(citation.locator) : undefined;
      if (!locator) return;
      const places = found.map((offset) => placeOf(text.raw, offset));
      if (places.some((place) => locatorHolds(locator, place))) return;
      diagnostics.push(
        error(
          'QUOTE_LOCATOR',
          `the quote is at ${describePlace(locator, places[0] ?? { line: 1, page: 1, paragraph: 1 })} of its source, not ${citation.locator}`,
          {
            ...at([...path, 'locator']),
            hint: `write locator: ${describePlace(locator, places[0] ?? { line: 1, page: 1, paragraph: 1 })}, or check that the quote is the one meant`,
          },
        ),
      );
    });
  }
  // Quotes shared by several records are read for figures once.
  const mentions: MentionCache = new Map();
  const figures = checkFigures(data, at, groups, mentions);
  diagnostics.push(...figures.diagnostics);
  const disagreeing = disagreements(groups, at, mentions);
  diagnostics.push(...disagreeing);
  summary.sourcesDisagree = disagreeing.length;
  summary.figures = figures.checked + figures.computed;
  summary.figuresMatched = figures.matched;
  summary.figuresComputed = figures.computed;
  return { diagnostics, summary, sourceFiles: sourceFiles.sort() };
}

function quoteNotFound(
  text: IndexedSource,
  quote: string,
  source: string,
  where: Partial<Diagnostic>,
): Diagnostic {
  const closest = closestPassage(text, quote);
  return error('QUOTE_NOT_FOUND', `the quote is not in the stored text of source "${source}"`, {
    ...where,
    hint: closest
      ? `did you mean: "${closest.text}" (${text.paged ? `p. ${closest.page}` : `line ${closest.line}`} of the source)? ${differs(quote, closest.text)}Copy the quote from the source as it is written`
      : 'nothing in the source is like it: check the source id, or that the stored file is the right document',
  });
}

function differs(quote: string, passage: string): string {
  const difference = firstDifference(quote, passage);
  return difference ? `${difference[0]?.toUpperCase()}${difference.slice(1)}. ` : '';
}

/** "provenance: 168 of 170 quotes found in 32 sources, 25 figures matched (2 computed); not verifiable: a, b" */
export function provenanceLine(summary: ProvenanceSummary): string {
  const computed = summary.figuresComputed > 0 ? ` (${summary.figuresComputed} computed)` : '';
  const checked = summary.quotes - summary.quotesUnchecked;
  const head = `provenance: ${summary.quotesFound} of ${checked} quotes found in their sources, ${summary.figuresMatched} of ${summary.figures - summary.figuresComputed} figures found in their quotes${computed}`;
  const disagree =
    summary.sourcesDisagree > 0
      ? `; ${summary.sourcesDisagree} figure${summary.sourcesDisagree === 1 ? '' : 's'} whose sources disagree (see the warnings)`
      : '';
  if (summary.notVerifiable.length === 0) return `${head}${disagree}`;
  const names = summary.notVerifiable.join(', ');
  return `${head}; not verifiable (no stored file): ${summary.notVerifiable.length} source${summary.notVerifiable.length === 1 ? '' : 's'} (${names}), ${summary.quotesUnchecked} quote${summary.quotesUnchecked === 1 ? '' : 's'}${disagree}`;
}
