/**
 * The field names a template may read: every key the dataset schema declares, plus what the
 * context and helpers add. A path through any other name (a typo, `constructor`, `split`…)
 * is refused before rendering, with a did-you-mean hint, so it can neither fail silently
 * nor reach a JavaScript internal.
 */
import type { z } from 'zod';
import { PolicyDataset } from '../dataset/schema.js';

interface DefView {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
}

function defOf(schema: z.ZodType): DefView {
  return (schema as unknown as { _zod: { def: DefView } })._zod.def;
}

function collect(schema: z.ZodType, into: Set<string>): void {
  const def = defOf(schema);
  if (def.innerType) collect(def.innerType, into);
  if (def.element) collect(def.element, into);
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    into.add(key);
    collect(field, into);
  }
}

/** Added by the context (`charts`, `sector`), the chart catalogue and `citedSources`; `length` of lists; `relatedSectors`' `shared`. */
const EXTRA = [
  'charts',
  'sector',
  'id',
  'title',
  'description',
  'number',
  'label',
  'url',
  'length',
  'shared',
];

/** Made once: the field names come from the dataset schema, which is code, not a build's input. */
let cached: ReadonlySet<string> | undefined;

export function knownFieldNames(): ReadonlySet<string> {
  if (!cached) {
    const names = new Set<string>(EXTRA);
    collect(PolicyDataset, names);
    cached = names;
  }
  return cached;
}

/** Handlebars' data variables (`@index`, `@root`…). */
export const DATA_VARIABLES: ReadonlySet<string> = new Set(['root', 'index', 'key', 'first', 'last']);
