/**
 * What vega and vega-lite throw or log, as diagnostics an analyst can act on: at the spec's
 * expression that failed where it can be found (its line in the spec file), in plain words
 * instead of a JavaScript message. vega says nothing of where in the spec an error arose; an
 * expression's AST (expression-guard.ts tags run errors with it) or a name the message quotes
 * is matched against the expressions the spec writes (expressions.ts).
 */
import type { Node } from 'estree';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import { ExpressionRunError, RegexRefusedError } from './expression-guard.js';
import {
  astNodes,
  calleeName,
  regexDiagnostic,
  type SpecExpression,
  specExpressions,
} from './expressions.js';
import { budgetDiagnostic, locateCall } from './guards.js';
import { ChartBudgetError } from './limits.js';
import { type ChartSpecFile, isObject, type Json } from './spec-file.js';

type Path = (string | number)[];

export const VEGA_HINT = 'check the spec against the Vega-Lite documentation';

/** An AST as text, without what two parses of the same expression may write differently. */
function canonical(node: Node): string {
  return JSON.stringify(node, (key, value: unknown) =>
    key === 'raw' ? undefined : value instanceof RegExp ? String(value) : value,
  );
}

/** The names and values an AST mentions, for a match when vega-lite rewrote the expression. */
function leaves(root: Node): Set<string> {
  const out = new Set<string>();
  for (const node of astNodes(root)) {
    const call = calleeName(node);
    if (call) out.add(`call:${call}`);
    else if (node.type === 'Identifier' && !['datum', 'event', 'item'].includes(node.name))
      out.add(`name:${node.name}`);
    else if (node.type === 'Literal' && !('regex' in node)) out.add(`value:${String(node.value)}`);
  }
  return out;
}

/**
 * The spec's expression that `asts` (what vega ran) came from: one whose AST is part of them
 * (vega-lite copies a calculate or filter as written), else the one most of whose names and
 * values they mention (vega-lite rewrites `datum.label` in a labelExpr).
 */
export function matchExpression(spec: ChartSpecFile, asts: readonly Node[]): SpecExpression | undefined {
  const candidates = specExpressions(spec.spec).filter((e) => e.ast);
  const ran = new Set(asts.flatMap((ast) => astNodes(ast).map(canonical)));
  const exact = candidates
    .map((e) => ({ e, text: e.ast ? canonical(e.ast) : '' }))
    .filter(({ text }) => ran.has(text))
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (exact) return exact.e;
  const ranLeaves = new Set(asts.flatMap((ast) => [...leaves(ast)]));
  let best: { e: SpecExpression; score: number; size: number } | undefined;
  for (const e of candidates) {
    const own = e.ast ? [...leaves(e.ast)] : [];
    if (own.length === 0) continue;
    const score = own.filter((leaf) => ranLeaves.has(leaf)).length / own.length;
    if (score >= 0.5 && (!best || score > best.score || (score === best.score && own.length > best.size)))
      best = { e, score, size: own.length };
  }
  return best?.e;
}

/** The spec's expression that mentions `name` (a signal, a function, a quoted string), if one does. */
function mentioning(spec: ChartSpecFile, name: string): SpecExpression | undefined {
  return specExpressions(spec.spec).find(
    (e) =>
      e.ast &&
      [...leaves(e.ast)].some(
        (leaf) => leaf === `name:${name}` || leaf === `value:${name}` || leaf === `call:${name}`,
      ),
  );
}

function at(spec: ChartSpecFile, expression: SpecExpression | undefined): Partial<Diagnostic> {
  if (!expression) return { file: spec.file, line: 1, column: 1 };
  return { file: spec.file, ...spec.source.locate(expression.path), path: formatPath(expression.path) };
}

/** A JavaScript error's message in plain words: what the expression did that could not be done. */
export function plainReason(message: string): string {
  const read = /^Cannot read propert(?:y|ies) of (undefined|null)(?: \(reading '(.*)'\))?/.exec(message);
  if (read) return `it reads ${read[2] ? `"${read[2]}" of ` : 'from '}a value that is missing (${read[1]})`;
  const call = /^(.+) is not a function$/.exec(message);
  if (call) return `it calls ${call[1]}, which is not a function`;
  if (/^Cannot convert undefined or null to object/.test(message))
    return 'it needs a value where the row has none (undefined or null)';
  if (/Invalid array length/.test(message)) return 'it asks for a list of an impossible length';
  if (/Invalid time value|Invalid Date/.test(message)) return 'it makes a date of a value that is not a date';
  if (/Maximum call stack/.test(message)) return 'it nests too deeply';
  return `it stopped with the error "${message}"`;
}

function runDiagnostic(cause: ExpressionRunError, spec: ChartSpecFile): Diagnostic {
  const expression = matchExpression(spec, cause.asts);
  const shown = expression ? ` ${JSON.stringify(expression.text)}` : '';
  return error(
    'CHART_EXPRESSION',
    `the expression${shown} failed on the chart's data: ${plainReason(cause.message)}`,
    {
      ...at(spec, expression),
      hint: `check the fields it reads against the columns of table "${spec.table}"; a field a row lacks is undefined, so guard it: datum.a ? datum.a.b : null`,
    },
  );
}

/** The path of the first string of the spec (outside `usermeta`) that contains `needle`. */
function stringContaining(node: Json, needle: string, path: Path = []): Path | undefined {
  if (typeof node === 'string') return node.includes(needle) ? path : undefined;
  const entries: [string | number, Json][] = Array.isArray(node)
    ? [...node.entries()]
    : isObject(node)
      ? Object.entries(node).filter(([key]) => key !== 'usermeta')
      : [];
  for (const [key, value] of entries) {
    const found = stringContaining(value, needle, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * A regex found where the spec's expressions were not looked for (an event filter such as
 * `click[test(…)]`): at the spec's string that writes it.
 */
function regexRefused(cause: RegexRefusedError, spec: ChartSpecFile): Diagnostic {
  const needle = cause.use.endsWith('()') ? `${cause.use.slice(0, -2)}(` : cause.use;
  const path = matchExpression(spec, [cause.ast])?.path ?? stringContaining(spec.spec, needle);
  return regexDiagnostic(spec.source, path, cause.use);
}

/** A message vega logged or threw, recognised where it names something the spec wrote. */
function messageDiagnostic(message: string, spec: ChartSpecFile): Diagnostic {
  const fn = /Unrecognized function: ?"?(\w+)/.exec(message)?.[1];
  if (fn)
    return error(
      'CHART_EXPRESSION',
      `the expression calls ${fn}(), which is not a Vega expression function`,
      {
        file: spec.file,
        ...locateCall(spec, fn),
        hint: "chart expressions may only use Vega's built-in functions (see the Vega expression reference)",
      },
    );
  const signal = /Unrecognized signal name: "([^"]+)"/.exec(message)?.[1];
  if (signal) {
    const expression = mentioning(spec, signal);
    const shown = expression ? ` ${JSON.stringify(expression.text)}` : '';
    return error(
      'CHART_EXPRESSION',
      `the expression${shown} names "${signal}", which is neither a field of the row nor a param of the chart`,
      {
        ...at(spec, expression),
        hint: `a field is read as datum.${signal}; a value of the chart's own is declared in "params": [{"name": "${signal}", "value": …}]`,
      },
    );
  }
  // "Unrecognized scale name: "x"", "Undefined data set name: "y"": at the expression quoting it.
  const quoted = /"([^"]{1,200})"/.exec(message)?.[1];
  const expression = quoted ? mentioning(spec, quoted) : undefined;
  const plain = message.replace(/^(Type|Range|Reference|Syntax)?Error: /, '');
  const code = /expression|Unrecognized|Illegal/i.test(message) ? 'CHART_EXPRESSION' : 'CHART_SPEC_INVALID';
  return error(code, `vega could not draw the chart: ${plain}`, {
    ...at(spec, expression),
    hint: VEGA_HINT,
  });
}

/**
 * vega-lite validates little: an unknown property value often surfaces as a TypeError deep
 * in its compiler ("Cannot read properties of undefined (reading 'filled')" for a mark type
 * it does not know). Said plainly; spec-words.ts refuses the common cases at their line first.
 */
function compileFailure(cause: TypeError, spec: ChartSpecFile): Diagnostic {
  return error('CHART_SPEC_INVALID', `vega-lite could not compile the spec: ${plainReason(cause.message)}`, {
    file: spec.file,
    line: 1,
    column: 1,
    hint: 'a mark type, channel, field type or property value vega-lite does not know is the usual cause: check them against the Vega-Lite documentation',
  });
}

/**
 * Anything vega or vega-lite threw or logged as an error, as a diagnostic at the spec;
 * `stage` says whether vega-lite was compiling the spec or vega drawing it.
 */
export function vegaDiagnostic(
  cause: unknown,
  spec: ChartSpecFile,
  stage: 'compile' | 'draw' = 'draw',
): Diagnostic {
  if (cause instanceof ChartBudgetError) return budgetDiagnostic(cause, spec);
  if (cause instanceof RegexRefusedError) return regexRefused(cause, spec);
  if (cause instanceof ExpressionRunError) return runDiagnostic(cause, spec);
  if (stage === 'compile' && cause instanceof TypeError) return compileFailure(cause, spec);
  return messageDiagnostic(cause instanceof Error ? cause.message : String(cause), spec);
}

/** The diagnostic for what vega's logger was given as an error (an Error among other arguments). */
export function loggedDiagnostic(args: readonly unknown[], spec: ChartSpecFile): Diagnostic {
  const known = args.find(
    (a) => a instanceof ChartBudgetError || a instanceof RegexRefusedError || a instanceof ExpressionRunError,
  );
  return vegaDiagnostic(known ?? args.map(String).join(' '), spec);
}
