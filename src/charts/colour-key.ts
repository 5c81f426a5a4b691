/**
 * `usermeta.briefkit.colourKey: {field, none, colours}`: colour that a reader can decode on any
 * dataset. Each category of `field` (one value per row, e.g. a record's primary sector) gets one
 * of the palette's first `colours` colours, in text order; rows whose value is `none` (a target
 * with no sector) get the theme's muted grey, and `none` is in the legend only when such a row is
 * drawn. With more categories than `colours` the colour goes (one colour, no legend): the data
 * table names each row's category. The Japan timeline's legend had eight entries, black and a
 * grey among them, and combined categories as colours of their own (the editorial review).
 * Categories come from all the rows of a continued chart, so a category keeps its colour.
 */

import { compareText } from '../derive/compare-text.js';
import type { Row } from '../derive/types.js';
import type { Theme } from '../theme/schema.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

interface ColourKey {
  field: string;
  none?: string;
  colours: number;
}

function colourKey(meta: Json | undefined, theme: Theme): ColourKey | undefined {
  if (!isObject(meta) || typeof meta.field !== 'string') return undefined;
  const palette = theme.colours.palette.length;
  const colours =
    typeof meta.colours === 'number' && meta.colours > 0 ? Math.min(meta.colours, palette) : palette;
  return { field: meta.field, colours, ...(typeof meta.none === 'string' ? { none: meta.none } : {}) };
}

function rewrite(node: JsonObject, field: string, color: JsonObject | undefined): JsonObject {
  const out: JsonObject = { ...node };
  if (isObject(out.encoding)) {
    const encoding = { ...out.encoding };
    const enc = encoding.color;
    if (isObject(enc) && enc.field === field) {
      if (color) encoding.color = { ...enc, scale: { ...(isObject(enc.scale) ? enc.scale : {}), ...color } };
      else delete encoding.color;
    }
    out.encoding = encoding;
  }
  if (Array.isArray(out.layer))
    out.layer = out.layer.map((l) => (isObject(l) ? rewrite(l, field, color) : l));
  return out;
}

/** The spec with its colour scale stated from `rows` (all parts' rows), or without colour. */
export function applyColourKey(
  spec: JsonObject,
  meta: Json | undefined,
  rows: readonly Row[],
  theme: Theme,
): JsonObject {
  const key = colourKey(meta, theme);
  if (!key) return spec;
  const values = new Set(rows.map((r) => String(r[key.field] ?? '')));
  const hasNone = key.none !== undefined && values.delete(key.none);
  const categories = [...values].sort(compareText);
  if (categories.length > key.colours) return rewrite(spec, key.field, undefined);
  const domain = [...categories, ...(hasNone && key.none !== undefined ? [key.none] : [])];
  const range = [
    ...theme.colours.palette.slice(0, categories.length),
    ...(hasNone ? [theme.colours.muted] : []),
  ];
  return rewrite(spec, key.field, { domain, range });
}
