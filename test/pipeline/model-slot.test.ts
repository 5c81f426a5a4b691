/** A planned document's model is released once its render task has it (src/pipeline/jobs.ts). */
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/document/model.js';
import { ModelSlot } from '../../src/pipeline/jobs.js';

const model = {
  kind: 'briefing',
  meta: {
    title: 'A title',
    shortTitle: 'A',
    author: 'Someone',
    subject: 's',
    keywords: [],
    language: 'en',
    asOf: '2025-01-01',
    asOfLabel: '1 January 2025',
  },
  sections: [],
} as unknown as DocumentModel;

describe('ModelSlot', () => {
  it('keeps the kind and meta after the model is released, and refuses the model itself', () => {
    const slot = new ModelSlot(model);
    expect(slot.model).toBe(model);
    slot.release();
    expect(slot.kind).toBe('briefing');
    expect(slot.meta.title).toBe('A title');
    expect(() => slot.model).toThrow(/after its render task/);
  });
});
