/**
 * The YAML input layer on cases a fixture file cannot hold well: bytes written here,
 * generated nesting, and the position arithmetic (BOM, multi-byte characters).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { decodeUtf8, firstInvalidUtf8, parseYaml } from '../../src/input/yaml.js';

const FILE = 'in.yaml';
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('UTF-8 decoding', () => {
  it('points at the first byte that is not UTF-8, counting characters, not bytes', () => {
    // "é" is two bytes in UTF-8; the column counts it as one character.
    const result = decodeUtf8(bytes('meta:\n  title: Caf\u00e9 ', [0xff], ' x\n'), FILE);
    expect(result.text).toBeUndefined();
    expect(result.diagnostic).toMatchObject({ code: 'FILE_NOT_UTF8', file: FILE, line: 2, column: 15 });
  });

  it('refuses a sequence cut off at the end of the file', () => {
    const result = decodeUtf8(bytes('a: ', [0xe2, 0x82]), FILE);
    expect(result.diagnostic).toMatchObject({ code: 'FILE_NOT_UTF8', line: 1, column: 4 });
  });

  it('finds overlong forms, encoded surrogates and code points past U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes('ok', [0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes('₩ 조 \u{1F600}'))).toBe(bytes('₩ 조 \u{1F600}').length);
  });

  it('drops a byte-order mark so positions on line 1 are not shifted', () => {
    const decoded = decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a: [1\n'), FILE);
    expect(decoded.text).toBe('a: [1\n');
  });
});

describe('YAML parsing', () => {
  it('reports absurd nesting once, as too deep, without a stack overflow escaping', () => {
    for (const text of [
      '['.repeat(20_000) + ']'.repeat(20_000),
      `a: ${'{b: '.repeat(20_000)}1${'}'.repeat(20_000)}`,
    ]) {
      const { diagnostics } = parseYaml(text, FILE);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'YAML_TOO_DEEP', file: FILE, line: 1 });
    }
  });

  it('caps a cascade of syntax errors at ten and says how many more there are', () => {
    const text = Array.from({ length: 30 }, (_, i) => `k${i}: @at`).join('\n');
    const { diagnostics } = parseYaml(text, FILE);
    expect(diagnostics.length).toBe(11);
    expect(diagnostics.every((d) => d.code === 'YAML_SYNTAX')).toBe(true);
    expect(diagnostics.at(-1)).toMatchObject({
      // line 11 is "k10: @at": the eleventh error, the first one not shown.
      line: 11,
      column: 6,
      message: '20 more syntax errors not shown, from here on',
    });
  });

  it('names the path of a duplicate key at the top level and deep inside lists', () => {
    const top = parseYaml('meta: {}\nsources: []\nmeta: {}\n', FILE).diagnostics;
    expect(top).toEqual([
      {
        code: 'YAML_DUPLICATE_KEY',
        severity: 'error',
        message: 'duplicate key "meta"',
        file: FILE,
        line: 3,
        column: 1,
        path: 'meta',
        hint: 'each key may appear once per record; keep one of them (the other is an earlier line)',
      },
    ]);
    const deep = parseYaml(
      'programs:\n  - id: a\n  - id: b\n    cite:\n      - { source: s, source: t }\n',
      FILE,
    );
    expect(deep.diagnostics[0]).toMatchObject({ path: 'programs[1].cite[0].source', line: 5, column: 22 });
  });

  it('points at the alias that has no anchor, not at an earlier one that resolves', () => {
    const { diagnostics } = parseYaml('meta:\n  a: &ok 1\n  b: *ok\n  c: *missing\n', FILE);
    expect(diagnostics).toMatchObject([
      {
        code: 'YAML_SYNTAX',
        line: 4,
        column: 6,
        message: 'the alias *missing refers to no anchor &missing before it',
      },
    ]);
  });

  it('refuses a list or mapping used as a key', () => {
    const { diagnostics } = parseYaml('? [a, b]\n: c\n', FILE);
    expect(diagnostics).toMatchObject([{ code: 'YAML_SYNTAX', line: 1, column: 3 }]);
  });

  it('locates a value, a key, and a missing value by path', () => {
    const { source } = parseYaml('meta:\n  id: x\n  1: y\nlist:\n  - a\n  - b\nempty:\n', FILE);
    expect(source?.locate(['list', 1])).toEqual({ line: 6, column: 5 });
    expect(source?.locate(['meta', 'nothing', 'deeper'])).toEqual({ line: 2, column: 3 });
    // A numeric YAML key is the string "1" in the data: it is still found.
    expect(source?.locateKey(['meta'], '1')).toEqual({ line: 3, column: 3 });
    expect(source?.locate(['empty'])).toEqual({ line: 7, column: 7 });
  });

  it('formats a diagnostic as file:line:column, path, message and hint', () => {
    expect(
      formatDiagnostic({
        code: 'DATA_TYPE',
        severity: 'error',
        message: 'expected a number, got "6.8조"',
        file: 'data/x.yaml',
        line: 12,
        column: 7,
        path: 'programs[3].budget.amount',
        hint: 'write a plain number such as 6.8',
      }),
    ).toBe(
      'data/x.yaml:12:7  error DATA_TYPE  programs[3].budget.amount: expected a number, got "6.8조"\n' +
        '    hint: write a plain number such as 6.8',
    );
  });
});
