/**
 * A figure may shrink (to MIN_FIT) to stay on the page below its text, but a part of a figure
 * continued over pages never does: its dots would sit elsewhere than the next part's on the same
 * axis (the Japan programme budgets' first part was drawn at 0.8 of its second's size).
 */
import { describe, expect, it } from 'vitest';
import { type Figure, fitToRoom, minFigureHeight } from '../../../src/render/pdf/figure.js';

function figure(continued: boolean): Figure {
  const style = { size: 10, colour: '#000000', lineHeight: 13 };
  return {
    block: {} as Figure['block'],
    svg: '<svg/>',
    svgWidth: 520,
    svgHeight: 600,
    caption: [],
    credit: [],
    x: 72,
    width: 390,
    chartHeight: 450,
    height: 500,
    captionStyle: style,
    creditStyle: style,
    continued,
  };
}

describe('a figure short of room', () => {
  it('shrinks to the room left when it stands alone', () => {
    const fitted = fitToRoom(figure(false), 440);
    expect(fitted.height).toBe(440);
    expect(fitted.width).toBeLessThan(390);
    expect(minFigureHeight(figure(false))).toBeLessThan(504);
  });

  it('keeps its size when it is one part of a continued figure, and needs all of it', () => {
    expect(fitToRoom(figure(true), 440)).toEqual(figure(true));
    expect(minFigureHeight(figure(true))).toBe(504);
  });
});
