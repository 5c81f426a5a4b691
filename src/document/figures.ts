/** The figure nodes of a model, for what lists them: the PDF's appendix, cache keys, `--emit model`. */
import type { Block, DocumentModel, FigureBlock } from './model.js';

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
