/**
 * The lazily imported rendering engine (vega, vega-lite, vega-interpreter, resvg):
 * importing them costs hundreds of milliseconds, so only commands that draw pay for it.
 */
import { guardedInterpreter, type Interpreter } from './expression-guard.js';
import { installExpressionGuards } from './guards.js';

// vega's text metrics are patched in the vega adapter; draw.ts installs them per chart.
export { useMeasuredText } from '../adapters/vega.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type Resvg = typeof import('@resvg/resvg-js');

export interface Engine {
  vega: Vega;
  vegaLite: VegaLite;
  /**
   * vega-interpreter's evaluator, guarded (expression-guard.ts): expressions are interpreted,
   * never compiled with `new Function`, and none may run a regular expression.
   */
  interpreter: Interpreter;
  resvg: Resvg;
}

/** The engine's libraries, imported once per thread: code, not data, so no build sees another's inputs. */
let loading: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  loading ??= (async () => {
    const [vega, vegaLite, interpreter, resvg] = await Promise.all([
      import('vega'),
      import('vega-lite'),
      import('vega-interpreter'),
      import('@resvg/resvg-js'),
    ]);
    installExpressionGuards(vega);
    // Narrow cast at the library boundary: vega-interpreter declares its entry points with `any`.
    const base = interpreter.expressionInterpreter as unknown as Interpreter;
    return { vega, vegaLite, interpreter: guardedInterpreter(base), resvg };
  })();
  return loading;
}

/**
 * Refuses every file and URL: a chart's data comes from the dataset, inlined by bind.
 * `sanitize` (asked for links and images) answers "no address" instead of failing: vega's SVG
 * writer read a failed link's answer in a promise nobody awaited, and the TypeError killed the
 * process. spec-file.ts refuses `href` and `url` before this is ever asked.
 */
export function refusingLoader(): unknown {
  const refuse = async (uri: unknown) => {
    throw new Error(`loading ${String(uri)} is not allowed: chart data comes from the dataset`);
  };
  const nowhere = async () => ({ href: '' });
  return { options: {}, load: refuse, sanitize: nowhere, http: refuse, file: refuse };
}
