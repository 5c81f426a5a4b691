/**
 * Diagnostics are data (principle 5): every problem a user can cause is a
 * `Diagnostic` with a catalogue code, a position and, where one helps, a hint.
 * Stages receive a sink and push into it; only the CLI prints.
 */

export type Severity = 'error' | 'warning';

/** The catalogue: one entry per problem a user can cause. Codes never change meaning. */
export const CATALOGUE = {
  // Files
  FILE_NOT_FOUND: 'file not found',
  FILE_NOT_UTF8: 'file is not valid UTF-8 text',
  FILE_EMPTY: 'file is empty',
  // YAML
  YAML_SYNTAX: 'YAML syntax error',
  YAML_DUPLICATE_KEY: 'duplicate key',
  YAML_ALIAS_LIMIT: 'too many alias expansions',
  YAML_MULTI_DOCUMENT: 'more than one YAML document',
  YAML_TOO_DEEP: 'values nested too deeply',
  // Dataset shape
  DATA_TYPE: 'wrong type',
  DATA_REQUIRED: 'required field missing',
  DATA_UNKNOWN_KEY: 'unknown field',
  DATA_INVALID_VALUE: 'invalid value',
  DATA_TOO_SMALL: 'value too small',
  DATA_TOO_BIG: 'value too big',
  DATA_FORMAT: 'wrong format',
  // Dataset references and consistency
  REF_DUPLICATE_ID: 'duplicate id',
  REF_UNKNOWN: 'reference to an unknown id',
  DATA_YEAR_ORDER: 'target year before its baseline',
  DATA_DATE_ORDER: 'end date before start date',
  // Config / theme / templates / charts
  CONFIG_INVALID: 'invalid configuration',
  THEME_INVALID: 'invalid theme',
  TEMPLATE_SYNTAX: 'template syntax error',
  TEMPLATE_MISSING_FIELD: 'template uses a field the data does not have',
  TEMPLATE_UNKNOWN_HELPER: 'template uses an unknown helper',
  TEMPLATE_HELPER_ARGS: 'template helper called with wrong arguments',
  TEMPLATE_UNKNOWN_CHART: 'template places an unknown chart',
  TEMPLATE_UNKNOWN_SOURCE: 'template cites an unknown source',
  TEMPLATE_UNKNOWN_LAYOUT: 'slide declares an unknown layout',
  CHART_SPEC_INVALID: 'invalid chart spec',
  CHART_UNKNOWN_TABLE: 'chart spec names an unknown data table',
  CHART_EXTERNAL_DATA: 'chart spec loads external data',
  CHART_EXPRESSION: 'chart spec expression refused',
  // Rendering and build
  RENDER_OVERFLOW: 'content does not fit',
  RENDER_FAILED: 'renderer failed',
  BUILD_LOCKED: 'another build is running',
  BUILD_UNTRUSTED_MANIFEST: 'the previous manifest cannot be trusted',
  BUILD_OUT_LINK: 'a link inside out/ was not kept',
  CLI_USAGE: 'wrong command-line usage',
  INTERNAL: 'internal error',
  // Input files and YAML (issue 10)
  FILE_NOT_REGULAR: 'not a regular file (a pipe, device or socket)',
  FILE_TOO_LARGE: 'file over the size limit',
  YAML_TAG: 'YAML tag not allowed',
  TEMPLATE_PARTIAL_CYCLE: 'partial includes itself',
  TEXT_MISSING_GLYPH: 'character the theme fonts cannot show',
  // Appended (codes never change meaning)
  CHART_BUDGET: 'chart spec exceeds a size, row or time budget',
  CHART_LINK: 'chart spec links out of the chart',
  BUILD_AFTER_PUBLISH: 'the build is published, but a step after it failed',
  BUILD_RECOVERY: 'what a cut-off build left could not all be cleaned up',
  TEMPLATE_OUTSIDE_PROJECT: 'template or partial is a link leading outside the project',
  BUILD_WRITE_FAILED: 'a file of the build could not be written (a full disk, a quota, permissions)',
  MANIFEST_INVALID: 'not a partial manifest that can be merged',
  MANIFEST_UNSAFE_PATH: 'manifest names a path that leaves out/',
  MANIFEST_OUTPUT_MISMATCH: 'manifest entry does not match the file in out/',
  // Checked provenance (issue 15)
  QUOTE_NOT_FOUND: 'quote not found in its stored source',
  QUOTE_LOCATOR: 'quote not at the page or paragraph its locator names',
  QUOTE_UNTRANSLATED: 'quote in another language than the output has no translation',
  FIGURE_NOT_IN_QUOTE: 'figure not stated in any of its quotes',
  FIGURE_QUALIFIER: 'figure qualifier disagrees with its quote',
  SOURCE_NO_TEXT: 'stored source has no text to match quotes against',
  // Issue 13
  DATA_SAME_MONEY: 'two records state the same money but are not linked',
  // Fonts that travel with the deck (issue 12)
  FONT_NOT_EMBEDDED: 'font licence forbids embedding it in the deck',
  SOURCES_DISAGREE: 'sources cited for one figure state it differently',
  DATA_SAME_TEXT: 'two records carry the same description',
} as const;

export type DiagnosticCode = keyof typeof CATALOGUE;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Path inside the document, e.g. `programs[3].budget.amount`. */
  path?: string;
  hint?: string;
  /** The document (job id) being rendered when the problem arose, if any. */
  document?: string;
}

/** Codes that are briefkit's or the machine's fault, not the user's input (exit 3, not 1). */
const NOT_INPUT: ReadonlySet<DiagnosticCode> = new Set([
  'RENDER_FAILED',
  'INTERNAL',
  'BUILD_LOCKED',
  'BUILD_WRITE_FAILED',
]);

/** True when an error is the user's to fix in a dataset, template, theme, spec or config. */
export function isInputError(d: Diagnostic): boolean {
  return d.severity === 'error' && !NOT_INPUT.has(d.code);
}

/** Where stages report problems. Pure stages take one as an argument. */
export interface DiagnosticSink {
  report(diagnostic: Diagnostic): void;
}

export class DiagnosticList implements DiagnosticSink {
  readonly items: Diagnostic[] = [];
  report(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Thrown to stop a stage when the diagnostics already explain why; the CLI maps it to an exit code. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}

export function error(code: DiagnosticCode, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, ...where };
}

/** `data/x.yaml:12:7  programs[3].budget.amount: expected …  (hint: …)` */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const path = d.path ? `${d.path}: ` : '';
  const doc = d.document ? `(${d.document}) ` : '';
  const head = `${place ? `${place}  ` : ''}${d.severity} ${d.code}  ${doc}${path}${d.message}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

/** Renders a zod/JS path like ['programs', 3, 'budget'] as `programs[3].budget`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Levenshtein distance, for did-you-mean hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest candidate within a sensible edit distance, or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
