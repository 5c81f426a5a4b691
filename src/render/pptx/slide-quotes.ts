/**
 * The quoted sentences a slide stands on: those its citations point to (a citation carries the
 * indices of its sentences in the source entry's `quotes`, document/model.ts), in the blocks of
 * both columns, the KPI cards and the notes' own citations. The speaker notes give them under
 * each source, so a presenter (and the provenance check) can verify every figure on the slide.
 */
import type { Block, CitedQuotes, Inline, Slide, SourceEntry } from '../../document/model.js';

function add(out: Map<number, number[]>, number: number, quotes: readonly number[]): void {
  const known = out.get(number) ?? [];
  for (const q of quotes) if (!known.includes(q)) known.push(q);
  out.set(number, known);
}

function visitInlines(inlines: readonly Inline[], out: Map<number, number[]>): void {
  for (const node of inlines) {
    if (node.type === 'citation') add(out, node.number, node.quotes ?? []);
    else if ('children' in node) visitInlines(node.children, out);
  }
}

function visitBlocks(blocks: readonly Block[], out: Map<number, number[]>): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        visitInlines(block.children, out);
        break;
      case 'list':
        for (const item of block.items) visitInlines(item, out);
        break;
      case 'table':
        for (const cell of [...block.header, ...block.rows.flat()]) visitInlines(cell, out);
        break;
      case 'kpi':
        for (const item of block.items) for (const q of item.quotes ?? []) add(out, q.number, q.quotes);
        break;
      case 'quote':
        visitBlocks(block.children, out);
        break;
      default:
        break;
    }
  }
}

/** Quote indices by source number, in the order the slide cites them. */
export function slideQuotes(slide: Slide): Map<number, number[]> {
  const out = new Map<number, number[]>();
  visitBlocks([...slide.blocks, ...(slide.right ?? [])], out);
  for (const q of slide.noteQuotes ?? ([] as CitedQuotes[])) add(out, q.number, q.quotes);
  return out;
}

/** The sentences of `source` the slide quotes, as the source entry holds them. */
export function quotedSentences(source: SourceEntry, quotes: ReadonlyMap<number, number[]>): string[] {
  return (quotes.get(source.number) ?? []).flatMap((i) => {
    const sentence = source.quotes?.[i];
    return sentence === undefined ? [] : [sentence];
  });
}
