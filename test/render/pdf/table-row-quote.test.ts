/**
 * The sources list prints a quote that is a Markdown table row of its source as the row, its
 * cells apart (issue 14 review: "“| 1 | Semiconductors and displays | … |”" read as raw Markdown).
 */
import { describe, expect, it } from 'vitest';
import { tableRowQuote } from '../../../src/render/pdf/back-matter.js';

describe('a quoted table row in the sources list', () => {
  it('loses the pipes and keeps every cell, in order, and what follows the quote', () => {
    const shown = tableRowQuote('“| 1 | Semiconductors and displays | 반도체·디스플레이 |” (row 1)');
    expect(shown).not.toContain('|');
    expect(shown).toBe('Table row: “1 / Semiconductors and displays / 반도체·디스플레이” (row 1)');
  });
  it('leaves a sentence as it is, pipes and all when they are inside it', () => {
    const sentence = '“The plan covers A | B alike.” (p. 2)';
    expect(tableRowQuote(sentence)).toBe(sentence);
  });
});
