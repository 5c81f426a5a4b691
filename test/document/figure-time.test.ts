/** Dates with their preposition and precision, and the tense of fiscal years as of a date. */
import { describe, expect, it } from 'vitest';
import { tenseOf, timePhrase, yearsText } from '../../src/dataset/figure-time.js';
import { onDate } from '../../src/document/helpers-figures.js';

describe('onDate', () => {
  it('says "on" a day, "in" a month or a year', () => {
    expect(onDate('2024-06-10')).toBe('on 10 June 2024');
    expect(onDate('2025-06')).toBe('in June 2025');
    expect(onDate('2025')).toBe('in 2025');
    expect(onDate(2025)).toBe('in 2025');
  });
});

describe('fiscal years as of a date', () => {
  const april = { startMonth: 4, namedBy: 'start' as const };
  it('keeps fiscal 2023 under way until the end of March 2024', () => {
    expect(tenseOf({ year: 2023, fiscal: true }, '2024-03-31', april)).toBe('current');
    expect(tenseOf({ year: 2023, fiscal: true }, '2024-04-01', april)).toBe('past');
    expect(tenseOf({ year: 2023 }, '2024-03-31')).toBe('past');
  });
  it('reads a fiscal year named by its end (October starts) the other way', () => {
    const october = { startMonth: 10, namedBy: 'end' as const };
    expect(tenseOf({ year: 2025, fiscal: true }, '2024-10-01', october)).toBe('current');
    expect(tenseOf({ year: 2025, fiscal: true }, '2024-09-30', october)).toBe('future');
  });
  it('words periods by their ends and basis', () => {
    expect(timePhrase({ period: { from: 2021, to: 2023 }, fiscal: true })).toBe('over fiscal 2021–2023');
    expect(timePhrase({ period: { from: 2022, to: 2029 }, basis: 'annual' })).toBe(
      'a year from 2022 to 2029',
    );
    expect(timePhrase({ period: { from: 2024 } })).toBe('from 2024');
    expect(timePhrase({ period: { to: 2030 } })).toBe('by 2030');
    expect(yearsText({ period: { from: 2021, to: 2023 }, fiscal: true })).toBe('fiscal 2021–2023');
  });
});
