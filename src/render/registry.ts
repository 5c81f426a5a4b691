/**
 * Renderers in a registry table (principle 4): a format maps to a lazily imported
 * renderer. Adding HTML later is one folder and one row here.
 */
import type { RenderedChart } from '../charts/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DocumentModel } from '../document/model.js';
import type { Theme } from '../theme/schema.js';

export interface RenderContext {
  charts: ReadonlyMap<string, RenderedChart>;
  theme: Theme;
  /** Embedded dates: from SOURCE_DATE_EPOCH or the dataset's as-of date, never the clock. */
  date: Date;
  variant: 'briefing' | 'one-pager';
  pageSize: 'A4' | 'LETTER';
  pdfa: boolean;
}

export interface RenderResult {
  bytes: Uint8Array;
  pages?: number;
  slides?: number;
  diagnostics: Diagnostic[];
}

export interface Renderer {
  format: string;
  extension: string;
  render(model: DocumentModel, context: RenderContext): Promise<RenderResult>;
}

export type Format = 'pdf' | 'pptx';

const REGISTRY: Record<Format, () => Promise<Renderer>> = {
  pdf: () => import('./pdf-renderer.js').then((m) => m.pdfRenderer),
  pptx: () => import('./pptx-renderer.js').then((m) => m.pptxRenderer),
};

export function rendererFor(format: Format): Promise<Renderer> {
  return REGISTRY[format]();
}
