/** Shared by layout.ts and layout-legend.ts: what a layout step gets, and a walk over a spec's layers. */
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import type { WrapRule } from './label-wrap.js';
import { isObject, type JsonObject } from './spec-file.js';

/** Largest share of the chart's width the category labels down its side may take. */
export const LABEL_SHARE = 0.38;

export interface LayoutContext {
  measurer: TextMeasurer;
  theme: Theme;
  chartWidth: number;
  /** The spec's own table: the rows whose labels are laid out. */
  table: string;
  rules: readonly WrapRule[];
}

export type Visit = (node: JsonObject, encoding: JsonObject) => void;

/** Calls `visit` on the spec and every layer, with the node's encoding (created if absent). */
export function eachNode(node: JsonObject, visit: Visit): void {
  const encoding = isObject(node.encoding) ? node.encoding : {};
  visit(node, encoding);
  if (Object.keys(encoding).length > 0) node.encoding = encoding;
  if (Array.isArray(node.layer)) for (const layer of node.layer) if (isObject(layer)) eachNode(layer, visit);
}
