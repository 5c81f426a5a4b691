/** Money in the scales and shapes other countries' sources use: 만/억, lakh/crore, ranges; status verbs. */
import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/dataset/schema.js';
import {
  formatConversion,
  formatMoney,
  isFigureStatus,
  moneyValue,
  scaledRange,
  statusVerb,
} from '../../src/dataset/wording.js';

const money = (m: Partial<Money> & Pick<Money, 'amount' | 'currency' | 'scale'>): Money => ({
  qualifier: 'exact',
  ...m,
});

describe('money scales beyond the English words', () => {
  it('keeps lakh and crore as stated, with Western digit grouping', () => {
    expect(formatMoney(money({ amount: 1000, currency: 'INR', scale: 'crore' }))).toBe('₹1,000 crore');
    expect(formatMoney(money({ amount: 2.5, currency: 'INR', scale: 'lakh', qualifier: 'over' }))).toBe(
      'over ₹2.5 lakh',
    );
  });

  it('restates myriad scales (만, 억) in English words', () => {
    expect(formatMoney(money({ amount: 3, currency: 'KRW', scale: 'hundred-million' }))).toBe('₩300 million');
    expect(formatMoney(money({ amount: 25, currency: 'KRW', scale: 'hundred-million' }))).toBe(
      '₩2.5 billion',
    );
    expect(formatMoney(money({ amount: 5000, currency: 'JPY', scale: 'ten-thousand' }))).toBe(
      'JP¥50 million',
    );
    expect(formatMoney(money({ amount: 5, currency: 'CNY', scale: 'ten-thousand' }))).toBe('CN¥50,000');
  });

  it('gives each scale its value', () => {
    expect(moneyValue({ amount: 1, scale: 'ten-thousand' })).toBe(1e4);
    expect(moneyValue({ amount: 1, scale: 'lakh' })).toBe(1e5);
    expect(moneyValue({ amount: 1, scale: 'crore' })).toBe(1e7);
    expect(moneyValue({ amount: 1, scale: 'hundred-million' })).toBe(1e8);
  });
});

describe('money ranges', () => {
  it('prints both ends in one scale word, with the qualifier once', () => {
    expect(
      formatMoney(money({ amount: 3, amountMax: 5, currency: 'EUR', scale: 'billion', qualifier: 'about' })),
    ).toBe('about €3–5 billion');
    expect(formatMoney(money({ amount: 500, amountMax: 700, currency: 'INR', scale: 'crore' }))).toBe(
      '₹500–700 crore',
    );
    // The lower end picks the word: 950 million to 1.2 billion.
    expect(formatMoney(money({ amount: 950, amountMax: 1200, currency: 'EUR', scale: 'million' }))).toBe(
      '€950–1,200 million',
    );
    expect(scaledRange([3e9, 5e9])).toBe('3–5 billion');
  });

  it('treats a missing upper end (null in a template context) as a single figure', () => {
    const fromTemplate = {
      amount: 3,
      amountMax: null,
      currency: 'EUR',
      scale: 'billion',
      qualifier: 'exact',
    };
    expect(formatMoney(fromTemplate as unknown as Money)).toBe('€3 billion');
  });

  it('converts both ends of a range, labelled as computed', () => {
    expect(
      formatMoney(money({ amount: 3, amountMax: 5, currency: 'EUR', scale: 'billion' }), {
        to: 'USD',
        rate: 0.92,
      }),
    ).toBe('€3–5 billion (≈ US$3.26–5.43 billion, converted at €0.92 = US$1)');
    expect(formatConversion([3e9, 5e9], 'EUR', { to: 'USD', rate: 0.92 })).toBe(
      '≈ US$3.26–5.43 billion, converted at €0.92 = US$1',
    );
  });
});

describe('status verbs', () => {
  it('words each status so a pledge never reads as money allocated', () => {
    expect(statusVerb('planned')).toBe('plans to invest');
    expect(statusVerb('allocated')).toBe('allocated');
    expect(statusVerb('actual')).toBe('spent');
    expect(statusVerb('target')).toBe('aims for');
    expect(statusVerb('pledged')).toBe('pledged to mobilise');
    expect(statusVerb('proposed')).toBe('proposed');
    expect(isFigureStatus('pledged')).toBe(true);
    expect(isFigureStatus('constructor')).toBe(false);
    expect(isFigureStatus(3)).toBe(false);
  });
});
