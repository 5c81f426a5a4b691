/** The one text order (src/derive/compare-text.ts) and a guard against locale-dependent calls in src/. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/derive/compare-text.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('compareText', () => {
  it('orders as English does, whatever the process locale ("ch" is not a Czech letter here)', () => {
    expect(['Data centres', 'Chemical plants', 'chemical plants'].sort(compareText)).toEqual([
      'chemical plants',
      'Chemical plants',
      'Data centres',
    ]);
    expect(['Zinc', 'Électricité', 'Energy'].sort(compareText)).toEqual(['Électricité', 'Energy', 'Zinc']);
  });

  it('is a total order: canonically equal spellings come out in one order, whatever the input order', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';
    expect([composed, decomposed].sort(compareText)).toEqual([decomposed, composed].sort(compareText));
    expect(compareText(composed, decomposed)).not.toBe(0);
    expect(compareText('x', 'x')).toBe(0);
  });
});

describe('locale-independent source', () => {
  // Each of these, without an explicit locale, follows LANG / LC_ALL of whoever runs the build.
  const LOCALE_DEPENDENT = [
    /\.localeCompare\([^,()]*(\([^()]*\))?[^,()]*\)/,
    /new Intl\.(Collator|NumberFormat|DateTimeFormat|PluralRules|ListFormat|RelativeTimeFormat)\(\s*\)/,
    /new Intl\.(Collator|NumberFormat|DateTimeFormat|PluralRules|ListFormat|RelativeTimeFormat)\(\s*(undefined|\[\s*\])/,
    /\.toLocale(Lower|Upper)Case\(\s*\)/,
    /\.toLocale(Date|Time)?String\(\s*\)/,
  ];

  it('no file in src/ sorts, formats or folds case by the environment locale', () => {
    const offending = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          LOCALE_DEPENDENT.some((pattern) => pattern.test(line))
            ? [`${file.slice(SRC.length + 1)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offending).toEqual([]);
  });
});
