/**
 * A format added from outside: a text outline of the briefing's headings. It registers itself
 * through the public registry (src/render/registry.ts) and touches neither src/pipeline nor
 * another renderer, which is what adding a format must take.
 */
import { z } from 'zod';
import { inlineText } from '../../../src/document/markdown-inline.js';
import { defineRenderer, registerRenderer } from '../../../src/render/registry.js';

const TxtOptions = z.strictObject({ marker: z.string() });

export const txtRenderer = defineRenderer({
  format: 'txt',
  extension: 'txt',
  model: 'briefing',
  fanOut: true,
  params: z.strictObject({ marker: z.string().min(1).optional() }).default({}),
  defaults: z.strictObject({ marker: z.string().min(1).default('#') }).default({ marker: '#' }),
  options: TxtOptions,
  resolve: (params, defaults) => ({ marker: params.marker ?? defaults?.marker ?? '#' }),
  estimateMs: () => 1,
  async render(model, context) {
    if (model.kind !== 'briefing')
      throw new Error(`the txt renderer needs a briefing model, got a ${model.kind}`);
    const lines = [model.meta.title];
    for (const section of model.sections)
      for (const block of section.blocks)
        if (block.type === 'heading')
          lines.push(`${context.options.marker.repeat(block.level)} ${inlineText(block.children)}`);
    return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), diagnostics: [] };
  },
});

registerRenderer(txtRenderer);
