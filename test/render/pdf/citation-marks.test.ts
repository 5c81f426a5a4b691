/**
 * Citation marks in one style (issue 14): after the punctuation they stand by, and once per
 * sentence for each source, in the model text of any briefing and in the shipped one.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/document/model.js';
import { flattenInlines, type Piece } from '../../../src/render/pdf/styled-pieces.js';
import { briefingOf } from './shipped-briefing.js';

const text = (t: string): Inline => ({ type: 'text', text: t });
const cite = (n: number): Inline => ({ type: 'citation', number: n, sourceId: `s${n}` });
/** Pieces as a string with marks as ^n. */
const shown = (pieces: readonly Piece[]) =>
  pieces.map((p) => (p.style.cite !== undefined ? `^${p.text}` : p.text)).join('');

describe('citation marks', () => {
  it('go after the punctuation that follows them', () => {
    expect(shown(flattenInlines([text('in 12 fields'), cite(1), text('. The figure')]))).toBe(
      'in 12 fields.^1 The figure',
    );
    expect(shown(flattenInlines([text('A'), cite(1), cite(2), text(', and B')]))).toBe('A,^1^,^2 and B');
  });

  it('stay where they are before a word or a dash', () => {
    expect(shown(flattenInlines([text('by 2028'), cite(1), text(' and more')]))).toBe('by 2028^1 and more');
  });

  it('cite a source once per sentence, at its last mention', () => {
    const inlines = [text('Deal'), cite(1), text('; Strategy'), cite(1), text('; Fund'), cite(2), text('.')];
    expect(shown(flattenInlines(inlines))).toBe('Deal; Strategy;^1 Fund.^2');
    const two = [text('One'), cite(1), text('. Two'), cite(1), text('.')];
    expect(shown(flattenInlines(two))).toBe('One.^1 Two.^1');
  });

  it('follow that style throughout the shipped briefing', async () => {
    const { model } = await briefingOf();
    const paragraphs: Inline[][] = [];
    const walk = (block: Block) => {
      if (block.type === 'paragraph' || block.type === 'heading') paragraphs.push(block.children);
      if (block.type === 'quote') block.children.forEach(walk);
      if (block.type === 'list') paragraphs.push(...block.items);
      if (block.type === 'table') for (const row of block.rows) paragraphs.push(...row);
    };
    for (const section of model.sections) section.blocks.forEach(walk);
    const before: string[] = [];
    let marks = 0;
    for (const inlines of paragraphs) {
      const line = shown(flattenInlines(inlines));
      marks += (line.match(/\^\d/g) ?? []).length;
      for (const m of line.matchAll(/\^\d+[.,;:!?]/g))
        before.push(line.slice(Math.max(0, m.index - 30), m.index + 4));
    }
    expect(marks).toBeGreaterThan(10);
    expect(before).toEqual([]);
  }, 120_000);
});
