/**
 * Line-wrapping of long labels by the font's measured widths, asked for in a spec by
 * `usermeta.briefkit.wrap: [{field, as, width}]`. The wrapped text holds "\n", which a
 * spec splits for axis labels (`labelExpr: "split(datum.label, '\n')"`) or passes to
 * text marks with `lineBreak: "\n"`.
 */
import type { Row } from '../derive/types.js';
import type { TextMeasurer } from '../theme/metrics.js';
import { isObject, type Json } from './spec-file.js';

export interface WrapRule {
  field: string;
  as: string;
  width: number;
}

export function wrapRules(meta: Json | undefined): WrapRule[] {
  if (!Array.isArray(meta)) return [];
  return meta.flatMap((rule): WrapRule[] =>
    isObject(rule) &&
    typeof rule.field === 'string' &&
    typeof rule.as === 'string' &&
    typeof rule.width === 'number'
      ? [{ field: rule.field, as: rule.as, width: rule.width }]
      : [],
  );
}

/** Greedy word wrap; a word longer than the width gets a line of its own; "\n" is kept. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string {
  return text
    .split('\n')
    .map((paragraph) => wrapLine(paragraph, width, measure))
    .join('\n');
}

function wrapLine(text: string, width: number, measure: (s: string) => number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function applyWraps(
  rows: readonly Row[],
  rules: readonly WrapRule[],
  measurer: TextMeasurer,
  size: number,
): Row[] {
  if (rules.length === 0) return [...rows];
  const measure = (s: string) => measurer.width(s, size);
  return rows.map((row) => {
    const out: Row = { ...row };
    for (const rule of rules) {
      const value = row[rule.field];
      out[rule.as] = typeof value === 'string' ? wrapText(value, rule.width, measure) : (value ?? null);
    }
    return out;
  });
}
