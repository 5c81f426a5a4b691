/** The PowerPoint renderer's public surface. */
export { type DeckRenderOptions, renderDeckPptx } from './render-deck.js';
export { xmlSafe } from './sanitize.js';
