/**
 * `<!-- priority: N -->` and `<!-- more: … -->`: what a page that must fit (the sector
 * one-pager) may leave out, and the line that says so. The renderer does the leaving out
 * (src/render/pdf/one-pager-fit.ts); here the directives are read and checked.
 */
import type { Assembly } from './assemble.js';
import type { MoreLine, TemplatePosition } from './model.js';

/** The priority a directive sets, or undefined (reported) when it is not a whole number ≥ 1. */
export function parsePriority(
  value: string,
  pos: TemplatePosition | undefined,
  a: Assembly,
): number | undefined {
  const text = a.literal(value).trim();
  if (/^[1-9]\d{0,2}$/.test(text)) return Number(text);
  a.report(
    'TEMPLATE_SYNTAX',
    `<!-- priority: ${text} --> needs a whole number from 1 (always kept) upwards`,
    pos,
    'write <!-- priority: 2 --> before a block or a # heading: higher numbers are shortened or dropped first',
  );
  return undefined;
}

/**
 * The two forms of a `more` line: `<!-- more: {count} more programme | {count} more programmes -->`
 * (one form is used for every count). The form used for several must state the count. A whole
 * number first (`<!-- more: 5 | … | … -->`) caps the list: at most that many items are shown,
 * the line counts the rest, and the page may shorten it further.
 */
export function parseMore(
  value: string,
  pos: TemplatePosition | undefined,
  a: Assembly,
): MoreLine | undefined {
  const all = a
    .literal(value)
    .split('|')
    .map((part) => part.trim());
  const capped = all.length > 1 && /^[1-9]\d{0,2}$/.test(all[0] ?? '');
  const parts = capped ? all.slice(1) : all;
  const [one = '', many = one] = parts;
  if (parts.length <= 2 && one !== '' && many.includes('{count}'))
    return capped ? { one, many, max: Number(all[0]) } : { one, many };
  a.report(
    'TEMPLATE_SYNTAX',
    `<!-- more: ${value.trim()} --> needs one or two forms, the last with {count}`,
    pos,
    'write <!-- more: {count} more programme in the full briefing | {count} more programmes in the full briefing --> before a list (a whole number first caps it: <!-- more: 5 | … | … -->)',
  );
  return undefined;
}
