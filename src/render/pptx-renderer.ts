/** Registry row for the deck: Deck model → .pptx bytes, with the slide count for the manifest. */
import { unzipSync } from 'fflate';
import { DiagnosticList } from '../diagnostics.js';
import type { Renderer } from './registry.js';

/** Slides in a .pptx package, read from its zip directory without inflating anything. */
export function countSlides(bytes: Uint8Array): number {
  let slides = 0;
  unzipSync(bytes, {
    filter: (file) => {
      if (/^ppt\/slides\/slide\d+\.xml$/.test(file.name)) slides++;
      return false;
    },
  });
  return slides;
}

export const pptxRenderer: Renderer = {
  format: 'pptx',
  extension: 'pptx',
  async render(model, context) {
    if (model.kind !== 'deck') throw new Error(`the pptx renderer needs a deck model, got a ${model.kind}`);
    const { renderDeckPptx } = await import('./pptx/index.js');
    const diagnostics = new DiagnosticList();
    const bytes = await renderDeckPptx(model, context.charts, context.theme, {
      date: context.date,
      diagnostics,
    });
    return { bytes, slides: countSlides(bytes), diagnostics: diagnostics.items };
  },
};
