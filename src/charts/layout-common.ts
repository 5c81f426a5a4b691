/**
 * Shared by the layout steps (layout.ts, layout-rows.ts, layout-columns.ts, layout-legend.ts):
 * what a layout step gets, a walk over a spec's layers, and the rewrapping of a row's label.
 */

import type { Row } from '../derive/types.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { type WrapRule, wrapText } from './label-wrap.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** Largest share of the chart's width the category labels down its side may take. */
export const LABEL_SHARE = 0.38;

export interface LayoutContext {
  measurer: TextMeasurer;
  theme: Theme;
  chartWidth: number;
  /** The spec's own table: the rows whose labels are laid out. */
  table: string;
  rules: readonly WrapRule[];
  /** The chart is one part of several (page-fit.ts): every part gets the same label column. */
  continued?: boolean;
}

export type Visit = (node: JsonObject, encoding: JsonObject) => void;

/** Calls `visit` on the spec and every layer, with the node's encoding (created if absent). */
export function eachNode(node: JsonObject, visit: Visit): void {
  const encoding = isObject(node.encoding) ? node.encoding : {};
  visit(node, encoding);
  if (Object.keys(encoding).length > 0) node.encoding = encoding;
  if (Array.isArray(node.layer)) for (const layer of node.layer) if (isObject(layer)) eachNode(layer, visit);
}

/** Air between the wrapped labels of neighbouring rows, px. */
export const LINE_GAP = 8;
/**
 * A value axis' labels within this many px of either end are aligned inwards (vega's
 * labelFlush threshold): a year centred on a tick in the scale's 14 px padding ran past the
 * canvas; 36 px holds the half of a 70 px label ("1,000,000,000").
 */
export const FLUSH = 36;

/** vega sets a multi-line text's lines fontSize + 2 apart. */
export const lineHeight = (size: number) => size + 2;

const DISCRETE = new Set(['nominal', 'ordinal']);

/** The field of a discrete position channel, from the spec or any layer. */
export function discreteField(spec: JsonObject, channel: 'x' | 'y'): string | undefined {
  let field: string | undefined;
  eachNode(spec, (_node, encoding) => {
    const enc = encoding[channel];
    if (isObject(enc) && typeof enc.field === 'string' && DISCRETE.has(String(enc.type))) field ??= enc.field;
  });
  return field;
}

/** A field's value as text ('' for none). */
export function textOf(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** Lines of a wrapped text. */
export const linesOf = (text: string) => (text === '' ? 0 : text.split('\n').length);

/**
 * Each row's text, numbered where rows of different keys share it: a band per text would
 * otherwise draw two records (two sectors of one name) as one.
 */
function distinctTexts(rows: readonly Row[], rule: WrapRule): string[] {
  const texts = rows.map((row) => textOf(row[rule.field] as Json));
  const key = rule.key;
  if (key === undefined) return texts;
  const keysOf = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const keys = keysOf.get(texts[i] ?? '') ?? [];
    const k = textOf(row[key] as Json);
    if (!keys.includes(k)) keys.push(k);
    keysOf.set(texts[i] ?? '', keys);
  });
  return rows.map((row, i) => {
    const text = texts[i] ?? '';
    const keys = keysOf.get(text) ?? [];
    return keys.length > 1 ? `${text} (${keys.indexOf(textOf(row[key] as Json)) + 1})` : text;
  });
}

/** Rewraps a rule's field at `width` in every row; returns the most lines and the widest line. */
export function rewrap(
  rows: Row[],
  rule: WrapRule,
  width: number,
  context: LayoutContext,
): { lines: number; widest: number } {
  const size = rule.size ?? context.theme.sizes.chartLabel;
  const measure = (s: string) => context.measurer.width(s, size, rule.bold === true);
  const texts = distinctTexts(rows, rule);
  let lines = 0;
  let widest = 0;
  for (const [i, row] of rows.entries()) {
    const wrapped = wrapText(texts[i] ?? '', width, measure);
    row[rule.as] = wrapped;
    lines = Math.max(lines, linesOf(wrapped));
    for (const line of wrapped.split('\n')) widest = Math.max(widest, measure(line));
  }
  return { lines, widest };
}
