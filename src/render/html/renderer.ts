/**
 * Registry row for the HTML edition: Briefing model → one self-contained HTML file
 * (render/html/document.ts), imported only when the first edition is rendered.
 */
import { z } from 'zod';
import { CompanionFile } from '../companion-file.js';
import { defineRenderer } from '../renderer.js';

export const htmlRenderer = defineRenderer({
  format: 'html',
  extension: 'html',
  model: 'briefing',
  fanOut: true,
  params: z.strictObject({ evidence: CompanionFile.optional() }).default({}),
  // '' when the evidence stays in the edition (its sources list then folds the sentences cited under each entry).
  options: z.strictObject({ evidence: z.string() }),
  resolve: (params) => ({ evidence: params.evidence ?? '' }),
  // Subsetting and WOFF2-compressing the faces dominates: measured on this machine.
  estimateMs: () => 400,
  async render(model, context) {
    if (model.kind !== 'briefing')
      throw new Error(`the html renderer needs a briefing model, got a ${model.kind}`);
    const { renderBriefingHtml } = await import('./document.js');
    const html = await renderBriefingHtml(model, {
      ...context,
      ...(context.options.evidence ? { evidence: context.options.evidence } : {}),
    });
    return { bytes: new TextEncoder().encode(html), diagnostics: [] };
  },
});
