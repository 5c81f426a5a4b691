/**
 * Figures as stated (issue 11): a figure prints with the digits the source gave it, a small one
 * never rounds to "0", and a qualifier keeps its number ("under 0.003%", never "under 0%").
 * Checked over magnitudes from 10^-3 to 10^15 (fast-check), for every formatter a chart label,
 * a KPI, a table or a sentence goes through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money, Quantity, Scale } from '../../src/dataset/schema.js';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  scaledAmount,
} from '../../src/dataset/wording.js';
import { decimalsFor, pointLabelFormat } from '../../src/render/pptx/label-format.js';

/** A figure as a source writes it: up to 4 significant digits, 10^-3..10^15. */
const stated = fc
  .record({ digits: fc.integer({ min: 1, max: 9999 }), exponent: fc.integer({ min: -6, max: 15 }) })
  .map(({ digits, exponent }) => Number(`${digits}e${exponent}`))
  .filter((v) => v >= 1e-3 && v <= 1e15);

/** The number a printed figure says ("1,430.5" → 1430.5). */
const parse = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

describe('figures as stated', () => {
  it('keeps the stated decimals of percentages and numbers', () => {
    expect(formatPercent(0.64)).toBe('0.64%');
    expect(formatPercent(0.003)).toBe('0.003%');
    expect(formatNumber(0.003)).toBe('0.003');
    expect(formatNumber(1234567.891)).toBe('1,234,567.891');
    expect(formatPercent(0.0064, undefined, true)).toBe('0.64%');
  });

  it('keeps a qualifier with its number: "under 0.003%"', () => {
    const share: Quantity = { amount: 0.003, unit: 'percent', qualifier: 'under' };
    expect(formatQuantity(share)).toBe('under 0.003%');
    const rate: Quantity = { amount: 0.0004, unit: 'tonnes per worker', qualifier: 'about' };
    expect(formatQuantity(rate)).toBe('about 0.0004 tonnes per worker');
  });

  it('never rounds a small figure to "0", even when fewer decimals are asked for', () => {
    expect(formatNumber(0.004, 2)).toBe('0.004');
    expect(formatPercent(0.0034, 1)).toBe('0.0034%');
    expect(formatNumber(38.55, 1)).toBe('38.6');
  });

  it('prints every magnitude from 10^-3 to 10^15 as the number it is', () => {
    fc.assert(
      fc.property(stated, (value) => {
        expect(parse(formatNumber(value))).toBeCloseTo(value, 10);
        expect(parse(formatPercent(value))).toBeCloseTo(value, 10);
        expect(formatNumber(value)).not.toMatch(/e|NaN|Infinity/);
        // Asked for fewer decimals, a figure may round, but never to zero.
        expect(parse(formatNumber(value, 0))).not.toBe(0);
        expect(parse(formatPercent(value, 1))).not.toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('states money of every magnitude without losing it', () => {
    const scales: Scale[] = ['one', 'thousand', 'million', 'billion', 'trillion'];
    fc.assert(
      fc.property(stated, fc.constantFrom(...scales), (amount, scale) => {
        const money: Money = { amount, scale, currency: 'JPY', qualifier: 'under' };
        const text = formatMoney(money);
        expect(text.startsWith('under JP¥')).toBe(true);
        expect(text).not.toMatch(/JP¥0(?![.\d])|NaN|Infinity|e\+/);
        expect(scaledAmount(amount)).not.toMatch(/^0$|^-?0 /);
      }),
      { numRuns: 400 },
    );
  });

  it('gives a native chart label the decimals its figure needs', () => {
    fc.assert(
      fc.property(stated, (value) => {
        const decimals = decimalsFor(value);
        // The label shows the figure: rounded to `decimals` it is not zero.
        expect(Math.round(value * 10 ** decimals)).not.toBe(0);
      }),
      { numRuns: 400 },
    );
    expect(decimalsFor(0.0000004)).toBe(7);
    expect(pointLabelFormat({ value: 0.64 }, '#,##0')).toBe('#,##0.00');
  });
});
