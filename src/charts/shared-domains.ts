/**
 * The parts of a chart continued over several figures (page-fit.ts) are read as one chart: a
 * year, a colour or a position must mean the same in every part. The scale rule already gives
 * its value field one domain (scale-rule.ts); this gives every other quantitative position field
 * (a timeline's years, the start of its dashed lines) the extent of all the parts' rows, and a
 * nominal colour field all the parts' categories in one order, so part 2's "2031" is on an axis
 * that reaches 2031 and a sector keeps its colour from part to part. A domain the spec states is
 * kept; a field the rows do not have (a transform's) is left to vega.
 */
import type { Row } from '../derive/types.js';
import { isObject, type JsonObject } from './spec-file.js';

const POSITIONS = ['x', 'y'] as const;

/** Every encoding object in the spec and its layers, with its layer's encodings. */
export function encodingsOf(node: JsonObject, out: JsonObject[] = []): JsonObject[] {
  if (isObject(node.encoding)) out.push(node.encoding);
  if (Array.isArray(node.layer)) for (const layer of node.layer) if (isObject(layer)) encodingsOf(layer, out);
  return out;
}

/** Quantitative fields drawn on `channel` (with their `…2` ends) in any layer (charts/year-axis.ts too). */
export function positionFields(encodings: readonly JsonObject[], channel: 'x' | 'y'): Set<string> {
  const fields = new Set<string>();
  for (const encoding of encodings) {
    const enc = encoding[channel];
    if (!isObject(enc) || enc.type !== 'quantitative' || typeof enc.field !== 'string') continue;
    fields.add(enc.field);
    const end = encoding[`${channel}2`];
    if (isObject(end) && typeof end.field === 'string') fields.add(end.field);
  }
  return fields;
}

/** The least and greatest finite number the rows hold in `fields` (charts/year-axis.ts too). */
export function extent(rows: readonly Row[], fields: ReadonlySet<string>): [number, number] | undefined {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of rows)
    for (const field of fields) {
      const v = row[field];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  return low <= high ? [low, high] : undefined;
}

function withDomain(enc: JsonObject, domain: (number | string)[]): JsonObject {
  const scale = isObject(enc.scale) ? enc.scale : {};
  if (scale.domain !== undefined || scale.type === 'log') return enc;
  return { ...enc, scale: { ...scale, domain } };
}

function rewrite(node: JsonObject, domains: Map<string, (number | string)[]>): JsonObject {
  const out: JsonObject = { ...node };
  if (isObject(out.encoding)) {
    const encoding = { ...out.encoding };
    for (const channel of [...POSITIONS, 'color'] as const) {
      const enc = encoding[channel];
      if (!isObject(enc) || typeof enc.field !== 'string') continue;
      const domain = domains.get(`${channel}:${enc.field}`);
      if (domain) encoding[channel] = withDomain(enc, domain);
    }
    out.encoding = encoding;
  }
  if (Array.isArray(out.layer))
    out.layer = out.layer.map((layer) => (isObject(layer) ? rewrite(layer, domains) : layer));
  return out;
}

/** `spec` (one part) with the domains of all the parts' rows (`whole`). */
export function shareDomains(spec: JsonObject, whole: readonly Row[]): JsonObject {
  const encodings = encodingsOf(spec);
  const domains = new Map<string, (number | string)[]>();
  for (const channel of POSITIONS) {
    const fields = positionFields(encodings, channel);
    const range = extent(whole, fields);
    if (range) for (const field of fields) domains.set(`${channel}:${field}`, range);
  }
  for (const encoding of encodings) {
    const color = encoding.color;
    if (!isObject(color) || color.type !== 'nominal' || typeof color.field !== 'string') continue;
    const field = color.field;
    if (!whole.some((row) => field in row)) continue;
    const values = [...new Set(whole.map((row) => String(row[field] ?? '')))].sort();
    domains.set(`color:${field}`, values);
  }
  return rewrite(spec, domains);
}
