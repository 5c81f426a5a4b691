/**
 * vega-interpreter, guarded: every expression vega runs reaches the interpreter as an AST
 * (vega-runtime's context hands each one to `operator`, `parameter`, `event`, `handler` or
 * `encode` before any is evaluated). Here each AST is checked for a regular expression
 * (expressions.ts says why none may run) whatever part of the spec or of vega-lite's output it
 * came from, and an error thrown while one is evaluated is wrapped with its AST, so that the
 * diagnostic can name the expression of the spec that failed (expression-errors.ts).
 */
import type { Node } from 'estree';
import { regexUse } from './expressions.js';
import { ChartBudgetError } from './limits.js';

interface ParsedExpression {
  ast: Node;
}
interface EncodeExpression {
  marktype: string;
  channels: Record<string, ParsedExpression>;
}
type Evaluator = (...args: unknown[]) => unknown;

/** The interpreter's entry points (vega-interpreter's expression.js). */
export interface Interpreter {
  operator(ctx: unknown, expr: ParsedExpression): Evaluator;
  parameter(ctx: unknown, expr: ParsedExpression): Evaluator;
  event(ctx: unknown, expr: ParsedExpression): Evaluator;
  handler(ctx: unknown, expr: ParsedExpression): Evaluator;
  encode(ctx: unknown, encode: EncodeExpression): Evaluator;
}

/** A regular expression in an expression vega was about to run. */
export class RegexRefusedError extends Error {
  constructor(
    readonly ast: Node,
    readonly use: string,
  ) {
    super(`the expression uses a regular expression (${use})`);
    this.name = 'RegexRefusedError';
  }
}

/** An error thrown while an expression was evaluated, with the expression's AST(s). */
export class ExpressionRunError extends Error {
  constructor(
    readonly asts: readonly Node[],
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'ExpressionRunError';
  }
}

function refuseRegex(ast: Node): void {
  const use = regexUse(ast);
  if (use) throw new RegexRefusedError(ast, use);
}

/** `evaluate`, with what it throws wrapped with the ASTs it evaluates (budget stops pass as they are). */
function tagged(asts: readonly Node[], evaluate: Evaluator): Evaluator {
  return (...args: unknown[]) => {
    try {
      return evaluate(...args);
    } catch (cause) {
      if (cause instanceof ChartBudgetError || cause instanceof ExpressionRunError) throw cause;
      throw new ExpressionRunError(asts, cause);
    }
  };
}

export function guardedInterpreter(base: Interpreter): Interpreter {
  const single =
    (method: 'operator' | 'parameter' | 'event' | 'handler') => (ctx: unknown, expr: ParsedExpression) => {
      refuseRegex(expr.ast);
      return tagged([expr.ast], base[method](ctx, expr));
    };
  return {
    operator: single('operator'),
    parameter: single('parameter'),
    event: single('event'),
    handler: single('handler'),
    encode(ctx, encode) {
      const asts = Object.values(encode.channels).map((channel) => channel.ast);
      for (const ast of asts) refuseRegex(ast);
      return tagged(asts, base.encode(ctx, encode));
    },
  };
}
