/**
 * Vega-Lite spec → Vega → SVG (vega headless, renderer 'none') → PNG (resvg).
 * Deterministic: SVG def ids reset before each render, fonts only from the theme files.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import type { FontStack } from '../theme/stack.js';
import { type Engine, refusingLoader, useMeasuredText } from './engine.js';
import { loggedDiagnostic, vegaDiagnostic } from './expression-errors.js';
import { outlineSvgText } from './glyph-outlines.js';
import { checkTime, countItems, guardDataflow, locateKeys, useLimits } from './guards.js';
import { CHART_LIMITS, type ChartLimits, formatCount } from './limits.js';
import type { ChartSpecFile, JsonObject } from './spec-file.js';

/** A text item's box in SVG coordinates, from the measured widths vega laid it out with. */
export interface TextBox {
  text: string;
  role: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SvgResult {
  svg?: string;
  width: number;
  height: number;
  textBoxes: TextBox[];
  /** The plot's width as vega fitted it (the `width` signal), px. */
  plotWidth?: number;
  diagnostics: Diagnostic[];
}

/**
 * Warnings that say nothing wrong: vega-lite warns about "fit" whenever one size is a step
 * (bind asks for fit-x on purpose), and vega about an empty layer's extent (a filter that
 * matches no row, e.g. no target has a baseline year).
 */
const EXPECTED_WARNINGS = [/^Dropping "fit-[xy]" because spec has discrete/, /^Infinite extent for field/];

/**
 * Collects problems vega and vega-lite log instead of printing them to the console, as
 * diagnostics at the part of the spec they came from where that can be found
 * (expression-errors.ts); warnings say nothing of where, so they point at the spec file.
 */
function collectingLogger(spec: ChartSpecFile, sink: Diagnostic[]) {
  const where = { file: spec.file, line: 1, column: 1 };
  const logger = {
    level: (_?: number) => logger,
    error: (...args: unknown[]) => {
      sink.push(loggedDiagnostic(args, spec));
      return logger;
    },
    warn: (...args: unknown[]) => {
      const message = args.map(String).join(' ');
      if (EXPECTED_WARNINGS.some((pattern) => pattern.test(message))) return logger;
      sink.push({ ...error('CHART_SPEC_INVALID', message, where), severity: 'warning' });
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compiles a bound Vega-Lite spec to Vega; errors become diagnostics. */
export function compileSpec(
  engine: Engine,
  bound: JsonObject,
  spec: ChartSpecFile,
): { vega?: JsonObject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  try {
    // Narrow casts at the library boundary: the bound spec is plain JSON.
    const input = bound as unknown as Parameters<Engine['vegaLite']['compile']>[0];
    const compiled = engine.vegaLite.compile(input, { logger: collectingLogger(spec, diagnostics) });
    return { vega: compiled.spec as unknown as JsonObject, diagnostics };
  } catch (cause) {
    return { diagnostics: [...diagnostics, vegaDiagnostic(cause, spec, 'compile')] };
  }
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneItem[];
}
interface SceneItem {
  x?: number;
  y?: number;
  text?: unknown;
  opacity?: number;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  items?: SceneNode[];
}

function textBoxes(node: SceneNode, dx: number, dy: number, out: TextBox[]): TextBox[] {
  for (const item of node.items ?? []) {
    if (node.marktype === 'text' && item.bounds && item.opacity !== 0) {
      const text = Array.isArray(item.text) ? item.text.join('\n') : String(item.text ?? '');
      if (text.trim()) {
        const b = item.bounds;
        out.push({ text, role: node.role ?? '', x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
      }
    }
    if (node.marktype === 'group') {
      for (const child of item.items ?? []) textBoxes(child, dx + (item.x ?? 0), dy + (item.y ?? 0), out);
    }
  }
  return out;
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

const hasErrors = (list: readonly Diagnostic[]) => list.some((d) => d.severity === 'error');

type VegaView = InstanceType<Engine['vega']['View']>;

/**
 * A vega View of `vegaSpec` under the guards every chart runs under (guards.ts budgets, the
 * guarded expression interpreter, a loader that refuses everything), logging into `sink`.
 */
function guardedView(
  engine: Engine,
  vegaSpec: JsonObject,
  spec: ChartSpecFile,
  sink: Diagnostic[],
  limits: ChartLimits,
  started: number,
): VegaView {
  const { vega } = engine;
  const runtime = vega.parse(vegaSpec as unknown as Parameters<typeof vega.parse>[0], undefined, {
    ast: true,
  });
  const view = new vega.View(runtime, {
    renderer: 'none',
    loader: refusingLoader() as ReturnType<typeof vega.loader>,
    expr: engine.interpreter,
    logger: collectingLogger(spec, sink),
    logLevel: vega.Warn,
  });
  guardDataflow(view, limits, started);
  return view;
}

/**
 * Runs the dataflow of `vegaSpec` under the budgets and reads what `read` takes from the view
 * (dataflow.ts: the rows a mark draws); nothing is drawn. Problems are diagnostics.
 */
export async function runDataflow<T>(
  engine: Engine,
  vegaSpec: JsonObject,
  spec: ChartSpecFile,
  limits: ChartLimits,
  read: (view: VegaView) => T,
): Promise<{ result?: T; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  useLimits(limits);
  let view: VegaView | undefined;
  try {
    view = guardedView(engine, vegaSpec, spec, diagnostics, limits, limits.now());
    await view.runAsync();
    if (hasErrors(diagnostics)) return { diagnostics };
    return { result: read(view), diagnostics };
  } catch (cause) {
    diagnostics.push(vegaDiagnostic(cause, spec));
    return { diagnostics };
  } finally {
    view?.finalize();
    useLimits(CHART_LIMITS);
  }
}

/**
 * Runs the dataflow under the budgets (guards.ts), then writes the SVG. A chart whose run
 * logged an error, or drew more items than the budget, gets no SVG: it would be wrong or huge.
 */
export async function renderSvg(
  engine: Engine,
  vegaSpec: JsonObject,
  spec: ChartSpecFile,
  measurer: TextMeasurer,
  limits: ChartLimits = CHART_LIMITS,
  started: number = limits.now(),
): Promise<SvgResult> {
  const { vega } = engine;
  const diagnostics: Diagnostic[] = [];
  const none = (): SvgResult => ({ width: 0, height: 0, textBoxes: [], diagnostics });
  useMeasuredText(vega, measurer);
  vega.resetSVGDefIds();
  useLimits(limits);
  let view: VegaView | undefined;
  try {
    view = guardedView(engine, vegaSpec, spec, diagnostics, limits, started);
    await view.runAsync();
    if (hasErrors(diagnostics)) return none();
    const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
    const items = countItems(root);
    if (items > limits.marks) {
      diagnostics.push(
        error(
          'CHART_BUDGET',
          `the chart draws ${formatCount(items)} items; the budget is ${formatCount(limits.marks)}`,
          {
            file: spec.file,
            ...locateKeys(spec, ['mark', 'layer']),
            hint: 'draw fewer marks: aggregate the rows, or fewer layers, ticks and labels',
          },
        ),
      );
      return none();
    }
    checkTime(limits, started);
    const svg = await view.toSVG();
    if (hasErrors(diagnostics)) return none();
    // The scene's coordinates start inside the padding and autosize offset; the SVG's at its corner.
    const [originX, originY] = view.origin();
    // vega's View.padding() getter always returns the {left, top, …} object form.
    const padding = view.padding() as { left: number; top: number };
    const boxes = textBoxes(root, padding.left + originX, padding.top + originY, []);
    return { svg, ...svgSize(svg), textBoxes: boxes, plotWidth: view.width(), diagnostics };
  } catch (cause) {
    diagnostics.push(vegaDiagnostic(cause, spec));
    return none();
  } finally {
    view?.finalize();
    useLimits(CHART_LIMITS);
  }
}

/**
 * SVG → PNG at the theme's scale. The text is drawn as glyph outlines of the theme's font
 * (outline.ts), so resvg needs no font at all: never system fonts, and no per-chart font parsing.
 */
export function renderPng(engine: Engine, svg: string, theme: Theme, stack: FontStack): Uint8Array {
  const outlined = outlineSvgText(svg, stack);
  // Only documented keys: one unknown key makes resvg 2.6.2 ignore every option (STACK.md).
  const resvg = new engine.resvg.Resvg(outlined, {
    fitTo: { mode: 'zoom', value: theme.chart.pngScale },
    background: theme.colours.background,
    font: { loadSystemFonts: false, fontFiles: [], defaultFontFamily: theme.fonts.family },
  });
  return new Uint8Array(resvg.render().asPng());
}
