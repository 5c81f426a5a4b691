/**
 * Renderers in one table: a format name maps to its renderer (render/renderer.ts). The rows
 * are light: each renderer imports its drawing library only when it first renders. Adding a
 * format is one folder and one row here (html/ was); `registerRenderer` adds a row at run
 * time (the test suite's text renderer does), seen by the thread that registered it.
 */
import { htmlRenderer } from './html/renderer.js';
import { pdfRenderer } from './pdf-renderer.js';
import { pptxRenderer } from './pptx-renderer.js';
import type { Renderer } from './renderer.js';

export type {
  RenderContext,
  Renderer,
  RendererSession,
  RenderOptions,
  RenderResult,
  SessionSetup,
} from './renderer.js';
export { defineRenderer } from './renderer.js';

const REGISTRY = new Map<string, Renderer>([
  [pdfRenderer.format, pdfRenderer],
  [pptxRenderer.format, pptxRenderer],
  [htmlRenderer.format, htmlRenderer],
]);

/** Adds a format; a second renderer for a registered format is a programming error. */
export function registerRenderer(renderer: Renderer): void {
  if (REGISTRY.has(renderer.format)) throw new Error(`a renderer for "${renderer.format}" is registered`);
  REGISTRY.set(renderer.format, renderer);
}

/** Every registered renderer, in registration order. */
export function renderers(): Renderer[] {
  return [...REGISTRY.values()];
}

/** The renderer of a format the config validated (an unknown one is a programming error). */
export function rendererFor(format: string): Renderer {
  const renderer = REGISTRY.get(format);
  if (!renderer) throw new Error(`no renderer is registered for "${format}"`);
  return renderer;
}
