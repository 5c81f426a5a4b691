/**
 * What the yaml library's concrete syntax tree (CST) tells that its composed documents do
 * not: where a bracket or quote was opened that is never closed (the parser notices it
 * lines later), and where each `!tag` is written.
 */
import type { CST } from 'yaml';

export type OpenerChar = '[' | '{' | '"' | "'";

/** A bracket or quote opened at `offset` and never closed. */
export interface Opener {
  char: OpenerChar;
  offset: number;
}

export interface TagToken {
  offset: number;
  source: string;
}

const CLOSING: Record<OpenerChar, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

export function closingChar(char: OpenerChar): string {
  return CLOSING[char];
}

type Visited = { type?: unknown; offset?: unknown; source?: unknown };

/**
 * Every token object of the CST, depth first. Iterative: an absurdly nested file
 * (`[[[[…`) must not overflow the stack here; the parser reports it as too deep.
 */
function* tokensOf(root: readonly CST.Token[]): Generator<Visited & Record<string, unknown>> {
  const stack: unknown[] = [...root].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const record = node as Visited & Record<string, unknown>;
    if (typeof record.type === 'string') yield record;
    const children = Object.entries(record).filter(([key]) => key !== 'source');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]?.[1]);
  }
}

/** A quoted scalar's source is closed when it ends with its quote, and that quote is not escaped. */
function quoteClosed(source: string, quote: '"' | "'"): boolean {
  if (source.length < 2 || !source.endsWith(quote)) return false;
  const body = source.slice(1, -1);
  if (quote === "'") {
    // Inside single quotes, '' is an escaped quote: the run of quotes at the end must be even.
    const run = /'*$/.exec(body)?.[0].length ?? 0;
    return run % 2 === 0;
  }
  const backslashes = /\\*$/.exec(body)?.[0].length ?? 0;
  return backslashes % 2 === 0;
}

/** Past this many unclosed brackets or quotes (a runaway `[[[[…`), the rest are not looked for. */
const MAX_OPENERS = 20;

/** Brackets and quotes that are opened and never closed, in file order. */
export function unclosedOpeners(tokens: readonly CST.Token[]): Opener[] {
  const found: Opener[] = [];
  for (const token of tokensOf(tokens)) {
    if (found.length >= MAX_OPENERS) break;
    if (typeof token.offset !== 'number') continue;
    if (token.type === 'flow-collection') {
      const start = (token.start as { source?: unknown } | undefined)?.source;
      if (start !== '[' && start !== '{') continue;
      const end = Array.isArray(token.end) ? (token.end[0] as { source?: unknown } | undefined) : undefined;
      if (end?.source !== CLOSING[start]) found.push({ char: start, offset: token.offset });
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
      if (!quoteClosed(typeof token.source === 'string' ? token.source : '', quote)) {
        found.push({ char: quote, offset: token.offset });
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Every `!tag` written in the file, in file order. */
export function tagTokens(tokens: readonly CST.Token[]): TagToken[] {
  const found: TagToken[] = [];
  for (const token of tokensOf(tokens)) {
    if (token.type === 'tag' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, source: token.source });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
