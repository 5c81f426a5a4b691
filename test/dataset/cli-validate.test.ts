/** `briefkit validate` through the CLI's `run(argv, io)`: what an analyst sees, and the exit codes. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string) =>
  relative(process.cwd(), join(ROOT, 'test', 'fixtures', 'dataset-errors', name));
const SHIPPED = relative(process.cwd(), join(ROOT, 'data', 'korea-emerging-tech.yaml'));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    isTTY: false,
  });
  return { code, out, err };
}

/** Citations in the shipped dataset, read from its text (each `source: <id>` of a `cite` entry). */
const QUOTES = (
  readFileSync(join(ROOT, 'data', 'korea-emerging-tech.yaml'), 'utf8').match(/\bsource: [\w-]+/g) ?? []
).length;

/** The provenance line of the shipped dataset: every quote found, every figure matched, no source unchecked. */
const provenance = (file: string) =>
  `  ${file}: provenance: ${QUOTES} of ${QUOTES} quotes found in their sources, 19 of 19 figures found in their quotes\n`;

describe('briefkit validate', () => {
  it('exits 1 and prints each problem as file:line:column, path, expected/got and hint', async () => {
    const file = fixture('wrong-type-amount.yaml');
    const { code, out, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `${file}:23:23  error DATA_TYPE  programs[0].budget.amount: expected a number, got "6.8조"\n` +
        '    hint: write a plain number such as 6.8, without quotes, units or thousands separators\n' +
        '\n1 problem found.\n',
    );
  });

  it('reports every problem of a file at once, in file order', async () => {
    const file = fixture('many-problems.yaml');
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    const heads = err.split('\n').filter((line) => line.startsWith(file));
    expect(heads.map((line) => line.split('  ')[0])).toEqual([
      `${file}:5:13`,
      `${file}:22:11`,
      `${file}:23:23`,
      `${file}:23:63`,
      `${file}:27:5`,
      `${file}:30:17`,
    ]);
    expect(err).toContain('6 problems found.');
  });

  it('prints diagnostics as JSON data with --json', async () => {
    const file = fixture('unknown-key.yaml');
    const { code, out, err } = await cli('validate', '--json', file);
    expect(code).toBe(1);
    expect(err).toBe('');
    const report = JSON.parse(out) as {
      valid: boolean;
      files: { file: string; valid: boolean; diagnostics: unknown[] }[];
    };
    expect(report.valid).toBe(false);
    expect(report.files).toEqual([
      {
        file,
        valid: false,
        diagnostics: [
          {
            code: 'DATA_UNKNOWN_KEY',
            severity: 'error',
            message: 'unknown field "qualifer"',
            file,
            line: 23,
            column: 60,
            path: 'programs[0].budget.qualifer',
            hint: 'did you mean "qualifier"?',
          },
        ],
      },
    ]);
  });

  it('exits 0 for the shipped dataset, named or by default', async () => {
    const named = await cli('validate', SHIPPED);
    expect(named).toEqual({ code: 0, out: `✓ ${SHIPPED}: valid\n${provenance(SHIPPED)}`, err: '' });
    const byDefault = await cli('validate');
    expect(byDefault.code).toBe(0);
    // The default comes from the build config, so the path may be printed absolute.
    expect(byDefault.out).toMatch(
      /^✓ (.*\/)?data\/korea-emerging-tech\.yaml: valid\n {2}(.*\/)?data\/korea-emerging-tech\.yaml: provenance: /,
    );
    const json = await cli('validate', '--json', SHIPPED);
    expect(JSON.parse(json.out)).toEqual({
      valid: true,
      files: [
        {
          file: SHIPPED,
          valid: true,
          diagnostics: [],
          provenance: {
            sources: 2,
            notVerifiable: [],
            quotes: QUOTES,
            quotesFound: QUOTES,
            quotesUnchecked: 0,
            sourcesDisagree: 0,
            figures: 19,
            figuresMatched: 19,
            figuresComputed: 0,
          },
        },
      ],
    });
  });

  it('checks several files and fails when any is invalid', async () => {
    const bad = fixture('duplicate-ids.yaml');
    const { code, out, err } = await cli('validate', SHIPPED, bad);
    expect(code).toBe(1);
    expect(out).toBe(`✓ ${SHIPPED}: valid\n${provenance(SHIPPED)}`);
    expect(err).toContain(`${bad}:27:9  error REF_DUPLICATE_ID  programs[1].id: duplicate id "fund"`);
  });

  it('exits 1 with a clear message for a missing file', async () => {
    const { code, out, err } = await cli('validate', 'no/such/dataset.yaml');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'no/such/dataset.yaml  error FILE_NOT_FOUND  no such file\n' +
        '    hint: check the path and that the file exists\n' +
        '\n1 problem found.\n',
    );
  });

  it('exits 1 for a folder given as a file', async () => {
    const { code, err } = await cli('validate', 'test');
    expect(code).toBe(1);
    expect(err).toContain('test  error FILE_NOT_FOUND  this is a folder, not a file\n');
  });

  it.runIf(process.platform === 'linux')('exits 1 at once for a device given as the dataset', async () => {
    const { code, err } = await cli('validate', '/dev/zero');
    expect(code).toBe(1);
    expect(err).toContain(
      '/dev/zero  error FILE_NOT_REGULAR  this is a character device (such as /dev/zero), not a regular file\n',
    );
  });

  it('exits 1 for a file that is not UTF-8, without a stack trace', async () => {
    const file = fixture('not-utf8.yaml');
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:11:21  error FILE_NOT_UTF8  the file is not valid UTF-8 text`);
    expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('exits 2 for an unknown flag', async () => {
    const { code, out, err } = await cli('validate', '--jsn', SHIPPED);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^briefkit: unknown option --jsn \(did you mean --json\?\)/);
    expect(err).toContain('Run "briefkit --help" for usage.');
  });

  it('exits 2 for a flag validate does not take', async () => {
    const { code, err } = await cli('validate', '--watch', SHIPPED);
    expect(code).toBe(2);
    expect(err).toMatch(/^briefkit: validate does not accept --watch/);
  });
});
