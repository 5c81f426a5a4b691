/**
 * Registry row for the deck: Deck model → .pptx bytes, with the slide count for the manifest.
 * A deck takes no options and is one document (the deck model has no per-sector form).
 */
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { DiagnosticList } from '../diagnostics.js';
import { defineRenderer } from './renderer.js';

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

/** Rough single-thread time for a deck once libraries are warm (ms), from this machine's measurements. */
const WARM_COST_MS = 80;

const NoOptions = z.strictObject({});

export const pptxRenderer = defineRenderer({
  format: 'pptx',
  extension: 'pptx',
  model: 'deck',
  fanOut: false,
  params: NoOptions.default({}),
  options: NoOptions,
  resolve: () => ({}),
  estimateMs: () => WARM_COST_MS,
  async render(model, context) {
    if (model.kind !== 'deck') throw new Error(`the pptx renderer needs a deck model, got a ${model.kind}`);
    const { renderDeckPptx } = await import('./pptx/index.js');
    const diagnostics = new DiagnosticList();
    const bytes = await renderDeckPptx(model, context.assets, context.theme, {
      date: context.date,
      fonts: context.fonts,
      diagnostics,
    });
    return { bytes, slides: countSlides(bytes), diagnostics: diagnostics.items };
  },
});
