/**
 * What one render keeps while Handlebars runs: diagnostics, the citation order, the chart
 * catalogue, which template file is being rendered (for positions in partials) and the
 * printed texts the Markdown stage must not read as Markdown.
 * A fresh state per render keeps rendering pure: nothing leaks from one document to the next.
 */
import type { Source } from '../dataset/schema.js';
import { type Diagnostic, type DiagnosticCode, didYouMean, error } from '../diagnostics.js';
import type { WordingContext } from './figure-wording.js';
import { LiteralTable } from './literal.js';
import type { ChartEntry } from './template-data.js';

export interface HelperLocation {
  start: { line: number; column: number };
}

export class RenderState {
  readonly diagnostics: Diagnostic[] = [];
  /** What the templates printed, kept out of the Markdown text (literal.ts). */
  readonly literals = new LiteralTable();
  /** Source ids in the order they were first cited; a citation's number is its index + 1. */
  readonly cited: string[] = [];
  /**
   * The sentences cited from each source, as quoted (quotedCitation: quote, locator, translation),
   * in first-cited order: the sources list gives them, so every figure's note has its quote.
   */
  readonly quoted = new Map<string, string[]>();
  readonly sources: Map<string, Source>;
  /** Keys of the figures whose other statements the document has given in full (helpers-alternatives.ts). */
  private readonly stated = new Set<string>();
  readonly charts: Map<string, ChartEntry>;
  /** Names of the templates being rendered, innermost last. */
  readonly fileStack: string[];

  /** The as-of date and fiscal year that decide a figure's tense (src/document/figure-wording.ts). */
  readonly wording: WordingContext;

  constructor(
    sources: readonly Source[],
    charts: readonly ChartEntry[],
    mainFile: string,
    wording: WordingContext,
  ) {
    this.wording = wording;
    this.sources = new Map(sources.map((s) => [s.id, s]));
    this.charts = new Map(charts.map((c) => [c.id, c]));
    this.fileStack = [mainFile];
  }

  get currentFile(): string {
    return this.fileStack.at(-1) ?? '';
  }

  report(code: DiagnosticCode, message: string, loc: HelperLocation | undefined, hint?: string): void {
    this.diagnostics.push(
      error(code, message, {
        file: this.currentFile,
        ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}),
        ...(hint ? { hint } : {}),
      }),
    );
  }

  /** The citation number of a source, registering it on first use; undefined if unknown. */
  cite(id: string): number | undefined {
    if (!this.sources.has(id)) return undefined;
    const index = this.cited.indexOf(id);
    if (index >= 0) return index + 1;
    this.cited.push(id);
    return this.cited.length;
  }

  /** True the first time a figure's other statements are given: later mentions are short. */
  firstStatement(key: string): boolean {
    if (this.stated.has(key)) return false;
    this.stated.add(key);
    return true;
  }

  /** Keeps a quoted sentence of a source for the sources list, once; its index in that list. */
  quote(id: string, quoted: string): number {
    const known = this.quoted.get(id) ?? [];
    if (!known.includes(quoted)) this.quoted.set(id, [...known, quoted]);
    return (this.quoted.get(id) ?? []).indexOf(quoted);
  }

  unknownSourceHint(id: string): string {
    const guess = didYouMean(id, this.sources.keys());
    return guess ? `did you mean "${guess}"?` : `cite one of: ${[...this.sources.keys()].join(', ')}`;
  }

  unknownChartHint(id: string): string {
    const guess = didYouMean(id, this.charts.keys());
    return guess ? `did you mean "${guess}"?` : `use one of: ${[...this.charts.keys()].join(', ')}`;
  }
}
