/**
 * Decides what to rebuild (cache keys against the previous manifest and the files on disk),
 * then renders it: every chart is a task, every document a task that starts as soon as its
 * charts are drawn, longest documents first, so the slowest one is never left for last.
 */
import type { DrawnChart } from '../charts/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { rendererFor } from '../render/registry.js';
import { figureAssets } from './chart-step.js';
import { sha256 } from './hash.js';
import type { PlannedChart, PlannedDocument, PlannedJob } from './jobs.js';
import type { ManifestOutput } from './manifest.js';
import type { TaskRunner } from './pool.js';
import type { ProgressReporter } from './progress.js';
import type { Staging } from './publish.js';
import { createWindow, DOCUMENTS_PER_SLOT } from './render-window.js';
import type { Task, TaskResult } from './tasks.js';

export interface RenderStepInput {
  selected: PlannedJob[];
  previousByPath: ReadonlyMap<string, ManifestOutput>;
  force: boolean;
  staging: Staging;
  outDir: string;
  /** Starts the render threads, sized by the work that is actually dirty. */
  startRunner(work: Workload): TaskRunner<Task, TaskResult>;
  date: Date;
  progress: ProgressReporter;
  outputChanged(outDir: string, recorded: ManifestOutput): Promise<boolean>;
}

export interface RenderStepResult {
  outputs: ManifestOutput[];
  built: string[];
  cached: string[];
  diagnostics: Diagnostic[];
}

/** What is to be rendered, for sizing the render threads. */
export interface Workload {
  charts: number;
  /** Rough single-thread time once libraries are warm (ms), from this machine's measurements. */
  estimateMs: number;
}

/** A chart's warm single-thread cost (ms), measured; a document's comes from its renderer. */
const CHART_COST_MS = 70;

/** A document's warm single-thread cost (ms), as its renderer estimates it. */
function costOf(doc: PlannedDocument): number {
  return rendererFor(doc.job.format).estimateMs(doc.job.options);
}

function workload(docs: PlannedDocument[], chartIds: Set<string>): Workload {
  let estimateMs = chartIds.size * CHART_COST_MS;
  for (const doc of docs) estimateMs += costOf(doc);
  return { charts: chartIds.size, estimateMs };
}

/** Splits the selected jobs into fresh (kept from the previous build) and dirty ones. */
export async function decide(input: RenderStepInput) {
  const kept: ManifestOutput[] = [];
  const cached: string[] = [];
  const docs: PlannedDocument[] = [];
  const charts: PlannedChart[] = [];
  for (const job of input.selected) {
    const key = job.kind === 'chart' ? job.key : job.key.key;
    const paths = job.kind === 'chart' ? job.outputs : [job.job.output];
    const previous = paths.flatMap((p) => {
      const recorded = input.previousByPath.get(p);
      return recorded ? [recorded] : [];
    });
    let fresh = !input.force && previous.length === paths.length && previous.every((p) => p.key === key);
    for (const p of previous) if (fresh && (await input.outputChanged(input.outDir, p))) fresh = false;
    if (fresh) {
      kept.push(...previous);
      cached.push(job.id);
    } else if (job.kind === 'chart') charts.push(job);
    else docs.push(job);
  }
  return { kept, cached, docs, charts };
}

export async function renderJobs(input: RenderStepInput): Promise<RenderStepResult> {
  const plan = await decide(input);
  input.progress.plan(input.selected.length, plan.docs.length + plan.charts.length);
  // The longest documents start first (a stable sort: equal costs keep the plan's order).
  const docs = [...plan.docs].sort((a, b) => costOf(b) - costOf(a));
  const chartIds = new Set(plan.charts.map((c) => c.chartId));
  for (const doc of docs) for (const id of doc.chartIds) chartIds.add(id);
  if (chartIds.size === 0 && docs.length === 0)
    return { outputs: plan.kept, built: [], cached: plan.cached, diagnostics: [] };
  const runner = input.startRunner(workload(docs, chartIds));
  try {
    return await renderDirty(input, plan, docs, runner);
  } finally {
    await runner.close();
  }
}

async function renderDirty(
  input: RenderStepInput,
  plan: Awaited<ReturnType<typeof decide>>,
  docs: PlannedDocument[],
  runner: TaskRunner<Task, TaskResult>,
): Promise<RenderStepResult> {
  const diagnostics: Diagnostic[] = [];
  const drawn = new Map<string, Promise<DrawnChart | undefined>>();
  const draw = (chartId: string, priority: number) => {
    let pending = drawn.get(chartId);
    if (!pending) {
      pending = runner.run({ kind: 'chart', chartId }, 1000 + priority).then((result) => {
        if (result.kind !== 'chart') throw new Error('unexpected task result');
        diagnostics.push(...result.diagnostics);
        return result.chart;
      });
      drawn.set(chartId, pending);
    }
    return pending;
  };
  // A drawn chart (SVG and PNG) is kept only until the last document or chart file that uses
  // it is done, so memory does not grow with the number of documents in the build.
  const users = new Map<string, number>();
  const use = (id: string) => users.set(id, (users.get(id) ?? 0) + 1);
  const release = (id: string) => {
    const left = (users.get(id) ?? 1) - 1;
    users.set(id, left);
    if (left <= 0) drawn.delete(id);
  };
  for (const doc of docs) for (const id of doc.chartIds) use(id);
  for (const job of plan.charts) use(job.chartId);
  // A chart file is staged as soon as the first document that places it is started (so its
  // drawing is not held for a chart step at the end); a chart no document places, after them.
  const chartJobs = new Map(plan.charts.map((job) => [job.chartId, job]));
  const staged = new Map<string, Promise<ManifestOutput[]>>();
  const stage = (job: PlannedChart, priority: number) => {
    let pending = staged.get(job.id);
    if (!pending) {
      pending = draw(job.chartId, priority)
        .finally(() => release(job.chartId))
        .then((chart) => stageDrawn(input, job, chart, diagnostics));
      // Awaited below, possibly later than it settles: not an unhandled rejection meanwhile.
      pending.catch(() => {});
      staged.set(job.id, pending);
    }
    return pending;
  };
  // Charts in the order the documents need them; a ready document outranks any chart.
  const window = createWindow(DOCUMENTS_PER_SLOT * runner.capacity);
  const docOutputs = docs.map((doc, rank) =>
    window.run(() => {
      for (const id of doc.chartIds) {
        const job = chartJobs.get(id);
        if (job) stage(job, rank);
      }
      const charts = doc.chartIds.map((id) => draw(id, rank));
      return Promise.all(charts)
        .then((list) => renderDocument(input, runner, doc, list, rank, diagnostics))
        .finally(() => {
          for (const id of doc.chartIds) release(id);
        });
    }),
  );
  const chartOutputs = plan.charts.map((job) => window.run(() => stage(job, docs.length)));
  // Settle everything before failing, so no task is left running unobserved.
  const settled = await Promise.allSettled([...chartOutputs, ...docOutputs]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  const fulfilled = settled as PromiseFulfilledResult<ManifestOutput | ManifestOutput[]>[];
  const outputs = [...plan.kept, ...fulfilled.flatMap((s) => s.value)];
  const built = [...plan.charts, ...docs].map((j) => j.id);
  return { outputs, built, cached: plan.cached, diagnostics };
}

async function renderDocument(
  input: RenderStepInput,
  runner: TaskRunner<Task, TaskResult>,
  doc: PlannedDocument,
  charts: (DrawnChart | undefined)[],
  rank: number,
  diagnostics: Diagnostic[],
): Promise<ManifestOutput[]> {
  const { job, key } = doc;
  input.progress.step(job.id, 'rendering');
  if (charts.some((c) => c === undefined)) {
    // A document without one of its figures is not published; the chart's own error says why.
    if (!diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(internal('a chart this document places could not be drawn', job.id));
    return [];
  }
  const model = doc.model.model;
  const task: Task = {
    kind: 'document',
    job,
    model,
    assets: figureAssets(model, new Map(charts.flatMap((c) => (c ? [[c.id, c] as const] : [])))),
    date: input.date.toISOString(),
    file: input.staging.pathOf(job.output),
  };
  // The task has the model now (a worker its copy): this build needs no more of it than its meta.
  doc.model.release();
  const result = await runner.run(task, rank);
  if (result.kind !== 'document') throw new Error('unexpected task result');
  input.staging.add(job.output);
  diagnostics.push(...result.diagnostics.map((d) => ({ ...d, document: job.id })));
  input.progress.done(job.id, 'built', describe(result));
  return [
    {
      path: job.output,
      job: job.id,
      bytes: result.bytes,
      sha256: result.sha256,
      ...(result.pages !== undefined ? { pages: result.pages } : {}),
      ...(result.slides !== undefined ? { slides: result.slides } : {}),
      key: key.key,
      inputs: key.inputs,
    },
  ];
}

function internal(message: string, document: string): Diagnostic {
  return { code: 'INTERNAL', severity: 'error', message, document };
}

function describe(result: { bytes: number; pages?: number; slides?: number }): string {
  const size = `${Math.round(result.bytes / 1024)} KB`;
  if (result.pages !== undefined) return `${result.pages} page${result.pages === 1 ? '' : 's'}, ${size}`;
  if (result.slides !== undefined) return `${result.slides} slides, ${size}`;
  return size;
}

async function stageDrawn(
  input: RenderStepInput,
  job: PlannedChart,
  chart: DrawnChart | undefined,
  diagnostics: Diagnostic[],
): Promise<ManifestOutput[]> {
  if (!chart) {
    // The chart stage reports why (at the spec's position); without a report, say so here.
    if (!diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(internal(`chart ${job.chartId} could not be drawn`, job.id));
    return [];
  }
  const outputs = await stageChart(input.staging, job, chart);
  input.progress.done(job.id, 'built');
  return outputs;
}

async function stageChart(staging: Staging, job: PlannedChart, chart: DrawnChart): Promise<ManifestOutput[]> {
  const [svgPath, pngPath] = job.outputs;
  const files: [string, Uint8Array][] = [
    [svgPath, new TextEncoder().encode(chart.svg)],
    [pngPath, chart.png],
  ];
  const outputs: ManifestOutput[] = [];
  for (const [path, bytes] of files) {
    await staging.write(path, bytes);
    outputs.push({
      path,
      job: job.id,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
      key: job.key,
      inputs: job.inputs,
    });
  }
  return outputs;
}
