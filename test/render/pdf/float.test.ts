import { describe, expect, it } from 'vitest';
import type { Prepared } from '../../../src/render/pdf/blocks.js';
import { floatFigures } from '../../../src/render/pdf/floats.js';

const text = (name: string, whole: number): Prepared & { name: string } => ({
  name,
  keep: 10,
  whole,
  place: () => {},
});
const heading = (name: string): Prepared & { name: string } => ({ ...text(name, 30), heading: true });
const figure = (name: string, floatMin: number): Prepared & { name: string } => ({
  name,
  keep: floatMin,
  floatMin,
  place: () => {},
});
const names = (blocks: Prepared[]) => blocks.map((b) => (b as { name?: string }).name);

describe('figures float past text that fills the page', () => {
  it('stays where it is when it fits', () => {
    const blocks = [figure('F', 200), text('a', 50)];
    expect(names(floatFigures(blocks, 250))).toEqual(['F', 'a']);
  });

  it('lets the following text that fits whole go first', () => {
    const blocks = [figure('F', 300), text('a', 50), text('b', 80), text('c', 200)];
    expect(names(floatFigures(blocks, 150))).toEqual(['a', 'b', 'F', 'c']);
  });

  it('never passes another figure, and never leaves a heading above it', () => {
    expect(
      names(floatFigures([figure('F', 300), text('a', 20), figure('G', 10), text('b', 5)], 200)),
    ).toEqual(['a', 'F', 'G', 'b']);
    expect(names(floatFigures([figure('F', 300), text('a', 20), heading('H'), text('b', 500)], 200))).toEqual(
      ['a', 'F', 'H', 'b'],
    );
    expect(names(floatFigures([figure('F', 300), heading('H'), text('b', 40)], 200))).toEqual([
      'H',
      'b',
      'F',
    ]);
  });

  it('does not move a block of unknown height (a table split across pages, a page break)', () => {
    const unknown: Prepared & { name: string } = { name: 'x', keep: 10, place: () => {} };
    expect(names(floatFigures([figure('F', 300), unknown, text('a', 10)], 200))).toEqual(['F', 'x', 'a']);
  });
});
