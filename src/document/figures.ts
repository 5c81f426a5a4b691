/** The figure nodes of a model, for what lists them: the PDF's appendix, cache keys, `--emit model`. */
import { formatNumber } from '../dataset/wording.js';
import type { Block, DataColumn, DocumentModel, FigureBlock } from './model.js';

function collect(blocks: readonly Block[], out: FigureBlock[]): void {
  for (const block of blocks) {
    if (block.type === 'figure') out.push(block);
    else if (block.type === 'quote') collect(block.children, out);
  }
}

/** Every figure of a model in document order, which is the order of their numbers. */
export function figureBlocks(model: DocumentModel): FigureBlock[] {
  const out: FigureBlock[] = [];
  if (model.kind === 'briefing') for (const section of model.sections) collect(section.blocks, out);
  else for (const slide of model.slides) collect([...slide.blocks, ...(slide.right ?? [])], out);
  return out;
}

/**
 * A figure's data-table cell as every format prints it (the PDF appendix, the HTML edition's
 * tables, the deck's table in place of a small picture). Years are not grouped ("2030", not
 * "2,030"); other figures are, with the decimals they have (a computed €0.0004 billion is
 * "0.0004", never "0": src/dataset/wording.ts formatNumber).
 */
export function formatCell(value: string | number | null, column: DataColumn | undefined): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  const yearLike = /year|date/i.test(`${column?.name ?? ''} ${column?.label ?? ''}`);
  return yearLike && Number.isInteger(value) ? String(value) : formatNumber(value);
}

/** The figures a chart is drawn in (itself and its "(continued)" parts), and which of them `figure` is. */
export interface FigureParts {
  /** Every part, in order: the first is the figure the template placed. */
  parts: FigureBlock[];
  /** `figure`'s place among them, from 1. */
  index: number;
}

/**
 * The parts of `figure`'s chart (document/assemble.ts gives them one number): a figure whose rows
 * take more than a page prints its sources and notes once, under its last part, and the parts
 * before it say where they are.
 */
export function figureParts(model: DocumentModel, figure: FigureBlock): FigureParts {
  const parts = figureBlocks(model).filter((f) => f.number === figure.number);
  const index = parts.indexOf(figure) + 1;
  return index > 0 ? { parts, index } : { parts: [figure], index: 1 };
}

/** The notes of every part of a figure, each once, in order (the first part also notes rows left out). */
export function partNotes(parts: readonly FigureBlock[]): string[] {
  return [...new Set(parts.flatMap((part) => part.notes))];
}

/** The sources of every part of a figure, each once, in order. */
export function partSources(parts: readonly FigureBlock[]): string[] {
  return [...new Set(parts.flatMap((part) => part.sources))];
}
