/**
 * Control characters (NUL, ESC, BEL, DEL, C1, a lone CR) in a dataset text are refused when
 * the dataset is validated, at the field's line:column with a hint, so no renderer ever
 * receives one; a tab and a line break are text. And `->` in data is printed as written.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';

const FILE = 'data/example.yaml';

/** The minimal dataset, its sector's summary given as a YAML scalar (quoted or block). */
function dataset(summary: string): string {
  return `meta:
  id: example
  title: Example
  country: Exampleland
  language: en
  asOf: 2025-07-15
  author: Analyst
  currency: KRW
sources:
  - id: report
    title: A report
sectors:
  - id: ai
    name: AI
    summary: ${summary}
    cite: [{ source: report, quote: AI matters. }]
`;
}

describe('control characters in dataset texts', () => {
  const cases: [string, string, string][] = [
    ['"AI\\0 sector"', 'U+0000 (NUL)', '3'],
    ['"AI \\e[31mred"', 'U+001B (ESC)', '4'],
    ['"Ding\\a"', 'U+0007 (BEL)', '5'],
    ['"Del\\x7f"', 'U+007F (DEL)', '4'],
    ['"C1 \\x9b control"', 'U+009B (CSI)', '4'],
    ['"Next\\Nline"', 'U+0085 (NEL)', '5'],
    ['"Carriage\\rreturn"', 'U+000D (CR)', '9'],
    ['"Form\\ffeed"', 'U+000C (FF)', '5'],
  ];
  for (const [scalar, named, at] of cases) {
    it(`refuses ${named} at the field, naming the character`, () => {
      const result = validateDatasetText(dataset(scalar), FILE);
      expect(result.dataset).toBeUndefined();
      expect(result.diagnostics).toEqual([
        {
          code: 'DATA_INVALID_VALUE',
          severity: 'error',
          message: expect.stringMatching(
            new RegExp(
              `^expected a text without control characters \\(character ${at} is ${named.replace(/[()+]/g, '\\$&')}\\), got "`,
            ),
          ),
          file: FILE,
          line: 15,
          column: 14,
          path: 'sectors[0].summary',
          hint: 'delete the character (it was likely pasted in with the text): it shows as nothing or as garbage in a PDF or deck. A tab or a line break is fine',
        },
      ]);
    });
  }

  it('accepts tabs and line breaks, and texts in any script', () => {
    for (const summary of ['"Tab\\tseparated"', '|\n      Two\n      lines', '"인공지능 → AI"', '"a -> b"']) {
      const result = validateDatasetText(dataset(summary), FILE);
      expect(result.diagnostics, summary).toEqual([]);
    }
  });

  it('covers every text field, e.g. a quote in a citation and a source title', () => {
    const text = dataset('"AI"')
      .replace('quote: AI matters.', 'quote: "AI\\e matters."')
      .replace('title: A report', 'title: "A\\x00 report"');
    const result = validateDatasetText(text, FILE);
    expect(result.diagnostics.map((d) => d.path)).toEqual(['sources[0].title', 'sectors[0].cite[0].quote']);
  });
});
