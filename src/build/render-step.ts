/**
 * Decides what to rebuild (cache keys against the previous manifest and the files on disk),
 * renders it on the pool (charts first, then documents) and stages every output.
 */
import type { RenderedChart } from '../charts/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DocumentModel } from '../document/model.js';
import type { ChartJob } from './chart-step.js';
import { sha256 } from './hash.js';
import { chartIdsOf, type JobKey } from './keys.js';
import type { ManifestOutput } from './manifest.js';
import type { DocumentJob } from './plan.js';
import { createInlineRunner, createWorkerPool, type TaskRunner } from './pool.js';
import type { ProgressReporter } from './progress.js';
import type { Staging } from './publish.js';
import { runTask, type Task, type TaskResult, type WorkerSetup } from './tasks.js';

export interface RenderStepInput {
  selected: (DocumentJob | ChartJob)[];
  models: ReadonlyMap<string, DocumentModel>;
  keys: ReadonlyMap<string, JobKey>;
  chartKeys: ReadonlyMap<string, string>;
  previousByPath: ReadonlyMap<string, ManifestOutput>;
  force: boolean;
  emitModel: boolean;
  staging: Staging;
  outDir: string;
  setup: WorkerSetup;
  jobs: number;
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

const isChartJob = (job: DocumentJob | ChartJob): job is ChartJob => 'chartId' in job;

export async function renderJobs(input: RenderStepInput): Promise<RenderStepResult> {
  if (input.emitModel) return emitModels(input);
  const outputs: ManifestOutput[] = [];
  const cached: string[] = [];
  const dirtyDocs: DocumentJob[] = [];
  const dirtyCharts: ChartJob[] = [];
  for (const job of input.selected) {
    const key = isChartJob(job) ? job.key : input.keys.get(job.id)?.key;
    const paths = isChartJob(job) ? job.outputs : [job.output];
    const previous = paths.map((p) => input.previousByPath.get(p));
    let fresh = !input.force && previous.every((p) => p !== undefined && p.key === key);
    for (const p of previous) if (fresh && p && (await input.outputChanged(input.outDir, p))) fresh = false;
    if (fresh) {
      outputs.push(...(previous as ManifestOutput[]));
      cached.push(job.id);
      input.progress.done(job.id, 'cached');
    } else if (isChartJob(job)) dirtyCharts.push(job);
    else dirtyDocs.push(job);
  }
  input.progress.plan(input.selected.length, dirtyDocs.length + dirtyCharts.length);
  const neededCharts = new Set(dirtyCharts.map((c) => c.chartId));
  for (const doc of dirtyDocs) {
    const model = input.models.get(doc.id);
    if (model) for (const id of chartIdsOf(model)) neededCharts.add(id);
  }
  const work = dirtyDocs.length + Math.ceil(neededCharts.size / 4);
  const size = Math.max(1, Math.min(input.jobs, work));
  const runner: TaskRunner<Task, TaskResult> =
    size > 1
      ? createWorkerPool<Task, TaskResult>(size, input.setup)
      : createInlineRunner((task: Task) => runTask(input.setup, task));
  const diagnostics: Diagnostic[] = [];
  try {
    const charts = await renderCharts(runner, [...neededCharts], size, input.progress);
    diagnostics.push(...charts.diagnostics);
    for (const job of dirtyCharts) {
      const chart = charts.byId.get(job.chartId);
      if (!chart) throw new Error(`chart ${job.chartId} was not rendered`);
      outputs.push(...(await stageChart(input.staging, job, chart)));
      input.progress.done(job.id, 'built');
    }
    const docOutputs = await Promise.all(
      dirtyDocs.map(async (job) => {
        const model = input.models.get(job.id) as DocumentModel;
        input.progress.step(job.id, 'rendering');
        const result = await runner.run({
          kind: 'document',
          job,
          model,
          charts: chartIdsOf(model).flatMap((id) => charts.byId.get(id) ?? []),
          date: input.date.toISOString(),
          file: input.staging.pathOf(job.output),
        });
        if (result.kind !== 'document') throw new Error('unexpected task result');
        input.staging.add(job.output);
        diagnostics.push(...result.diagnostics);
        input.progress.done(job.id, 'built', describe(result));
        const key = input.keys.get(job.id) as JobKey;
        const output: ManifestOutput = {
          path: job.output,
          job: job.id,
          bytes: result.bytes,
          sha256: result.sha256,
          ...(result.pages !== undefined ? { pages: result.pages } : {}),
          ...(result.slides !== undefined ? { slides: result.slides } : {}),
          key: key.key,
          inputs: key.inputs,
        };
        return output;
      }),
    );
    outputs.push(...docOutputs);
  } finally {
    await runner.close();
  }
  return { outputs, built: [...dirtyCharts, ...dirtyDocs].map((j) => j.id), cached, diagnostics };
}

function describe(result: { bytes: number; pages?: number; slides?: number }): string {
  const size = `${Math.round(result.bytes / 1024)} KB`;
  if (result.pages !== undefined) return `${result.pages} page${result.pages === 1 ? '' : 's'}, ${size}`;
  if (result.slides !== undefined) return `${result.slides} slides, ${size}`;
  return size;
}

/** Renders charts in up to `size` batches, one per worker. */
async function renderCharts(
  runner: TaskRunner<Task, TaskResult>,
  ids: string[],
  size: number,
  progress: ProgressReporter,
): Promise<{ byId: Map<string, RenderedChart>; diagnostics: Diagnostic[] }> {
  const byId = new Map<string, RenderedChart>();
  const diagnostics: Diagnostic[] = [];
  if (ids.length === 0) return { byId, diagnostics };
  progress.step(`${ids.length} charts`, 'drawing');
  const batches = Array.from({ length: Math.min(size, ids.length) }, (_, i) =>
    ids.filter((_, j) => j % size === i),
  );
  const results = await Promise.all(batches.map((chartIds) => runner.run({ kind: 'charts', chartIds })));
  for (const result of results) {
    if (result.kind !== 'charts') throw new Error('unexpected task result');
    for (const chart of result.charts) byId.set(chart.id, chart);
    diagnostics.push(...result.diagnostics);
  }
  return { byId, diagnostics };
}

async function stageChart(staging: Staging, job: ChartJob, chart: RenderedChart): Promise<ManifestOutput[]> {
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

async function emitModels(input: RenderStepInput): Promise<RenderStepResult> {
  const built: string[] = [];
  for (const job of input.selected) {
    if (isChartJob(job)) continue;
    const model = input.models.get(job.id);
    if (!model) continue;
    await input.staging.write(`models/${job.id}.model.json`, `${JSON.stringify(model, null, 2)}\n`);
    built.push(job.id);
    input.progress.done(job.id, 'built', `models/${job.id}.model.json`);
  }
  return { outputs: [], built, cached: [], diagnostics: [] };
}
