/**
 * Marp-style directives in HTML comments. `<!-- name: value -->` with a known name is a
 * directive (Marp's `_name` scoped spelling is accepted too); any other comment is a speaker
 * note, as in Marp. Known names are listed in DIRECTIVES and documented in docs/templates.md.
 */
import type { Item } from './markdown.js';
import type { TemplatePosition } from './model.js';

export const DIRECTIVES = new Set([
  'title',
  'subtitle',
  'shortTitle',
  'layout',
  'notes',
  'kpi',
  'takeaways',
  'pagebreak',
  'column',
  'priority',
  'more',
]);

const ALIASES: Record<string, string> = {
  'short-title': 'shortTitle',
  'page-break': 'pagebreak',
  newpage: 'pagebreak',
  note: 'notes',
};

/**
 * Removes CommonMark backslash escapes a template author typed in comment text. Printed data
 * is still a placeholder at this point (literal.ts), so its backslashes are kept as written.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Plain text of a note or value: lines joined with spaces, blank lines kept as paragraph breaks. */
export function plainNote(text: string): string {
  return unescapeMarkdown(text)
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' '),
    )
    .filter((para) => para !== '')
    .join('\n');
}

/**
 * Items from an HTML block: each comment becomes a directive or a note; any other HTML is
 * handed to `other` (kept as text: there is no HTML in a PDF or a deck).
 */
export function parseComments(
  html: string,
  pos: TemplatePosition | undefined,
  other: (raw: string) => Item[],
): Item[] {
  const items: Item[] = [];
  let rest = html.trim();
  while (rest !== '') {
    const open = rest.indexOf('<!--');
    if (open !== 0) {
      const until = open < 0 ? rest.length : open;
      items.push(...other(rest.slice(0, until).trim()));
      rest = rest.slice(until).trim();
      continue;
    }
    const close = rest.indexOf('-->');
    const body = close < 0 ? rest.slice(4) : rest.slice(4, close);
    rest = close < 0 ? '' : rest.slice(close + 3).trim();
    items.push(commentItem(body, pos));
  }
  return items;
}

function commentItem(body: string, pos: TemplatePosition | undefined): Item {
  const trimmed = body.trim();
  const colon = trimmed.indexOf(':');
  const head = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim().replace(/^_/, '');
  const name = ALIASES[head] ?? head;
  if (DIRECTIVES.has(name) && (colon >= 0 || !/\s/.test(head))) {
    const value = colon < 0 ? '' : plainNote(trimmed.slice(colon + 1));
    return { kind: 'directive', name, value, pos };
  }
  return { kind: 'note', text: plainNote(trimmed), pos };
}
