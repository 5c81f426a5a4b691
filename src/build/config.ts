/**
 * `briefkit.config.yaml`: the datasets, the theme and the documents to build.
 * Validated with zod like the dataset; its JSON Schema is generated beside the data.
 */
import { z } from 'zod';
import { loadYamlFile, type Validated } from '../input/load-yaml-file.js';

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.includes('\0'), 'a path without NUL characters');

export const DocumentConfig = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id of letters, digits and hyphens'),
  template: relativePath.describe('Template file under the templates folder, e.g. briefing.md.hbs.'),
  format: z.enum(['pdf', 'pptx']),
  output: relativePath
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a path inside the output folder')
    .describe('Output path under out/; with `for: sectors`, {sector} is replaced by the sector id.'),
  for: z.enum(['sectors']).optional().describe('Build one document per entry of this dataset list.'),
  params: z
    .strictObject({
      variant: z.enum(['briefing', 'one-pager']).optional(),
      pageSize: z.enum(['A4', 'LETTER']).optional(),
      pdfa: z.boolean().optional(),
    })
    .default({}),
});

export const BuildConfig = z
  .strictObject({
    datasets: z.array(relativePath).min(1).max(1, 'one dataset per config for now'),
    theme: relativePath.default('templates/theme.yaml'),
    templates: relativePath.default('templates'),
    charts: relativePath.default('templates/charts'),
    out: relativePath.default('out'),
    pdf: z
      .strictObject({ pageSize: z.enum(['A4', 'LETTER']).default('A4'), pdfa: z.boolean().default(false) })
      .default({ pageSize: 'A4', pdfa: false }),
    documents: z.array(DocumentConfig).min(1),
  })
  .superRefine((config, ctx) => {
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
  });

export type BuildConfig = z.output<typeof BuildConfig>;
export type DocumentConfig = z.output<typeof DocumentConfig>;

export function loadConfig(file: string): Promise<Validated<BuildConfig>> {
  return loadYamlFile(BuildConfig, file);
}
