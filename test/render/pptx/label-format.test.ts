/** Per-point label formats of native charts: qualifier words, decimals and ranges. */
import { describe, expect, it } from 'vitest';
import {
  axisFormat,
  decimalsFor,
  pointLabelFormat,
  withDecimals,
} from '../../../src/render/pptx/label-format.js';

describe('decimalsFor', () => {
  it('shows a stated figure exactly, and at most three significant digits of a long one', () => {
    expect(decimalsFor(6800)).toBe(0);
    expect(decimalsFor(2.4)).toBe(1);
    expect(decimalsFor(0.35)).toBe(2);
    expect(decimalsFor(0.00075)).toBe(5);
    expect(decimalsFor(0.123456789)).toBe(3);
    expect(decimalsFor(0)).toBe(0);
  });
});

describe('withDecimals', () => {
  it('adds decimals after the last digit placeholder, or widens those there are', () => {
    expect(withDecimals('#,##0', 2)).toBe('#,##0.00');
    expect(withDecimals('0%', 1)).toBe('0.0%');
    expect(withDecimals('#,##0.0', 2)).toBe('#,##0.00');
    expect(withDecimals('#,##0.00', 1)).toBe('#,##0.00');
    expect(withDecimals('#,##0', 0)).toBe('#,##0');
  });
});

describe('pointLabelFormat', () => {
  it('keeps the chart’s format for an exact whole figure', () => {
    expect(pointLabelFormat({ value: 6800, qualifier: 'exact' }, '#,##0')).toBeNull();
    expect(pointLabelFormat({ value: null, qualifier: 'over' }, '#,##0')).toBeNull();
  });

  it('writes the qualifier’s word, the document’s own ("over", not "more than")', () => {
    expect(pointLabelFormat({ value: 30000, qualifier: 'over' }, '#,##0')).toBe('"over "#,##0');
    expect(pointLabelFormat({ value: 15, qualifier: 'at-least' }, '#,##0')).toBe('"at least "#,##0');
  });

  it('shows a small figure with its decimals and a range with both ends', () => {
    expect(pointLabelFormat({ value: 0.35, qualifier: 'over' }, '#,##0')).toBe('"over "#,##0.00');
    expect(pointLabelFormat({ value: 3, max: 5, qualifier: 'about' }, '#,##0')).toBe('"about "#,##0"–5"');
    expect(pointLabelFormat({ value: 0.5, max: 0.75 }, '#,##0')).toBe('#,##0.00"–0.75"');
    expect(pointLabelFormat({ value: 1200, max: 1500 }, '#,##0')).toBe('#,##0"–1,500"');
  });
});

describe('axisFormat', () => {
  it('shows log ticks below one as decimals and keeps the format from one up', () => {
    expect(axisFormat('#,##0', 0.1)).toBe('[<1]0.0;#,##0');
    expect(axisFormat('#,##0', 0.001)).toBe('[<1]0.0##;#,##0');
    expect(axisFormat('#,##0', 10)).toBe('#,##0');
    expect(axisFormat('#,##0.0', 0.1)).toBe('#,##0.0');
  });
});
