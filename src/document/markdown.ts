/**
 * Rendered Markdown → a flat list of items (blocks, directives, notes, rules) with template
 * positions. Uses marked's lexer (CommonMark + GFM tables) plus one inline extension for
 * footnote references `[^source-id]`; no regular expression reads Markdown structure.
 * Text printed by `{{…}}` is a placeholder here (literal.ts), so it has no structure to read;
 * directive and note texts keep their placeholders until the model is assembled (the deck
 * numbers citations in notes first, and a `[^id]` inside data must not count as one).
 */
import { Marked, type Token, type TokenizerExtension, type Tokens } from 'marked';
import { parseComments } from './directives.js';
import { type InlineContext, inlineText, plainText, toInlines, trimInlines } from './markdown-inline.js';
import type { Align, Block, Inline, TemplatePosition } from './model.js';
import type { LineMap } from './positions.js';

export type Item =
  | { kind: 'block'; block: Block; pos?: TemplatePosition }
  | { kind: 'directive'; name: string; value: string; pos?: TemplatePosition }
  | { kind: 'note'; text: string; pos?: TemplatePosition }
  | { kind: 'rule'; pos?: TemplatePosition };

/** Footnote reference `[^id]`: the citation syntax `{{cite}}` writes and analysts may type. */
const citationExtension: TokenizerExtension = {
  name: 'citation',
  level: 'inline',
  start(src: string) {
    const index = src.indexOf('[^');
    return index < 0 ? undefined : index;
  },
  tokenizer(src: string) {
    // An id printed by a template (`[^{{source}}]`) is a placeholder, checked once put back.
    // `:0,2` after the id (not `|`, which would split a table cell): the indices of the quoted sentences the citation stands for (cite).
    const match = /^\[\^((?:[a-z0-9]+(?:-[a-z0-9]+)*)|\uE002\d+\uE003)(?::(\d+(?:,\d+)*))?\]/.exec(src);
    if (!match) return undefined;
    const quotes = match[2]?.split(',').map(Number);
    return { type: 'citation', raw: match[0], id: match[1], ...(quotes ? { quotes } : {}) };
  },
};

const markdown = new Marked({ gfm: true, extensions: [citationExtension] });

export interface ChartResolver {
  /**
   * The figure blocks for a `chart:<id>` image (one, then its "(continued)" parts), or undefined
   * when the id is unknown (reported).
   */
  chart(id: string, alt: string, title: string | null, pos?: TemplatePosition): Block[] | undefined;
}

export interface ConvertContext extends InlineContext, ChartResolver {
  /** Sets the position used by the inline context's reports. */
  at(pos: TemplatePosition | undefined): void;
}

export function markdownItems(source: LineMap, ctx: ConvertContext): Item[] {
  const tokens = markdown.lexer(source.text);
  const lineStarts = [0];
  for (let i = 0; i < source.text.length; i++) if (source.text[i] === '\n') lineStarts.push(i + 1);
  const items: Item[] = [];
  let offset = 0;
  for (const token of tokens) {
    // Top-level raws concatenate to the source; search only if marked normalised something.
    const start = source.text.startsWith(token.raw, offset) ? offset : source.text.indexOf(token.raw, offset);
    const at = start >= 0 ? start : offset;
    offset = at + token.raw.length;
    const pos = source.positions[lineOf(lineStarts, at + leadingBlank(token.raw))];
    ctx.at(pos);
    items.push(...blockItems(token, ctx, pos));
  }
  return items;
}

function leadingBlank(raw: string): number {
  let i = 0;
  while (raw[i] === '\n' || raw[i] === ' ') i++;
  return i < raw.length ? i : 0;
}

function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function blockItems(token: Token, ctx: ConvertContext, pos: TemplatePosition | undefined): Item[] {
  const block = (b: Block): Item => ({ kind: 'block', block: withPos(b, pos), pos });
  switch (token.type) {
    case 'space':
      return [];
    case 'hr':
      return [{ kind: 'rule', pos }];
    case 'html':
      return parseComments((token as Tokens.HTML).text, pos, (raw) =>
        paragraphItems([[{ type: 'text', text: ctx.literal(raw) }]], block),
      );
    case 'heading': {
      const h = token as Tokens.Heading;
      const level = Math.min(4, Math.max(1, h.depth)) as 1 | 2 | 3 | 4;
      const children = trimInlines(toInlines(h.tokens, ctx));
      return [block({ type: 'heading', level, id: '', children })];
    }
    case 'paragraph':
      return paragraphItems(paragraphRuns((token as Tokens.Paragraph).tokens, ctx, pos), block);
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => trimInlines(listItemRuns(item.tokens, ctx)));
      const start =
        list.ordered && typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
      return [block({ type: 'list', ordered: list.ordered, ...(start ? { start } : {}), items })];
    }
    case 'table': {
      const table = token as Tokens.Table;
      const cell = (c: Tokens.TableCell) => trimInlines(toInlines(c.tokens, ctx));
      const align: Align[] = table.align.map((a) => a ?? null);
      return [
        block({
          type: 'table',
          header: table.header.map(cell),
          rows: table.rows.map((r) => r.map(cell)),
          align,
        }),
      ];
    }
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      const children = quote.tokens
        .flatMap((t) => blockItems(t, ctx, pos))
        .flatMap((i) => (i.kind === 'block' ? [i.block] : []));
      return [block({ type: 'quote', children })];
    }
    case 'code':
      return [
        block({
          type: 'paragraph',
          children: [{ type: 'text', text: ctx.literal((token as Tokens.Code).text) }],
        }),
      ];
    default:
      return [];
  }
}

/** A paragraph's runs, with `chart:` images lifted out as separate chart items. */
type Piece = Inline[] | Block;

function paragraphRuns(
  tokens: readonly Token[],
  ctx: ConvertContext,
  pos: TemplatePosition | undefined,
): Piece[] {
  const pieces: Piece[] = [];
  let current: Token[] = [];
  const flush = () => {
    const runs = trimInlines(toInlines(current, ctx));
    if (runs.length > 0) pieces.push(runs);
    current = [];
  };
  for (const token of tokens) {
    const href = token.type === 'image' ? ctx.literal((token as Tokens.Image).href) : '';
    if (href.startsWith('chart:')) {
      flush();
      const image = token as Tokens.Image;
      const chart = ctx.chart(
        href.slice('chart:'.length),
        plainText(image.tokens, ctx.literal),
        image.title ? ctx.literal(image.title) : null,
        pos,
      );
      if (chart) pieces.push(...chart);
    } else current.push(token);
  }
  flush();
  return pieces;
}

function paragraphItems(pieces: Piece[], block: (b: Block) => Item): Item[] {
  return pieces.flatMap((piece) => {
    if (!Array.isArray(piece)) return [block(piece)];
    const empty = inlineText(piece).trim() === '' && !piece.some((r) => r.type === 'citation');
    return empty ? [] : [block({ type: 'paragraph', children: piece })];
  });
}

/** A list item's content as one run list (nested blocks are joined; the model's lists are flat). */
function listItemRuns(tokens: readonly Token[], ctx: ConvertContext): Inline[] {
  const parts: Inline[][] = [];
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'paragraph') {
      parts.push(toInlines((token as Tokens.Text).tokens ?? [token], ctx));
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) parts.push(listItemRuns(item.tokens, ctx));
    }
  }
  return parts.flatMap((part, i) => (i === 0 ? part : [{ type: 'text', text: '; ' } as Inline, ...part]));
}

function withPos(block: Block, pos: TemplatePosition | undefined): Block {
  return pos ? { ...block, pos } : block;
}
