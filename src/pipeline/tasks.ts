/**
 * The work a build hands to its render slots (worker threads or this thread): draw one
 * chart, or render a document into the staging folder. Heavy libraries load lazily, once
 * per thread, on first use.
 */
import type { DrawnChart } from '../charts/types.js';
import type { Dataset } from '../dataset/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Asset, AssetRef, DocumentModel } from '../document/model.js';
import { rendererFor } from '../render/registry.js';
import type { Theme } from '../theme/schema.js';
import { renderChartsById } from './chart-step.js';
import { sha256 } from './hash.js';
import type { DocumentJob } from './jobs.js';
import type { BuildSession, SessionsSetup } from './sessions.js';
import { BuildWriteError, writeBuildFile } from './write-files.js';

export interface WorkerSetup extends SessionsSetup {
  dataset: Dataset;
  theme: Theme;
  chartsDir: string;
}

export type Task =
  | { kind: 'chart'; chartId: string }
  | {
      kind: 'document';
      job: DocumentJob;
      model: DocumentModel;
      /** The model's asset bag: its figures' drawings, by the keys the figures name. */
      assets: [AssetRef, Asset][];
      date: string;
      file: string;
    };

export type TaskResult =
  | { kind: 'chart'; chart?: DrawnChart; diagnostics: Diagnostic[] }
  | {
      kind: 'document';
      bytes: number;
      sha256: string;
      pages?: number;
      slides?: number;
      diagnostics: Diagnostic[];
    };

/** Runs one task in this thread, with this thread's session of the build (sessions.ts). */
export async function runTask(setup: WorkerSetup, task: Task, session: BuildSession): Promise<TaskResult> {
  if (task.kind === 'chart') {
    const result = await renderChartsById(
      setup.dataset,
      setup.theme,
      setup.chartsDir,
      [task.chartId],
      session,
    );
    return { kind: 'chart', chart: result.charts[0], diagnostics: result.diagnostics };
  }
  const renderer = rendererFor(task.job.format);
  await session.openRenderer(renderer, setup);
  const rendered = await renderer.render(task.model, {
    assets: new Map(task.assets),
    theme: setup.theme,
    fonts: session.fonts,
    date: new Date(task.date),
    options: task.job.options,
  });
  const diagnostics = [...rendered.diagnostics];
  try {
    await writeBuildFile(task.file, `out/${task.job.output}`, rendered.bytes);
  } catch (cause) {
    // Reported, not thrown: an error's own fields do not survive the way back from a worker.
    if (!(cause instanceof BuildWriteError)) throw cause;
    diagnostics.push(cause.diagnostic);
  }
  return {
    kind: 'document',
    bytes: rendered.bytes.byteLength,
    sha256: sha256(rendered.bytes),
    pages: rendered.pages,
    slides: rendered.slides,
    diagnostics,
  };
}
