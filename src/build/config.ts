/**
 * `briefkit.config.yaml`: the datasets, the theme and the documents to build.
 * Validated with zod like the dataset; its JSON Schema is generated beside the data.
 */
import { z } from 'zod';
import { loadYamlFile, type Validated } from '../input/load-yaml-file.js';
import { outputClashes, reservedOutputProblem } from './config-outputs.js';
import { inputPaths, isWithin, type PathProblem, type PathRole, pathProblem } from './config-paths.js';

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

export const DocumentConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id of letters, digits and hyphens'),
  template: pathOf('template').describe('Template file under the templates folder, e.g. briefing.md.hbs.'),
  format: z.enum(['pdf', 'pptx']),
  output: pathOf('output').describe(
    'Output path under out/; with `for: sectors`, {sector} is replaced by the sector id.',
  ),
  for: z.enum(['sectors']).optional().describe('Build one document per entry of this dataset list.'),
  params: z
    .strictObject({
      variant: z.enum(['briefing', 'one-pager']).optional(),
      pageSize: z.enum(['A4', 'LETTER']).optional(),
      pdfa: z.boolean().optional(),
    })
    .default({}),
});

const BuildConfigShape = z.strictObject({
  datasets: z.array(pathOf('input')).min(1).max(1, 'one dataset per config for now'),
  theme: pathOf('input').default('templates/theme.yaml'),
  templates: pathOf('input').default('templates'),
  charts: pathOf('input').default('templates/charts'),
  out: pathOf('out')
    .default('out')
    .describe('The folder each build replaces whole; inside the project, apart from every input.'),
  pdf: z
    .strictObject({ pageSize: z.enum(['A4', 'LETTER']).default('A4'), pdfa: z.boolean().default(false) })
    .default({ pageSize: 'A4', pdfa: false }),
  documents: z.array(DocumentConfig).min(1),
});

export const BuildConfig = BuildConfigShape.superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.documents.forEach((doc, i) => {
    if (seen.has(doc.id))
      ctx.addIssue({
        code: 'custom',
        message: `a unique id ("${doc.id}" is used twice)`,
        path: ['documents', i, 'id'],
      });
    seen.add(doc.id);
    if (doc.for && !doc.output.includes('{sector}')) {
      ctx.addIssue({
        code: 'custom',
        message: 'an output path containing {sector} (one file per sector)',
        path: ['documents', i, 'output'],
      });
    }
  });
  checkOutputs(config, ctx);
  checkOutApart(config, ctx);
});

type ParsedConfig = z.output<typeof BuildConfigShape>;

/** Outputs that share a file; paths already refused on their own are left out. */
function checkOutputs(config: ParsedConfig, ctx: z.RefinementCtx): void {
  const entries = config.documents
    .map((doc, index) => ({ index, id: doc.id, path: doc.output }))
    .filter((e) => !pathProblem(e.path, 'output'));
  for (const clash of outputClashes(entries)) {
    const doc = config.documents[clash.index];
    addProblem(ctx, clash, doc?.output, ['documents', clash.index, 'output']);
  }
}

/** out/ is replaced whole by each build: it may neither hold an input nor lie inside one. */
function checkOutApart(config: ParsedConfig, ctx: z.RefinementCtx): void {
  if (pathProblem(config.out, 'out')) return;
  const inputs = inputPaths(config);
  const met = inputs.find(
    (input) => !pathProblem(input, 'input') && (isWithin(input, config.out) || isWithin(config.out, input)),
  );
  if (met === undefined) return;
  addProblem(
    ctx,
    {
      message: `a folder apart from the inputs ("${config.out}" ${isWithin(met, config.out) ? 'holds' : 'is inside'} "${met}")`,
      hint: 'each build replaces the out folder whole; keep it apart from data and templates, e.g. "out"',
    },
    config.out,
    ['out'],
  );
}

export type BuildConfig = z.output<typeof BuildConfig>;
export type DocumentConfig = z.output<typeof DocumentConfig>;

export function loadConfig(file: string): Promise<Validated<BuildConfig>> {
  return loadYamlFile(BuildConfig, file);
}
