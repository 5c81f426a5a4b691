/** The unit a figure's plot is drawn in (src/charts/native-scale.ts). */
import { describe, expect, it } from 'vitest';
import { scaled, valueScale, withUnit } from '../../src/charts/native-scale.js';

describe('valueScale', () => {
  it('on a log axis, steps down from the declared unit until the smallest figure is at least 1', () => {
    expect(valueScale([0.12, 3.9, null], 'billion', true)).toEqual({ factor: 1000, unit: 'million' });
    expect(valueScale([0.00075, 2], 'billion', true)).toEqual({ factor: 1e6, unit: 'thousand' });
    expect(valueScale([44, 100000], 'billion', true)).toEqual({ factor: 1, unit: 'billion' });
    expect(valueScale([0.5], 'one', true)).toEqual({ factor: 1, unit: '' });
  });

  it('leaves values alone without a known unit, and fills titles', () => {
    expect(valueScale([0.1], undefined, false)).toEqual({ factor: 1, unit: '' });
    expect(valueScale([0.1], 'percent', false)).toEqual({ factor: 1, unit: 'percent' });
    expect(withUnit('EUR {unit} (log scale)', 'million')).toBe('EUR million (log scale)');
    expect(withUnit('EUR {unit}', '')).toBe('EUR');
    expect(scaled(0.35, 1000)).toBe(350);
  });
});
