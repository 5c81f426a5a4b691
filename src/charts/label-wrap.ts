/**
 * Line-wrapping of long labels by the font's measured widths, asked for in a spec by
 * `usermeta.briefkit.wrap: [{field, as, width}]`. The wrapped text holds "\n", which a
 * spec splits for axis labels (`labelExpr: "split(datum.label, '\n')"`) or passes to
 * text marks with `lineBreak: "\n"`. Optional: `bold: true` and `size` measure the text
 * as the mark draws it; `width: "cell"` with `inset` wraps at a grid card's width less
 * the inset (grid.ts).
 */
import type { Row } from '../derive/types.js';
import { breakWords, hyphenate, whitespaceWords } from '../text/line-break.js';
import type { TextMeasurer } from '../theme/metrics.js';
import { isObject, type Json } from './spec-file.js';

export interface WrapRule {
  field: string;
  as: string;
  /** Pixels, or "cell": the width of a grid card less `inset`. */
  width: number | 'cell';
  inset?: number;
  bold?: boolean;
  /** Font size the mark draws the text at; the theme's chart label size when absent. */
  size?: number;
  /**
   * The field that tells rows apart (an id): rows of different keys whose text is the same are
   * numbered, "Name (1)", "Name (2)", so that a chart banding by the text keeps them apart (layout.ts).
   */
  key?: string;
  /**
   * `inRow: true`: the text is drawn inside the row of a chart with labelled rows down the side
   * (a value beside its mark), so its lines count toward the row's height as the label's do (layout-rows.ts).
   */
  inRow?: boolean;
}

function wrapRule(rule: Json): WrapRule[] {
  if (!isObject(rule) || typeof rule.field !== 'string' || typeof rule.as !== 'string') return [];
  const width = rule.width;
  if (typeof width !== 'number' && width !== 'cell') return [];
  return [
    {
      field: rule.field,
      as: rule.as,
      width,
      ...(typeof rule.inset === 'number' ? { inset: rule.inset } : {}),
      ...(rule.bold === true ? { bold: true } : {}),
      ...(typeof rule.size === 'number' && rule.size > 0 ? { size: rule.size } : {}),
      ...(typeof rule.key === 'string' ? { key: rule.key } : {}),
      ...(rule.inRow === true ? { inRow: true } : {}),
    },
  ];
}

export function wrapRules(meta: Json | undefined): WrapRule[] {
  return Array.isArray(meta) ? meta.flatMap(wrapRule) : [];
}

/** The rule's width in pixels; a "cell" rule without a grid wraps at `fallback`. */
function ruleWidth(rule: WrapRule, cellWidth: number | undefined, fallback: number): number {
  if (rule.width !== 'cell') return rule.width;
  return Math.max(1, (cellWidth ?? fallback) - (rule.inset ?? 0));
}

/**
 * Greedy word wrap by the shared line breaker (text/line-break.ts): lines break between words;
 * only a word longer than the width is cut, into hyphenated pieces that fit (an unbreakable
 * 160-letter name drawn whole ran far past the canvas and made the PNG rasteriser abort);
 * "\n" is kept; other whitespace collapses to one space.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string {
  const space = measure(' ');
  return text
    .split('\n')
    .map((paragraph) => {
      const words = whitespaceWords(paragraph)
        .flatMap((word) => hyphenate(word, measure, width))
        .map((word) => ({ text: word, width: measure(word), space }));
      return breakWords(words, width)
        .map((line) => line.map((word) => word.text).join(' '))
        .join('\n');
    })
    .join('\n');
}

export interface WrapContext {
  measurer: TextMeasurer;
  /** The theme's chart label size: the default font size. */
  size: number;
  /** The chart's width: what a "cell" rule wraps at when the chart has no grid. */
  chartWidth: number;
  /** The width of one grid card, when the spec lays its rows out as cards. */
  cellWidth?: number;
}

export function applyWraps(rows: readonly Row[], rules: readonly WrapRule[], context: WrapContext): Row[] {
  if (rules.length === 0) return [...rows];
  return rows.map((row) => {
    const out: Row = { ...row };
    for (const rule of rules) {
      const value = row[rule.field];
      const size = rule.size ?? context.size;
      const measure = (s: string) => context.measurer.width(s, size, rule.bold === true);
      const width = ruleWidth(rule, context.cellWidth, context.chartWidth);
      out[rule.as] = typeof value === 'string' ? wrapText(value, width, measure) : (value ?? null);
    }
    return out;
  });
}

/**
 * `usermeta.briefkit.measure: [{field, as}]`: each row's text of `field` measured in the theme's
 * chart label size, px, as `as`, so a spec can print a value only where it fits (the targets
 * timeline's values beside their diamonds); where it does not, the data table gives it.
 */
export function applyMeasures(rows: readonly Row[], meta: Json | undefined, context: WrapContext): Row[] {
  const rules = Array.isArray(meta)
    ? meta.flatMap((r) =>
        isObject(r) && typeof r.field === 'string' && typeof r.as === 'string'
          ? [{ field: r.field, as: r.as }]
          : [],
      )
    : [];
  if (rules.length === 0) return [...rows];
  return rows.map((row) => {
    const out: Row = { ...row };
    for (const rule of rules) {
      const value = row[rule.field];
      out[rule.as] =
        typeof value === 'string' ? Math.ceil(context.measurer.width(value, context.size, false)) : 0;
    }
    return out;
  });
}
