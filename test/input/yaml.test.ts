/**
 * The YAML input layer on cases a fixture file cannot hold well: bytes written here,
 * generated nesting, and the position arithmetic (BOM, multi-byte characters).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { decodeUtf8, firstInvalidUtf8, parseYaml } from '../../src/input/yaml.js';
import { describeValue } from '../../src/input/zod-describe.js';

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

describe('line endings, tags and what a value is called', () => {
  it('reads old-Mac CR-only line endings as line breaks, with true positions', () => {
    const { source, diagnostics } = parseYaml('# saved on a Mac\rmeta:\r  id: x\r  title: T\r', FILE);
    expect(diagnostics).toEqual([]);
    expect(source?.data).toEqual({ meta: { id: 'x', title: 'T' } });
    expect(source?.locate(['meta', 'title'])).toEqual({ line: 4, column: 10 });
    // A CR-only file with no comment is read as its LF twin would be, not as empty.
    expect(parseYaml('a: 1\r b: 2\r', FILE).diagnostics).toEqual(
      parseYaml('a: 1\n b: 2\n', FILE).diagnostics,
    );
    expect(parseYaml('a: 1\r b: 2\r', FILE).diagnostics[0]?.code).toBe('YAML_SYNTAX');
    // Windows CRLF and mixed endings read the same way.
    expect(parseYaml('a: 1\r\nb: 2\rc: 3\n', FILE).source?.data).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('refuses every tag but the core ones, at the tag, with the path', () => {
    const text =
      'a: !!binary aGk=\nb: !!set { x }\nc: !!timestamp 2025-07-15\nd: &n !foo [1]\ne: !!str 2025\nf: !<tag:yaml.org,2002:int> 3\n';
    const { source, diagnostics } = parseYaml(text, FILE);
    expect(source).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.path, d.message])).toEqual([
      ['YAML_TAG', 1, 4, 'a', 'the YAML tag !!binary is not allowed: the file holds plain values only'],
      ['YAML_TAG', 2, 4, 'b', 'the YAML tag !!set is not allowed: the file holds plain values only'],
      ['YAML_TAG', 3, 4, 'c', 'the YAML tag !!timestamp is not allowed: the file holds plain values only'],
      ['YAML_TAG', 4, 7, 'd', 'the YAML tag !foo is not allowed: the file holds plain values only'],
    ]);
    expect(parseYaml('e: !!str 2025\nf: !<tag:yaml.org,2002:int> 3\n', FILE).source?.data).toEqual({
      e: '2025',
      f: 3,
    });
  });

  it('refuses a tag on the whole document and a tag defined by a %TAG directive', () => {
    expect(parseYaml('!shell ls\n', FILE).diagnostics).toMatchObject([
      {
        code: 'YAML_TAG',
        line: 1,
        column: 1,
        hint: 'remove !shell; if the text is meant as written, put all of it in double quotes: "!shell ls"',
      },
    ]);
    expect(parseYaml('%TAG !e! tag:example.com,2000:\n---\na: !e!run x\n', FILE).diagnostics).toMatchObject([
      { code: 'YAML_TAG', line: 3, column: 4, path: 'a' },
    ]);
  });

  it('reads a %YAML 1.1 file with the 1.2 core schema: dates and yes stay text', () => {
    const { source } = parseYaml('%YAML 1.1\n---\nasOf: 2025-07-15\nflag: yes\n', FILE);
    expect(source?.data).toEqual({ asOf: '2025-07-15', flag: 'yes' });
  });

  it('names a value by what it is: only a plain object is a mapping', () => {
    expect(describeValue(new Date(0))).toBe('a date-time value');
    expect(describeValue(Uint8Array.from([1]))).toBe('binary data');
    expect(describeValue(new Set([1]))).toBe('a set');
    expect(describeValue({ a: 1 })).toBe('a mapping');
  });
});

describe('where an unclosed bracket or quote was opened', () => {
  const messages = (text: string) =>
    parseYaml(text, FILE).diagnostics.map((d) => [d.line, d.column, d.message]);

  it('names the bracket that a mismatched closer leaves open, and each of two', () => {
    expect(messages('a: {b: [1, 2}\n')).toEqual([
      [1, 13, 'the [ opened at 1:8 is never closed'],
      [1, 14, 'the { opened at 1:4 is never closed'],
    ]);
  });

  it("counts escaped quotes as part of the text: \\\" and ''", () => {
    expect(messages('a: "say \\"hi\\"\nb: 1\n')).toEqual([[3, 1, 'the " opened at 1:4 is never closed']]);
    expect(messages("a: 'it''s\nb: 1\n")).toEqual([[3, 1, "the ' opened at 1:4 is never closed"]]);
    expect(parseYaml("a: \"x \\\\\"\nb: 'it''s'\n", FILE).source?.data).toEqual({ a: 'x \\', b: "it's" });
  });

  it('points the errors that follow an unclosed bracket back at it', () => {
    const { diagnostics } = parseYaml('meta:\n  keywords: [AI, chips\n  title: T\n  country: K\n', FILE);
    expect(diagnostics[0]).toMatchObject({
      line: 3,
      column: 3,
      message: 'the [ opened at 2:13 is never closed',
    });
    expect(diagnostics.length).toBeGreaterThan(1);
    for (const later of diagnostics.slice(1)) {
      expect(later.hint).toBe(
        'this may follow from an earlier mistake: the [ opened at 2:13 is never closed (add its ] first)',
      );
    }
  });

  it('leaves an error with no unclosed bracket before it as the parser words it', () => {
    expect(messages('a: [1, 2]]\n')).toEqual([[1, 10, 'Unexpected flow-seq-end token in YAML stream: "]"']]);
  });
});
