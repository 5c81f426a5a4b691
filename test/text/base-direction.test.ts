/**
 * A paragraph's base direction (rules P2–P3 of the Unicode bidi algorithm) is decided once, by
 * bidi-js in text/runs.ts, for the deck as for the run splitter: a list of right-to-left
 * scripts missed a right-to-left mark, a script outside the list and text inside an isolate.
 */
import { describe, expect, it } from 'vitest';
import { isRightToLeftParagraph } from '../../src/text/runs.js';

describe('a paragraph’s base direction', () => {
  it('is right to left when its first strong character is', () => {
    expect(isRightToLeftParagraph('“קרן המימן” fund')).toBe(true);
    expect(isRightToLeftParagraph('123 שלום')).toBe(true);
    expect(isRightToLeftParagraph('The “קרן המימן” fund')).toBe(false);
    expect(isRightToLeftParagraph('반도체 2024')).toBe(false);
    expect(isRightToLeftParagraph('')).toBe(false);
  });

  it('counts a right-to-left mark (U+200F) as the strong character it is', () => {
    expect(isRightToLeftParagraph('\u200F2024 Hello')).toBe(true);
    expect(isRightToLeftParagraph('\u200E2024 שלום')).toBe(false);
  });

  it('knows right-to-left scripts outside any list briefkit keeps (N’Ko)', () => {
    expect(isRightToLeftParagraph('ߊߋ abc')).toBe(true);
  });

  it('skips what an isolate holds (P2), as a viewer does', () => {
    expect(isRightToLeftParagraph('\u2066Hello\u2069 שלום')).toBe(true);
  });
});
