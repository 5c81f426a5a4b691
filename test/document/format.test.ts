import { describe, expect, it } from 'vitest';
import {
  currencySymbol,
  formatConversion,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPlural,
  formatQuantity,
  lowerFirst,
  pluralNoun,
  scaledAmount,
} from '../../src/dataset/wording.js';

const krw = (
  amount: number,
  scale: 'one' | 'million' | 'billion' | 'trillion',
  qualifier = 'exact' as const,
) => ({
  amount,
  currency: 'KRW',
  scale,
  qualifier,
});

describe('money', () => {
  it('prints the amount at its natural scale with the currency symbol', () => {
    expect(formatMoney(krw(6.8, 'trillion'))).toBe('₩6.8 trillion');
    expect(formatMoney(krw(44, 'billion'))).toBe('₩44 billion');
    expect(formatMoney({ amount: 47, currency: 'USD', scale: 'billion', qualifier: 'exact' })).toBe(
      'US$47 billion',
    );
  });

  it('moves between scales: 950 billion stays, 1,200 billion is 1.2 trillion, 0.95 trillion is 950 billion', () => {
    expect(formatMoney(krw(950, 'billion'))).toBe('₩950 billion');
    expect(formatMoney(krw(1200, 'billion'))).toBe('₩1.2 trillion');
    expect(formatMoney(krw(0.95, 'trillion'))).toBe('₩950 billion');
    expect(formatMoney(krw(999.5, 'billion'))).toBe('₩999.5 billion');
  });

  it('prints small and zero amounts with separators, not scale words', () => {
    expect(formatMoney(krw(0, 'one'))).toBe('₩0');
    expect(formatMoney(krw(950000, 'one'))).toBe('₩950,000');
    expect(formatMoney(krw(1500000, 'one'))).toBe('₩1.5 million');
    // As stated (issue 11): a figure keeps its decimals.
    expect(scaledAmount(12345.678)).toBe('12,345.678');
  });

  it('keeps the qualifier the source gives', () => {
    expect(formatMoney(krw(58, 'trillion', 'over' as never))).toBe('over ₩58 trillion');
    expect(formatMoney({ amount: 47, currency: 'USD', scale: 'billion', qualifier: 'about' })).toBe(
      'about US$47 billion',
    );
    expect(formatMoney({ amount: 1, currency: 'EUR', scale: 'billion', qualifier: 'at-least' })).toBe(
      'at least €1 billion',
    );
    expect(formatMoney({ amount: 1, currency: 'EUR', scale: 'billion', qualifier: 'up-to' })).toBe(
      'up to €1 billion',
    );
    expect(formatMoney({ amount: 1, currency: 'EUR', scale: 'billion', qualifier: 'under' })).toBe(
      'under €1 billion',
    );
    expect(formatMoney(krw(58, 'trillion', 'over' as never), undefined, false)).toBe('₩58 trillion');
  });

  it('labels a conversion as ours, with "≈" and the rate, and only when a rate is given', () => {
    expect(formatMoney(krw(58, 'trillion', 'over' as never), { to: 'USD', rate: 1380 })).toBe(
      'over ₩58 trillion (≈ US$42 billion, converted at ₩1,380 = US$1)',
    );
    expect(formatConversion(44e9, 'KRW', { to: 'USD', rate: 1380 })).toBe(
      '≈ US$31.9 million, converted at ₩1,380 = US$1',
    );
    // Same currency: nothing to convert.
    expect(formatMoney(krw(1, 'trillion'), { to: 'KRW', rate: 1 })).toBe('₩1 trillion');
  });

  it('takes symbols from the ISO code, never from the country', () => {
    expect(currencySymbol('KRW')).toBe('₩');
    expect(currencySymbol('USD')).toBe('US$');
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol('XTS')).toBe('XTS ');
    expect(formatMoney({ amount: 2, currency: 'XTS', scale: 'billion', qualifier: 'exact' })).toBe(
      'XTS 2 billion',
    );
  });
});

describe('numbers, percentages and quantities', () => {
  it('groups thousands and trims decimals', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1012)).toBe('1,012');
    expect(formatNumber(30000)).toBe('30,000');
    expect(formatNumber(1234567.891)).toBe('1,234,567.891');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(-4200.5)).toBe('-4,200.5');
    expect(formatNumber(2.5, 2, true)).toBe('2.50');
  });

  it('prints percentages from percent values or ratios', () => {
    expect(formatPercent(20)).toBe('20%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(38.55, 1)).toBe('38.6%');
    expect(formatPercent(0.2, 1, true)).toBe('20%');
  });

  it('prints quantities with their unit and qualifier, and in parts', () => {
    const share = { amount: 20, unit: 'percent', qualifier: 'over' as const };
    const density = {
      amount: 1012,
      unit: 'robots per 10,000 manufacturing workers',
      qualifier: 'exact' as const,
    };
    expect(formatQuantity(share)).toBe('over 20%');
    expect(formatQuantity(density)).toBe('1,012 robots per 10,000 manufacturing workers');
    expect(formatQuantity(density, true, 'figure')).toBe('1,012');
    expect(formatQuantity(density, true, 'unit')).toBe('robots per 10,000 manufacturing workers');
    expect(formatQuantity(share, true, 'unit')).toBe('');
  });
});

describe('dates', () => {
  it('reads ISO dates, months and years as a reader writes them', () => {
    expect(formatDate('2025-07-15')).toBe('15 July 2025');
    expect(formatDate('2025-06')).toBe('June 2025');
    expect(formatDate('2025')).toBe('2025');
    expect(formatDate(2030)).toBe('2030');
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
  });

  it('refuses what is not a date', () => {
    expect(formatDate('2023-02-29')).toBeUndefined();
    expect(formatDate('2025-13')).toBeUndefined();
    expect(formatDate('15/07/2025')).toBeUndefined();
    expect(formatDate('')).toBeUndefined();
  });
});

describe('plural and case', () => {
  it('pluralises with the count, including zero', () => {
    expect(formatPlural(1, 'programme')).toBe('1 programme');
    expect(formatPlural(0, 'programme')).toBe('0 programmes');
    expect(formatPlural(3, 'programme')).toBe('3 programmes');
    expect(formatPlural(2, 'strategy')).toBe('2 strategies');
    expect(formatPlural(2, 'day')).toBe('2 days');
    expect(formatPlural(2, 'business')).toBe('2 businesses');
    expect(formatPlural(2, 'person', 'people')).toBe('2 people');
    expect(formatPlural(12000, 'worker')).toBe('12,000 workers');
    expect(pluralNoun('analysis', 'analyses')).toBe('analyses');
  });

  it('spells small counts in words when asked', () => {
    expect(formatPlural(4, 'channel', undefined, true)).toBe('four channels');
    expect(formatPlural(1, 'risk', undefined, true)).toBe('one risk');
    expect(formatPlural(0, 'risk', undefined, true)).toBe('no risks');
    expect(formatPlural(11, 'risk', undefined, true)).toBe('11 risks');
  });

  it('lower-cases a name for mid-sentence use but keeps acronyms', () => {
    expect(lowerFirst('Economic diplomacy')).toBe('economic diplomacy');
    expect(lowerFirst('AI for All')).toBe('AI for All');
    expect(lowerFirst('R&D investment aim')).toBe('R&D investment aim');
    expect(lowerFirst('')).toBe('');
  });
});
