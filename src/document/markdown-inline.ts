/**
 * marked inline tokens → model inline runs. Citations arrive as `citation` tokens from the
 * footnote-reference extension (`[^source-id]`) and are numbered through the render state.
 * Text the templates printed arrives as placeholders (literal.ts) and is put back here, after
 * marked has read the structure: it becomes text runs, never Markdown.
 */
import type { Token, Tokens } from 'marked';
import type { Inline } from './model.js';

export interface InlineContext {
  /** Number of a cited source, or undefined when the id is unknown (the caller reports it). */
  cite(id: string): number | undefined;
  unknownSource(id: string): void;
  /** An inline image that is not a standalone chart: reported, its alt text kept. */
  strayImage(href: string): void;
  /** Puts back the printed texts that placeholders stand for (literal.ts). */
  literal(text: string): string;
}

export interface CitationToken {
  type: 'citation';
  raw: string;
  id: string;
  /** Indices into the source's quoted sentences (SourceEntry.quotes). */
  quotes?: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * Decodes the HTML entities CommonMark recognises in Markdown text (named basics, `&nbsp;` and
 * numeric): Markdown's entities, not XML's, whose decoder is text/xml.ts `decodeEntities`.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const SAFE_LINK = /^(https?:|mailto:)/i;

export function toInlines(tokens: readonly Token[] | undefined, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) out.push(...toInline(token, ctx));
  return mergeText(out);
}

function toInline(token: Token, ctx: InlineContext): Inline[] {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      // A list item's text token nests inline tokens; a plain one carries the text itself.
      if (t.tokens && t.tokens.length > 0) return toInlines(t.tokens, ctx);
      return [text(ctx.literal(decodeHtmlEntities(t.text)))];
    }
    case 'escape':
      return [text((token as Tokens.Escape).text)];
    case 'codespan':
      return [text(ctx.literal(decodeHtmlEntities((token as Tokens.Codespan).text)))];
    case 'strong':
      return [{ type: 'strong', children: toInlines((token as Tokens.Strong).tokens, ctx) }];
    case 'em':
      return [{ type: 'emphasis', children: toInlines((token as Tokens.Em).tokens, ctx) }];
    case 'del':
      return toInlines((token as Tokens.Del).tokens, ctx);
    case 'br':
      return [{ type: 'break' }];
    case 'link': {
      const link = token as Tokens.Link;
      const children = toInlines(link.tokens, ctx);
      const url = ctx.literal(link.href);
      // Only web and mail links: a PDF reader must never be sent to a local file or script.
      return SAFE_LINK.test(url) ? [{ type: 'link', url, children }] : children;
    }
    case 'image': {
      const image = token as Tokens.Image;
      ctx.strayImage(ctx.literal(image.href));
      return [text(plainText(image.tokens, ctx.literal) || ctx.literal(image.text))];
    }
    case 'html': {
      const raw = (token as Tokens.HTML).text;
      // Comments are directives or notes, handled at block level; other HTML is kept as text.
      return raw.trimStart().startsWith('<!--') ? [] : [text(ctx.literal(raw))];
    }
    case 'citation': {
      const token_ = token as unknown as CitationToken;
      const id = ctx.literal(token_.id);
      const number = ctx.cite(id);
      if (number === undefined) {
        ctx.unknownSource(id);
        return [];
      }
      return [
        { type: 'citation', number, sourceId: id, ...(token_.quotes ? { quotes: token_.quotes } : {}) },
      ];
    }
    default:
      return 'text' in token && typeof token.text === 'string'
        ? [text(ctx.literal(decodeHtmlEntities(token.text)))]
        : [];
  }
}

function text(value: string): Inline {
  // Soft line breaks inside a paragraph are spaces.
  return { type: 'text', text: value.replace(/\n/g, ' ') };
}

/** Joins adjacent text runs, so "R", "&", "D" from escapes read as one run "R&D". */
export function mergeText(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

/** The visible text of inline tokens (alt text), printed texts put back by `literal`. */
export function plainText(tokens: readonly Token[] | undefined, literal: (text: string) => string): string {
  let out = '';
  for (const token of tokens ?? []) {
    if (token.type === 'citation' || token.type === 'html') continue;
    const nested = (token as { tokens?: Token[] }).tokens;
    if (nested && nested.length > 0) out += plainText(nested, literal);
    else if ('text' in token && typeof token.text === 'string')
      out += literal(decodeHtmlEntities(token.text));
  }
  return out.replace(/\n/g, ' ');
}

/** Visible text of model inlines. */
export function inlineText(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if (run.type === 'text') return run.text;
      if (run.type === 'citation') return '';
      if (run.type === 'break') return ' ';
      return inlineText(run.children);
    })
    .join('');
}

/** Removes leading/trailing whitespace of a run list (a cell, an item). */
export function trimInlines(runs: Inline[]): Inline[] {
  const out = [...runs];
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', text: first.text.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text.trimEnd() };
  return out.filter((run) => run.type !== 'text' || run.text !== '');
}
