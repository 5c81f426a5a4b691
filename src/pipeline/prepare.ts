/**
 * The build's planning half: load and validate every input, plan the jobs, build the
 * document models and compute every cache key. Reports all input problems at once.
 */
import { join, relative } from 'node:path';
import { loadDatasetFile } from '../dataset/load.js';
import type { ProvenanceSummary } from '../dataset/provenance/check.js';
import type { Dataset } from '../dataset/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkModelGlyphs } from '../document/index.js';
import type { DocumentModel } from '../document/model.js';
import { rendererFor } from '../render/registry.js';
import type { BuildFonts } from '../theme/build-fonts.js';
import { loadTheme } from '../theme/load.js';
import type { Theme } from '../theme/schema.js';
import { type ChartJob, type ChartPlan, chartJobs } from './chart-step.js';
import { type BuildConfig, withCompanions } from './config.js';
import { buildDate } from './dates.js';
import { hashParts } from './hash.js';
import { InputStamps } from './input-stamps.js';
import { hashInputs } from './inputs.js';
import { type DocumentJob, inShard, type PlannedJob, planDocuments, type Shard, selectOnly } from './jobs.js';
import { documentKeys, fontsHash, type ModelFacts, modelFacts } from './keys.js';
import { ModelSlot, PACK_MODELS_FROM } from './model-slot.js';
import { buildModels } from './models.js';
import { stateDirFor } from './out-layout.js';
import type { BuildSession } from './sessions.js';

export interface PrepareOptions {
  cwd: string;
  configFile: string;
  only?: string[];
  shard?: Shard;
  env: Record<string, string | undefined>;
}

export interface Loaded {
  dataset: Dataset;
  theme: Theme;
  chartsDir: string;
  datasetFile: string;
  charts: ChartPlan;
  /** What the provenance check found, for the build's summary line. */
  provenance?: ProvenanceSummary;
  /** The sources' stored files (absolute): inputs of the build, hashed like the dataset. */
  sourceFiles: readonly string[];
}

export interface Prepared extends Loaded {
  /** The jobs this build renders (after --only and --shard), each with its model or chart. */
  selected: PlannedJob[];
  inputFiles: Record<string, string>;
  /** The inputs' stamps as this build found them: saved once it is published (input-stamps.ts). */
  stamps: InputStamps;
  date: Date;
}

/** Reads and checks the dataset, the theme (its fonts through the session's) and the chart specs. */
export async function loadInputs(
  cwd: string,
  config: BuildConfig,
  session: BuildSession,
): Promise<{ loaded?: Loaded; diagnostics: Diagnostic[] }> {
  const datasetFile = config.datasets[0] as string;
  const [datasetResult, themeResult] = await Promise.all([
    loadDatasetFile(join(cwd, datasetFile)),
    loadTheme(join(cwd, config.theme), session.fonts),
  ]);
  const problems = [...datasetResult.diagnostics, ...themeResult.diagnostics];
  if (!datasetResult.dataset || !themeResult.theme) return { diagnostics: problems };
  const chartsDir = join(cwd, config.charts);
  const charts = await chartJobs(datasetResult.dataset, themeResult.theme, chartsDir, session.fonts);
  if (charts.diagnostics.length > 0) return { diagnostics: charts.diagnostics };
  // This thread draws charts too: with the binding planning made.
  session.boundCharts.set(chartsDir, Promise.resolve(charts.bound));
  return {
    loaded: {
      dataset: datasetResult.dataset,
      theme: themeResult.theme,
      chartsDir,
      datasetFile,
      charts,
      ...(datasetResult.provenance ? { provenance: datasetResult.provenance } : {}),
      sourceFiles: datasetResult.sourceFiles ?? [],
    },
    diagnostics: [],
  };
}

/** A planned model: its slot (packed in a large build) and what its key needs of it. */
export interface PlannedModel extends ModelFacts {
  slot: ModelSlot;
}

/** The models one at a time, each unpacked only while the glyph check reads it. */
function* unpacked(models: Iterable<PlannedModel>): Generator<DocumentModel> {
  for (const planned of models) yield planned.slot.model;
}

/**
 * Every document model of the config, and the glyph check on them and on the charts' text:
 * what `build` plans from and what `briefkit validate` checks, short of drawing and rendering.
 */
export async function checkedModels(
  cwd: string,
  config: BuildConfig,
  loaded: Loaded,
  fonts: BuildFonts,
  /** Builds (and checks) only these jobs' models; every job when absent (`validate`). */
  wanted?: ReadonlySet<string>,
): Promise<{
  docs: DocumentJob[];
  models?: Map<string, PlannedModel>;
  templateFiles: Set<string>;
  diagnostics: Diagnostic[];
}> {
  const { dataset, theme, charts, datasetFile } = loaded;
  const docs = planDocuments(
    config,
    dataset.sectors.map((s) => s.id),
    rendererFor,
  );
  const modelled = wanted ? docs.filter((job) => wanted.has(job.id)) : docs;
  const pack = modelled.length >= PACK_MODELS_FROM;
  const models = await buildModels(
    modelled,
    dataset,
    charts.catalogue,
    join(cwd, config.templates),
    cwd,
    (model): PlannedModel => ({ ...modelFacts(model), slot: new ModelSlot(model, pack) }),
  );
  const { templateFiles } = models;
  if (models.diagnostics.length > 0) return { docs, templateFiles, diagnostics: models.diagnostics };
  // A character the fonts cannot show is an input problem at its dataset, template or chart
  // spec line, found before anything is drawn.
  const glyphs = checkModelGlyphs({
    models: unpacked(models.byJob.values()),
    texts: charts.texts,
    dataset,
    theme,
    fonts,
    datasetFile: join(cwd, datasetFile),
    baseDir: cwd,
  });
  if (glyphs.length > 0) return { docs, templateFiles, diagnostics: glyphs };
  return { docs, models: models.byJob, templateFiles, diagnostics: [] };
}

export async function plan(
  options: PrepareOptions,
  config: BuildConfig,
  loaded: Loaded,
  session: BuildSession,
): Promise<{ prepared?: Prepared; diagnostics: Diagnostic[] }> {
  const { dataset, theme, charts, datasetFile } = loaded;
  // --only and --shard are decided from the job ids before any model is built: a deck-only
  // build renders no briefing template (each model costs its template, Markdown and glyph check).
  const listed = planDocuments(
    config,
    dataset.sectors.map((s) => s.id),
    rendererFor,
  );
  const chosen = selectOnly<{ id: string; documentId?: string }>(
    [...listed, ...charts.jobs],
    withCompanions(config, options.only),
  );
  if (chosen.unknown.length > 0) {
    const ids = [...new Set([...listed.flatMap((d) => [d.documentId, d.id]), 'charts'])].join(', ');
    return {
      diagnostics: chosen.unknown.map((name) => ({
        code: 'CLI_USAGE' as const,
        severity: 'error' as const,
        message: `--only ${name}: no document or chart has this id`,
        hint: `ids: ${ids}`,
      })),
    };
  }
  const wanted = new Set(inShard(chosen.selected, options.shard).map((job) => job.id));
  const checked = await checkedModels(options.cwd, config, loaded, session.fonts, wanted);
  const allDocs = checked.docs;
  if (!checked.models) return { diagnostics: checked.diagnostics };
  const models = { byJob: checked.models, templateFiles: checked.templateFiles };
  const date = buildDate(options.env, dataset.meta.asOf);
  const stamps = await InputStamps.read(stateDirFor(join(options.cwd, config.out)));
  const hashed = await hashInputs(
    options.cwd,
    [
      options.configFile,
      datasetFile,
      // A source's stored text decides whether its quotes are found: a changed one re-validates.
      ...loaded.sourceFiles.map((file) => relative(options.cwd, file)),
      config.theme,
      ...[...models.templateFiles].map((file) => relative(options.cwd, file)),
    ],
    [config.templates, config.charts],
    options.env,
    fontFilesOf(theme),
    stamps,
  );
  // An input the guard refused (src/input/read-file.ts) is reported at its file: exit 1.
  if (hashed.diagnostics.length > 0) return { diagnostics: hashed.diagnostics };
  const inputFiles = hashed.hashes;
  // A chart is drawn with the stack's faces: a font file that changes redraws it.
  const chartJobsWithFonts = withFonts(charts.jobs, fontsHash(inputFiles));
  const keys = documentKeys({
    docs: allDocs,
    models: models.byJob,
    chartKeys: new Map(chartJobsWithFonts.map((j) => [j.chartId, j.key])),
    inputFiles,
    date,
    theme,
  });
  const planned: PlannedJob[] = [
    ...allDocs.flatMap((job): PlannedJob[] => {
      const model = models.byJob.get(job.id);
      const key = keys.get(job.id);
      if (!model || !key) return [];
      const { id, documentId } = job;
      return [{ kind: 'document', id, documentId, job, model: model.slot, key, chartIds: model.chartIds }];
    }),
    ...chartJobsWithFonts.map((job): PlannedJob => ({ ...job, kind: 'chart' })),
  ];
  // In the order inShard gives (sorted by id when sharded), as before the selection moved up.
  const kept = planned.filter((job) => wanted.has(job.id));
  const selected = options.shard ? inShard(kept, { index: 1, count: 1 }) : kept;
  return { prepared: { ...loaded, selected, inputFiles, stamps, date }, diagnostics: [] };
}

/** Every font file of the theme's stack: the primary faces and each fallback's. */
function fontFilesOf(theme: Theme): string[] {
  const { regular, bold, semibold, italic, fallbacks } = theme.fonts;
  return [
    regular,
    bold,
    ...(semibold ? [semibold] : []),
    ...(italic === 'none' ? [] : [italic]),
    ...fallbacks.flatMap((face) => [face.regular, face.bold]),
  ];
}

/**
 * The chart jobs with the font files' hash in their keys. Asset keys (`image`) stay as planned:
 * the models that name them were built before the fonts were hashed, and within one build they
 * only have to be unique.
 */
function withFonts(jobs: readonly ChartJob[], fonts: string): ChartJob[] {
  return jobs.map((job) => {
    const inputs = { ...job.inputs, fonts };
    return { ...job, inputs, key: hashParts(inputs) };
  });
}
