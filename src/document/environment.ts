/**
 * The Handlebars environment: a private `Handlebars.create()` per template set (shared by the
 * renders of one build through CompiledTemplates, each render with its own state), compiled with
 * `strict`, `knownHelpersOnly` and `noEscape`, prototype access left at its safe default,
 * `log` and `lookup` disabled. Every failure becomes a Diagnostic at `template:line:column`.
 * Strict paths are read by `readPath` (lookups.ts), what mustaches print goes through the
 * literal table (literal.ts), and partial cycles are refused before anything runs.
 * Pure: takes template texts, returns Markdown (with a line map) and diagnostics.
 */
import Handlebars from 'handlebars';
import { type Diagnostic, didYouMean, error } from '../diagnostics.js';
import { type HbsNode, INLINE, prepareAst } from './ast.js';
import { knownFieldNames } from './fields.js';
import { HelperArgumentError, type HelperOptions } from './helper-args.js';
import { allHelpers, MARKDOWN_HELPERS } from './helpers.js';
import { LITERAL_HELPER, printed } from './literal.js';
import { PATH_HELPER, readPath, TemplatePathError, usePositionedPaths } from './lookups.js';
import { type PartialUse, partialCycles, type TemplateUses } from './partial-cycles.js';
import { type LineMap, stripMarkers } from './positions.js';
import type { RenderState } from './render-state.js';
import type { TemplateContext } from './template-data.js';

export interface TemplateSet {
  /** Name used in diagnostics, e.g. "templates/briefing.md.hbs". */
  mainName: string;
  main: string;
  /** Partial name (as used in `{{> name}}`) → its file name and text. */
  partials: ReadonlyMap<string, { file: string; text: string }>;
}

export interface RenderOutput {
  markdown?: LineMap;
  diagnostics: Diagnostic[];
}

type HbsEnv = ReturnType<typeof Handlebars.create>;
type CompiledTemplate = (context: unknown, options?: unknown) => string;

/** What one render hands the compiled templates: its state, its helpers, where a throw came from. */
interface RenderRun {
  state: RenderState;
  helpers: ReturnType<typeof allHelpers>;
  errorFile: WeakMap<object, string>;
}

/** A template set parsed, checked and compiled once: the renders that share it run it with their own state. */
interface CompiledSet {
  files: string[];
  diagnostics: Diagnostic[];
  template?: CompiledTemplate;
  helperNames: string[];
  /** The render under way: the environment's helpers and partials read it (renders are synchronous). */
  slot: { run?: RenderRun };
}

/**
 * Compiled template sets, by set: a build that renders one template for every sector parses and
 * compiles it once (parsing and compiling were most of a model's time). Made per build
 * (pipeline/models.ts), never module state; a render without one compiles afresh.
 */
export class CompiledTemplates {
  readonly #bySet = new WeakMap<TemplateSet, CompiledSet>();

  of(set: TemplateSet, helperNames: string[]): CompiledSet {
    let compiled = this.#bySet.get(set);
    if (!compiled) {
      compiled = compileSet(set, helperNames);
      this.#bySet.set(set, compiled);
    }
    return compiled;
  }
}

function compileSet(set: TemplateSet, helperList: string[]): CompiledSet {
  const env = Handlebars.create();
  usePositionedPaths(env);
  const slot: CompiledSet['slot'] = {};
  const current = (): RenderRun => {
    if (!slot.run) throw new Error('a template ran outside its render');
    return slot.run;
  };
  const diagnostics: Diagnostic[] = [];
  const knownHelpers: Record<string, boolean> = { log: false, lookup: false, [LITERAL_HELPER]: true };
  for (const name of helperList) knownHelpers[name] = true;
  env.registerHelper(LITERAL_HELPER, (value: unknown) => current().state.literals.add(printed(value)));
  env.registerHelper(PATH_HELPER, readPath);
  const options = { strict: true, knownHelpersOnly: true, noEscape: true, knownHelpers };
  const helperNames = new Set([...helperList, 'each', 'if', 'unless', 'with']);
  const fields = knownFieldNames();

  for (const name of helperList) {
    env.registerHelper(name, (...args: unknown[]) => {
      const helperOptions = args.pop() as HelperOptions;
      const { helpers, state } = current();
      const helper = helpers[name];
      if (!helper) throw new Error(`the helper ${name} is not registered`);
      try {
        return helper(args, helperOptions);
      } catch (cause) {
        if (!(cause instanceof HelperArgumentError)) throw cause;
        const message = cause.message.startsWith(name) ? cause.message : `${name}: ${cause.message}`;
        state.report(cause.code, message, helperOptions.loc, cause.hint);
        return '';
      }
    });
  }

  const files: string[] = [];
  const pending: string[] = [];
  const uses = new Map<string, PartialUse[]>();
  const prepare = (text: string, file: string): HbsNode | undefined => {
    const index = files.push(file) - 1;
    const ast = parseTemplate(env, text, file, diagnostics);
    if (!ast) return undefined;
    const walked = prepareAst(ast, {
      fileIndex: index,
      fileName: file,
      source: text,
      helperNames,
      fields,
      markdownHelpers: MARKDOWN_HELPERS,
    });
    diagnostics.push(...walked.diagnostics);
    uses.set(file, walked.partials);
    for (const use of walked.partials) {
      if (set.partials.has(use.name)) {
        pending.push(use.name);
        continue;
      }
      const guess = didYouMean(use.name, set.partials.keys());
      diagnostics.push(
        error('TEMPLATE_SYNTAX', `there is no partial "${use.name}"`, {
          file,
          line: use.line,
          column: use.column,
          hint: guess ? `did you mean "${guess}"?` : 'partials live in templates/partials/<name>.md.hbs',
        }),
      );
    }
    return ast;
  };

  const mainAst = prepare(set.main, set.mainName);
  // Only the partials this template reaches are compiled (and can fail).
  const done = new Set<string>();
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const partial = set.partials.get(name);
    if (done.has(name) || !partial) continue;
    done.add(name);
    const ast = prepare(partial.text, partial.file);
    if (!ast) continue;
    const compiled = env.compile(ast, options) as CompiledTemplate;
    const run = (partialContext: unknown, partialOptions: unknown): string => {
      const { state, errorFile } = current();
      state.fileStack.push(partial.file);
      try {
        return compiled(partialContext, partialOptions);
      } catch (cause) {
        if (typeof cause === 'object' && cause !== null && !errorFile.has(cause))
          errorFile.set(cause, partial.file);
        throw cause;
      } finally {
        state.fileStack.pop();
      }
    };
    env.registerPartial(name, run as unknown as Handlebars.Template);
    // Used mid-line (`- {{> program}}`), a partial's trailing newline would end the line early.
    const inline = (c: unknown, o: unknown) => run(c, o).replace(/\n(\uE000[^\uE001]*\uE001)*$/, '$1');
    env.registerPartial(`${name}${INLINE}`, inline as unknown as Handlebars.Template);
  }
  const reachable = new Map<string, TemplateUses>();
  for (const name of done) {
    const file = set.partials.get(name)?.file ?? '';
    reachable.set(name, { file, uses: uses.get(file) ?? [] });
  }
  diagnostics.push(...partialCycles({ file: set.mainName, uses: uses.get(set.mainName) ?? [] }, reachable));
  if (!mainAst || diagnostics.length > 0) return { files, diagnostics, helperNames: helperList, slot };
  // Compiled lazily by Handlebars on the first call, then reused.
  const template = env.compile(mainAst, options) as CompiledTemplate;
  return { files, diagnostics, template, helperNames: helperList, slot };
}

export function renderTemplate(
  set: TemplateSet,
  context: TemplateContext,
  state: RenderState,
  compiledTemplates: CompiledTemplates = new CompiledTemplates(),
): RenderOutput {
  const helpers = allHelpers(state);
  const compiled = compiledTemplates.of(set, Object.keys(helpers));
  if (!compiled.template || compiled.diagnostics.length > 0)
    return { diagnostics: [...compiled.diagnostics] };
  const errorFile = new WeakMap<object, string>();
  const outer = compiled.slot.run;
  compiled.slot.run = { state, helpers, errorFile };
  let rendered: string;
  try {
    rendered = compiled.template(context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (cause) {
    const file = (typeof cause === 'object' && cause !== null && errorFile.get(cause)) || set.mainName;
    return { diagnostics: [...state.diagnostics, exceptionDiagnostic(cause, file, compiled.helperNames)] };
  } finally {
    compiled.slot.run = outer;
  }
  if (state.diagnostics.length > 0) return { diagnostics: [...state.diagnostics] };
  return { markdown: stripMarkers(rendered, compiled.files), diagnostics: [] };
}

function parseTemplate(env: HbsEnv, text: string, file: string, sink: Diagnostic[]): HbsNode | undefined {
  try {
    return env.parse(text) as unknown as HbsNode;
  } catch (cause) {
    sink.push(exceptionDiagnostic(cause, file, []));
    return undefined;
  }
}

interface HbsException {
  message?: unknown;
  lineNumber?: unknown;
  column?: unknown;
}

/** Turns what Handlebars throws into a positioned diagnostic with a hint. */
export function exceptionDiagnostic(cause: unknown, file: string, helperNames: string[]): Diagnostic {
  if (cause instanceof TemplatePathError) {
    return error(cause.code, cause.message, {
      file,
      line: cause.line,
      column: cause.column,
      hint: cause.hint,
    });
  }
  const e = (typeof cause === 'object' && cause !== null ? cause : {}) as HbsException;
  const raw = typeof e.message === 'string' ? e.message : String(cause);
  const message = raw.replace(/ - \d+:\d+$/, '');
  const position =
    typeof e.lineNumber === 'number'
      ? { line: e.lineNumber, column: (typeof e.column === 'number' ? e.column : 0) + 1 }
      : lineFromParseError(raw);
  const where = { file, ...position };

  const missing = /^"(.+)" not defined in /.exec(message);
  if (missing) {
    return error('TEMPLATE_MISSING_FIELD', `the field "${missing[1]}" does not exist here`, {
      ...where,
      hint: 'check the spelling and where you are: inside {{#each}} fields are those of the item (use @root. for the top)',
    });
  }
  const helper = /unknown helper (\S+)/.exec(message);
  if (helper?.[1]) {
    const guess = didYouMean(helper[1], helperNames);
    return error('TEMPLATE_UNKNOWN_HELPER', `there is no helper "${helper[1]}"`, {
      ...where,
      hint: guess ? `did you mean "${guess}"?` : 'see docs/templates.md for the list of helpers',
    });
  }
  if (/Parse error|Lexical error|doesn't match|Invalid path|not supported/.test(message)) {
    return error('TEMPLATE_SYNTAX', parseMessage(message), {
      ...where,
      hint: 'check that every {{#block}} is closed by a matching {{/block}} and every {{ has its }}',
    });
  }
  if (cause instanceof RangeError) {
    return error(
      'TEMPLATE_SYNTAX',
      'the template recurses without end (does a partial include itself?)',
      where,
    );
  }
  if (cause instanceof TypeError) {
    return error('TEMPLATE_MISSING_FIELD', `a field path led to nothing (${firstLine(message)})`, {
      ...where,
      hint: 'a path like item.field.sub read through a field that is empty or missing',
    });
  }
  return error('TEMPLATE_SYNTAX', firstLine(message), where);
}

/** Jison's message is four lines (what, excerpt, caret, expected): keep what a reader needs. */
function parseMessage(message: string): string {
  const [what = message, excerpt, , expected] = message.split('\n');
  if (!excerpt || !expected) return what;
  const got = /got '([^']+)'/.exec(expected)?.[1];
  return `${what.replace(/:$/, '')} near "${excerpt.trim()}"${got ? ` (unexpected ${got})` : ''}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function lineFromParseError(message: string): { line?: number; column?: number } {
  const match = /on line (\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: 1 } : {};
}
