/**
 * The lazily imported rendering engine (vega, vega-lite, vega-interpreter, resvg):
 * importing them costs hundreds of milliseconds, so only commands that draw pay for it.
 */
import type { TextMeasurer } from '../theme/metrics.js';
import { installExpressionGuards } from './guards.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type Resvg = typeof import('@resvg/resvg-js');

export interface Engine {
  vega: Vega;
  vegaLite: VegaLite;
  /** vega-interpreter's evaluator: expressions are interpreted, never compiled with `new Function`. */
  interpreter: unknown;
  resvg: Resvg;
}

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
    return { vega, vegaLite, interpreter: interpreter.expressionInterpreter, resvg };
  })();
  return loading;
}

/** The part of vega's text metrics we replace; vega-typings do not declare it. */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number;
}

function isBold(weight: string | number | undefined): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (weight !== undefined && Number(weight) >= 600);
}

/**
 * Text widths from the real font: vega's estimate without canvas (0.8 × size per
 * character) lays labels out wrongly. No truncation here: vega calls this to truncate.
 */
export function useMeasuredText(vega: Vega, measurer: TextMeasurer): void {
  // Narrow cast at the library boundary: `textMetrics` is exported but untyped.
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const value = text == null ? '' : String(text).trim();
    return measurer.width(value, item.fontSize ?? 11, isBold(item.fontWeight));
  };
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
