/**
 * The text a chart draws, for the glyph check (src/document/coverage.ts) before any drawing:
 * every string of its spec with the dataset's tokens filled in, at the spec's line:column, and
 * the string cells and column labels of its table. A character of the data is then reported at
 * the dataset field holding it, one the spec writes at the spec line: never tofu in a drawing.
 * No vega here: planning and `briefkit validate` run it.
 */
import type { Dataset } from '../dataset/schema.js';
import type { ShownText } from '../document/shown-text.js';
import type { ChartInstance } from './catalogue.js';
import { isObject, type Json } from './spec-file.js';
import { specTokens, substitute } from './tokens.js';

/** Spec keys whose strings are never drawn: the schema's address and the spec's own description. */
const NOT_DRAWN = new Set(['$schema', 'description']);

type Path = (string | number)[];

function strings(node: Json, path: Path, out: { path: Path; text: string }[]): void {
  if (typeof node === 'string') out.push({ path, text: node });
  else if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) strings(item, [...path, i], out);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (!NOT_DRAWN.has(key)) strings(value, [...path, key], out);
    }
  }
}

export function chartTexts(instance: ChartInstance, dataset: Dataset): ShownText[] {
  const { spec } = instance;
  const at = (path: Path) => ({ template: spec.file, ...spec.source.locate(path) });
  const filled = substitute(spec.spec, specTokens(dataset, instance.sector), () => {});
  const found: { path: Path; text: string }[] = [];
  strings(filled, [], found);
  const out: ShownText[] = found.map(({ path, text }) => ({ text, pos: at(path) }));
  // The table's rows come from the dataset (the check finds the field) or from wording the
  // derived tables write; either is drawn where the spec names its data.
  const data = at(['data']);
  for (const column of instance.table.columns)
    out.push({ text: `${column.label} ${column.unit ?? ''}`, pos: data });
  for (const row of instance.table.rows) {
    for (const value of Object.values(row))
      if (typeof value === 'string') out.push({ text: value, pos: data });
  }
  return out;
}
