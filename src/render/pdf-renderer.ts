/** Registry row for PDFs: Briefing model → PDF bytes (full briefing or one-pager), with its page count. */
import { DiagnosticList } from '../diagnostics.js';
import type { Renderer } from './registry.js';

/** Page objects in a PDF written by pdfkit (`/Type /Page`, not `/Pages`). */
export function countPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page(?![s\w])/g) ?? []).length;
}

export const pdfRenderer: Renderer = {
  format: 'pdf',
  extension: 'pdf',
  async render(model, context) {
    if (model.kind !== 'briefing')
      throw new Error(`the pdf renderer needs a briefing model, got a ${model.kind}`);
    const { renderBriefingPdf } = await import('./pdf/index.js');
    const diagnostics = new DiagnosticList();
    const bytes = await renderBriefingPdf(model, context.charts, context.theme, {
      variant: context.variant,
      pdfa: context.pdfa,
      pageSize: context.pageSize,
      date: context.date,
      diagnostics,
    });
    return { bytes, pages: countPages(bytes), diagnostics: diagnostics.items };
  },
};
