/** The PowerPoint renderer's public surface. */
export { type DeckRenderOptions, renderDeckPptx } from './render.js';
export { xmlSafe } from './sanitize.js';
