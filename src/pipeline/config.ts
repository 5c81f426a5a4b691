/**
 * `briefkit.config.yaml`: the datasets, the theme and the documents to build.
 * Validated with zod like the dataset; its JSON Schema is generated beside the data.
 */
import { posix } from 'node:path';
import { z } from 'zod';
import { loadYamlFile, type Validated } from '../input/load-yaml-file.js';
import { type Renderer, renderers } from '../render/registry.js';
import { outputClashes, reservedOutputProblem } from './config-outputs.js';
import {
  inputPaths,
  isWithin,
  normalised,
  type PathProblem,
  type PathRole,
  pathProblem,
  sameFileKey,
} from './config-paths.js';

/** A path of this role (config-paths.ts); each problem is reported at its line with a hint. */
function pathOf(role: PathRole) {
  return z.string().superRefine((path, ctx) => {
    const problem = pathProblem(path, role) ?? (role === 'output' ? reservedOutputProblem(path) : undefined);
    if (problem) addProblem(ctx, problem, path);
  });
}

function addProblem(
  ctx: z.RefinementCtx,
  problem: PathProblem,
  input: unknown,
  path: (string | number)[] = [],
): void {
  ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint }, input, path });
}

/** `--only charts` (and `briefkit charts`) selects every chart: no document may take that id. */
const CHARTS_ID = 'charts';

const DocumentBase = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id of letters, digits and hyphens')
    .refine((id) => id !== CHARTS_ID, {
      message: `an id other than "${CHARTS_ID}"`,
      params: {
        hint: `"--only ${CHARTS_ID}" and "briefkit charts" select every chart by this id; name the document differently, e.g. "chart-book"`,
      },
    }),
  template: pathOf('template').describe('Template file under the templates folder, e.g. briefing.md.hbs.'),
  output: pathOf('output').describe(
    'Output path under out/; with `for: sectors`, {sector} is replaced by the sector id.',
  ),
};

/** `for:` on a format whose renderer builds one document only: refused at its own line. */
function noFanOut(renderer: Renderer) {
  const fanning = renderers()
    .filter((r) => r.fanOut)
    .map((r) => r.format);
  return z
    .unknown()
    .refine(() => false, {
      message: `no "for" (a ${renderer.format} document is one file, not one per sector)`,
      params: {
        hint: `remove "for:"${fanning.length > 0 ? `, or use a format that builds one per sector: ${fanning.join(', ')}` : ''}`,
      },
    })
    .optional()
    .meta({ not: {} });
}

/** One document entry per registered format; its `params` are the renderer's own schema. */
function documentEntry(renderer: Renderer) {
  return z.strictObject({
    ...DocumentBase,
    format: z.literal(renderer.format),
    for: renderer.fanOut
      ? z.enum(['sectors']).optional().describe('Build one document per entry of this dataset list.')
      : noFanOut(renderer),
    params: renderer.paramsSchema,
  });
}

function documentSchema() {
  const [first, ...rest] = renderers().map(documentEntry);
  if (!first) throw new Error('no renderer is registered');
  return z.discriminatedUnion('format', [first, ...rest]);
}

/**
 * A list of at least one item (and at most `max`). Counted by refinements, which zod runs
 * only on a list: its own length checks also measure a text given where the list belongs
 * and report it a second time ("expected at most 1 item, got "hello"").
 */
function listOf<T extends z.ZodType>(item: T, max?: { count: number; message: string }) {
  return z
    .array(item)
    .superRefine((list, ctx) => {
      if (list.length === 0)
        ctx.addIssue({ code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: list });
      else if (max && list.length > max.count)
        ctx.addIssue({
          code: 'too_big',
          origin: 'array',
          maximum: max.count,
          inclusive: true,
          input: list,
          message: max.message,
        });
    })
    .meta(max ? { minItems: 1, maxItems: max.count } : { minItems: 1 });
}

/** The config schema over the renderers registered now (a format registered later joins it). */
function configShape() {
  const sections: Record<string, z.ZodType> = {};
  for (const renderer of renderers())
    if (renderer.defaultsSchema)
      sections[renderer.format] = renderer.defaultsSchema.describe(
        `Defaults for every ${renderer.format} document (its \`params\` override them).`,
      );
  return z.strictObject({
    datasets: listOf(pathOf('input'), { count: 1, message: 'one dataset per config for now' }),
    theme: pathOf('input').default('templates/theme.yaml'),
    templates: pathOf('input').default('templates'),
    charts: pathOf('input').default('templates/charts'),
    out: pathOf('out')
      .default('out')
      .describe('The folder each build replaces whole; inside the project, apart from every input.'),
    index: z
      .boolean()
      .default(true)
      .describe(
        'Write out/index.html, a page listing every output with its size and sha256 (false: no index page).',
      ),
    ...sections,
    documents: listOf(documentSchema()),
  });
}

export interface DocumentConfig {
  id: string;
  template: string;
  format: string;
  output: string;
  /** `'sectors'` or absent; refused for a format whose renderer does not fan out. */
  for?: unknown;
  /** Checked by the format's renderer schema; read through `Renderer.resolveOptions`. */
  params: unknown;
}

export interface BuildConfig {
  datasets: string[];
  theme: string;
  templates: string;
  charts: string;
  out: string;
  /** Whether the build writes out/index.html (index-page/); the schema's default is true. */
  index?: boolean;
  documents: DocumentConfig[];
  /** Each renderer's defaults section, under its format's name. */
  [section: string]: unknown;
}

export function buildConfigSchema(): z.ZodType<BuildConfig> {
  return configShape().superRefine((config: BuildConfig, ctx) => {
    const seen = new Set<string>();
    config.documents.forEach((doc, i) => {
      // Each issue carries its value: without one, zod reports the whole config ("got a mapping").
      if (seen.has(doc.id))
        ctx.addIssue({
          code: 'custom',
          message: `a unique id ("${doc.id}" is used twice)`,
          input: doc.id,
          path: ['documents', i, 'id'],
        });
      seen.add(doc.id);
      if (doc.for !== undefined && !doc.output.includes('{sector}')) {
        ctx.addIssue({
          code: 'custom',
          message: 'an output path containing {sector} (one file per sector)',
          input: doc.output,
          path: ['documents', i, 'output'],
        });
      }
    });
    checkOutputs(config, ctx);
    checkCompanions(config, ctx);
    checkOutApart(config, ctx);
  });
}

/**
 * A document's `params.evidence` (render/companion-file.ts) names, beside its own output, the
 * output of another document of the build: a sources list never points to a file out/ lacks.
 */
function checkCompanions(config: BuildConfig, ctx: z.RefinementCtx): void {
  const outputs = new Set(config.documents.map((doc) => posix.normalize(doc.output)));
  config.documents.forEach((doc, i) => {
    const params = doc.params as { evidence?: unknown } | undefined;
    if (typeof params?.evidence !== 'string') return;
    const named = posix.normalize(posix.join(posix.dirname(doc.output), params.evidence));
    if (named !== posix.normalize(doc.output) && outputs.has(named)) return;
    addProblem(
      ctx,
      {
        message: `the output of another document of this config (none writes "${named}")`,
        hint: `add a document with format: pdf, output: ${named} and params: {variant: evidence}, or leave evidence out to keep the evidence in the briefing`,
      },
      params.evidence,
      ['documents', i, 'params', 'evidence'],
    );
  });
}

/**
 * `--only` with the companions its documents name: `--only briefing` builds the evidence file
 * the briefing's sources list points to as well, so a partial build never publishes a briefing
 * that names a file out/ lacks or holds from an older build (checkCompanions above).
 */
export function withCompanions(
  config: BuildConfig,
  only: readonly string[] | undefined,
): string[] | undefined {
  if (!only) return undefined;
  const wanted = new Set(only);
  for (const doc of config.documents) {
    const chosen =
      wanted.has(doc.id) || (doc.for === 'sectors' && only.some((o) => o.startsWith(`${doc.id}-`)));
    const params = doc.params as { evidence?: unknown } | undefined;
    if (!chosen || typeof params?.evidence !== 'string') continue;
    const named = posix.normalize(posix.join(posix.dirname(doc.output), params.evidence));
    const companion = config.documents.find((other) => posix.normalize(other.output) === named);
    if (companion) wanted.add(companion.id);
  }
  return [...wanted];
}

/** Outputs that share a file; paths already refused on their own are left out. */
function checkOutputs(config: BuildConfig, ctx: z.RefinementCtx): void {
  const entries = config.documents
    .map((doc, index) => ({ index, id: doc.id, path: doc.output }))
    .filter((e) => !pathProblem(e.path, 'output'));
  for (const clash of outputClashes(entries)) {
    const doc = config.documents[clash.index];
    addProblem(ctx, clash, doc?.output, ['documents', clash.index, 'output']);
  }
}

/** out/ is replaced whole by each build: it may neither hold an input nor lie inside one. */
function checkOutApart(config: BuildConfig, ctx: z.RefinementCtx): void {
  if (pathProblem(config.out, 'out')) return;
  const inputs = inputPaths(config);
  const met = inputs.find(
    (input) => !pathProblem(input, 'input') && (isWithin(input, config.out) || isWithin(config.out, input)),
  );
  if (met === undefined) return;
  const how =
    sameFileKey(met) === sameFileKey(config.out) ? 'is' : isWithin(met, config.out) ? 'holds' : 'is inside';
  addProblem(
    ctx,
    {
      message: `a folder apart from the inputs ("${config.out}" ${how} "${met}")`,
      hint: 'each build replaces the out folder whole; keep it apart from data and templates, e.g. "out"',
    },
    config.out,
    ['out'],
  );
}

/**
 * The config with its folder paths written one way (`./out/` is `out`), so every later step
 * (out/'s state folder, the link swapped in beside it, the input hashes) sees one spelling.
 */
export async function loadConfig(file: string): Promise<Validated<BuildConfig>> {
  const loaded = await loadYamlFile(buildConfigSchema(), file);
  const config = loaded.value;
  if (!config) return loaded;
  const value: BuildConfig = {
    ...config,
    datasets: config.datasets.map(normalised),
    theme: normalised(config.theme),
    templates: normalised(config.templates),
    charts: normalised(config.charts),
    out: normalised(config.out),
  };
  return { ...loaded, value };
}
