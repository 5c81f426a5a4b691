/**
 * Data prints as written. Whatever a `{{…}}` prints (a dataset value, a helper's formatted
 * figure) is kept out of the Markdown text: the rendered Markdown holds only a placeholder
 * `U+E002 <index> U+E003` (private-use characters, no Markdown syntax), and the text itself
 * waits in a LiteralTable until the Markdown stage has read the structure. So a value with
 * `---`, `# x`, `*x*`, `|`, `<!-- … -->`, `www.x` or blank lines makes no rule, heading,
 * emphasis, cell, comment, link or block: the model gets the characters themselves.
 * Only the helpers that exist to write Markdown (`cite`, `chart`) print into the text.
 */

/** Name of the helper every printing mustache is wrapped in (ast.ts); `#` cannot start a template name. */
export const LITERAL_HELPER = '#literal';

const OPEN = '\uE002';
const CLOSE = '\uE003';
const PLACEHOLDER = /\uE002(\d+)\uE003/g;
/** Placeholder characters typed into a template must not pose as one. */
const FORGED = /[\uE002\uE003]/g;
/** A line break in data is a space, as a soft line break in a paragraph is: it never starts a block. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

export class LiteralTable {
  private readonly texts: string[] = [];

  /** The placeholder standing for `text` in the rendered Markdown ('' stays ''). */
  add(text: string): string {
    if (text === '') return '';
    this.texts.push(text);
    return `${OPEN}${this.texts.length - 1}${CLOSE}`;
  }

  /** `text` with every placeholder replaced by the text it stands for. */
  resolve(text: string): string {
    if (!text.includes(OPEN)) return text;
    return text.replace(PLACEHOLDER, (_, index: string) =>
      (this.texts[Number(index)] ?? '').replace(LINE_BREAK, ' '),
    );
  }
}

/** What Handlebars would print for a value, as text ('' for null and undefined). */
export function printed(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function withoutPlaceholderCharacters(text: string): string {
  return text.replace(FORGED, '');
}
