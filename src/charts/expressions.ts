/**
 * The expressions a chart spec writes in Vega's expression language (a `calculate`, a
 * `filter` or condition `test`, an `{"expr": …}`, a `labelExpr`…), found by key and parsed with
 * vega-expression, the parser vega itself runs them through. Checked before vega sees the
 * spec: an expression that does not parse, and any regular expression, is refused at its line.
 *
 * Regular expressions are refused outright. A pattern such as `/(a+)+$/` tested against one
 * long string backtracks for hours inside a single synchronous call: no budget check runs
 * and the process does not even see SIGTERM. A regex object can only come from a regex literal
 * or `regexp()`, and `test()` is the one other function that turns a string into one
 * (vega-interpreter's functions.js; `replace` and `split` with a string argument match it
 * literally). Refusing those three forms in every expression leaves vega no regex to run;
 * expression-guard.ts applies the same check to every expression vega itself hands to the
 * interpreter, so an expression in a place this walk does not know is refused too.
 */
import type { Node } from 'estree';
import { parseExpression } from 'vega-expression';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import type { YamlSource } from '../input/yaml.js';
import { isObject, type Json } from './spec-file.js';

type Path = (string | number)[];

/** One expression written in the spec, with its parse. */
export interface SpecExpression {
  path: Path;
  text: string;
  ast?: Node;
  parseError?: string;
}

/** Keys whose string value is one expression. */
const EXPRESSION_KEYS = new Set(['calculate', 'expr', 'labelExpr', 'signal']);
/** Keys whose value is a predicate: an expression, or `not`/`and`/`or` of predicates. */
const PREDICATE_KEYS = new Set(['filter', 'test']);
/** The expression functions that make or run a regular expression. */
export const REGEX_FUNCTIONS: ReadonlySet<string> = new Set(['regexp', 'test']);

/** The strings of a predicate: itself, or those of its `not`, `and` and `or` parts. */
function predicateStrings(node: Json, path: Path, out: { path: Path; text: string }[]): void {
  if (typeof node === 'string') out.push({ path, text: node });
  else if (Array.isArray(node))
    for (const [i, item] of node.entries()) predicateStrings(item, [...path, i], out);
  else if (isObject(node))
    for (const key of ['not', 'and', 'or'])
      if (key in node) predicateStrings(node[key] ?? null, [...path, key], out);
}

function parsed(path: Path, text: string): SpecExpression {
  try {
    return { path, text, ast: parseExpression(text) as Node };
  } catch (cause) {
    return { path, text, parseError: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Every expression the spec writes, outside `usermeta` (briefkit's own instructions). */
export function specExpressions(spec: Json): SpecExpression[] {
  const found: { path: Path; text: string }[] = [];
  const visit = (node: Json, path: Path) => {
    if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...path, i]);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'usermeta') continue;
      if (EXPRESSION_KEYS.has(key) && typeof value === 'string')
        found.push({ path: [...path, key], text: value });
      else if (PREDICATE_KEYS.has(key)) predicateStrings(value, [...path, key], found);
      visit(value, [...path, key]);
    }
  };
  visit(spec, []);
  return found.map(({ path, text }) => parsed(path, text));
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Children of an AST node (estree: every property that holds a node or a list of nodes). */
function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'value' || key === 'regex') continue;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of list) if (isNode(item)) out.push(item);
  }
  return out;
}

/** Every node of an AST, depth first. */
export function astNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    stack.push(...children(node).reverse());
  }
  return out;
}

/** A call's function name, as vega-interpreter resolves it (it drops a leading `_`). */
export function calleeName(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return undefined;
  return node.callee.name.replace(/^_/, '');
}

/** The regular expression an AST makes or runs, described for a message: `/…/`, `test()`… */
export function regexUse(root: Node): string | undefined {
  for (const node of astNodes(root)) {
    if (node.type === 'Literal' && 'regex' in node && node.regex) return `/${node.regex.pattern}/`;
    const name = calleeName(node);
    if (name && REGEX_FUNCTIONS.has(name)) return `${name}()`;
  }
  return undefined;
}

export const REGEX_HINT =
  'compare text without a regular expression: indexof(datum.name, "x") >= 0, lower(), slice(), ==, or a filter {"field": …, "oneOf": [...]}';

/** A regular expression refused at `path` of the spec. */
export function regexDiagnostic(source: YamlSource, path: Path | undefined, use: string): Diagnostic {
  return error(
    'CHART_EXPRESSION',
    `the expression uses a regular expression (${use}); chart expressions may not: one can run for hours on a long text`,
    {
      file: source.file,
      ...(path ? { ...source.locate(path), path: formatPath(path) } : { line: 1, column: 1 }),
      hint: REGEX_HINT,
    },
  );
}

/**
 * `formatType` names the expression function vega-lite calls on each label (with
 * `config.customFormatTypes`): `"formatType": "test"` would run the format as a pattern.
 */
function regexFormatTypes(node: Json, path: Path, out: { path: Path; use: string }[]) {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) regexFormatTypes(item, [...path, i], out);
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) {
      if (key === 'formatType' && typeof value === 'string' && REGEX_FUNCTIONS.has(value.replace(/^_/, '')))
        out.push({ path: [...path, key], use: `"formatType": "${value}"` });
      else if (key !== 'usermeta') regexFormatTypes(value, [...path, key], out);
    }
  return out;
}

/** Expressions that do not parse, and every regular expression, each at its expression's line. */
export function expressionProblems(spec: Json, source: YamlSource): Diagnostic[] {
  const problems = regexFormatTypes(spec, [], []).map((f) => regexDiagnostic(source, f.path, f.use));
  for (const expression of specExpressions(spec)) {
    const where = { file: source.file, ...source.locate(expression.path), path: formatPath(expression.path) };
    if (expression.parseError !== undefined)
      problems.push(
        error(
          'CHART_EXPRESSION',
          `the expression ${JSON.stringify(expression.text)} could not be read: ${expression.parseError}`,
          {
            ...where,
            hint: 'Vega expressions are written like JavaScript expressions: check brackets, quotes and operators',
          },
        ),
      );
    const use = expression.ast ? regexUse(expression.ast) : undefined;
    if (use) problems.push(regexDiagnostic(source, expression.path, use));
  }
  return problems;
}
