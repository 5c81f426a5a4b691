/** A planned document's model is released once its render task has it (src/pipeline/model-slot.ts). */
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/document/model.js';
import { ModelSlot } from '../../src/pipeline/model-slot.js';

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
  sections: Array.from({ length: 200 }, (_, i) => ({
    title: `Section ${i}`,
    blocks: [
      { type: 'paragraph', inlines: [{ type: 'text', text: `Sector (variant ${i})` }], at: undefined },
    ],
  })),
} as unknown as DocumentModel;

describe('ModelSlot', () => {
  it('keeps the kind and meta after the model is released, and refuses the model itself', () => {
    const slot = new ModelSlot(model);
    expect(slot.model).toBe(model);
    expect(slot.packed).toBe(false);
    slot.release();
    expect(slot.kind).toBe('briefing');
    expect(slot.meta.title).toBe('A title');
    expect(() => slot.model).toThrow(/after its render task/);
  });

  it('packed, gives back an equal copy (as a worker would receive it) at every read', () => {
    const slot = new ModelSlot(model, true);
    expect(slot.packed).toBe(true);
    const first = slot.model;
    expect(first).not.toBe(model);
    // Structured clone keeps what JSON would lose (an own property set to undefined).
    expect(first).toStrictEqual(model);
    expect(JSON.stringify(first)).toBe(JSON.stringify(model));
    expect(slot.model).not.toBe(first);
    expect(slot.meta.title).toBe('A title');
  });

  it('packed, is released like an unpacked one', () => {
    const slot = new ModelSlot(model, true);
    slot.release();
    expect(slot.packed).toBe(false);
    expect(slot.kind).toBe('briefing');
    expect(() => slot.model).toThrow(/after its render task/);
  });
});
