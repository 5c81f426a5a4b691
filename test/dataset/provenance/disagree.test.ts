/**
 * Disagreeing sources and alternatives: a record cited to two sources that state its figure
 * differently is a warning with both positions; the citations inside `alternatives` are
 * checked like any other (quote in its source, figure in its quote).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/cli/validate.js';
import { loadDatasetFile } from '../../../src/dataset/load.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
const SOURCES = join(ROOT, 'test', 'fixtures', 'sources', 'japan');

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not in the dataset: ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** The line of the last line holding `needle`: the record's own copy of a quote its alternative has too. */
function lastLineOf(text: string, needle: string): number {
  return text.slice(0, text.lastIndexOf(needle)).split('\n').length;
}

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-disagree-')), 'data.yaml');
  writeFileSync(file, text);
  return file;
}

/** A copy of the Japan fixture, changed, whose source folder is the fixture's. */
function japan(from: string, to: string): { file: string; text: string } {
  const original = readFileSync(JAPAN, 'utf8');
  if (!original.includes(from)) throw new Error(`not in the dataset: ${from}`);
  const text = original
    .replace(from, to)
    .replace('sourceFolder: ../sources/japan', `sourceFolder: ${JSON.stringify(SOURCES)}`);
  return { file: write(text), text };
}

const DIGITIMES_QUOTE =
  "The day before Taiwan Semiconductor Manufacturing Company's (TSMC) inauguration of its first fab in Kumamoto, Japan, on February 24, Japanese media outlets reported that the Japanese government plans to provide up to JPY730 billion (around US$5 billion) of direct subsidy to its planned second fab at the same site.";
const JIJI_CITE = `    cite:
      - source: jiji-2024-02-tsmc
        quote: >-
          On the same day, Japan's industry ministry said that it will provide up to 732 billion yen`;

describe('the citations inside alternatives', () => {
  it('a word of an alternative quote changed: QUOTE_NOT_FOUND at that quote', async () => {
    const { file, text } = japan(
      'Japanese government plans to provide up to JPY730',
      'Japanese government intends to provide up to JPY730',
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      [
        'QUOTE_NOT_FOUND',
        lineOf(text, 'government intends to provide') - 1,
        expect.stringMatching(/\.alternatives\[0\]\.cite\[0\]\.quote$/),
      ],
    ]);
    expect(diagnostics[0]?.hint).toContain('plans to provide');
  });

  it("an alternative's figure off by one: FIGURE_NOT_IN_QUOTE at the alternative's amount", async () => {
    const { file, text } = japan(
      '- amount: { amount: 730, currency: JPY',
      '- amount: { amount: 731, currency: JPY',
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      [
        'FIGURE_NOT_IN_QUOTE',
        lineOf(text, 'amount: 731'),
        expect.stringMatching(/\.alternatives\[0\]\.amount$/),
      ],
    ]);
  });
});

describe('sources that disagree', () => {
  it('the other source cited on the record itself: a warning at its quote naming both positions; still valid', async () => {
    const { file, text } = japan(
      JIJI_CITE,
      `    cite:
      - source: digitimes-2024-02-tsmc
        quote: >-
          ${DIGITIMES_QUOTE}
${JIJI_CITE.split('\n').slice(1).join('\n')}`,
    );
    const result = await loadDatasetFile(file);
    expect(result.dataset).toBeDefined();
    const digitimes = lastLineOf(text, `          ${DIGITIMES_QUOTE}`) - 1;
    const jiji =
      lineOf(
        text,
        "          On the same day, Japan's industry ministry said that it will provide up to 732",
      ) - 1;
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['SOURCES_DISAGREE', 'warning', digitimes],
    ]);
    const [warning] = result.diagnostics;
    expect(warning?.message).toContain(`quote at ${digitimes}:`);
    expect(warning?.message).toContain(`quote at ${jiji}:`);
    expect(warning?.message).toContain('"730 billion" (up-to)');
    expect(warning?.hint).toContain('alternatives');
    expect(result.provenance?.sourcesDisagree).toBe(1);
  });

  const dataset = (qualifier: string, second: string) =>
    [
      'meta: { id: t, title: T, country: Testland, language: en, asOf: 2025-01-01, author: A, currency: EUR }',
      'sources:',
      '  - { id: a, title: Report A }',
      '  - { id: b, title: Report B }',
      'sectors:',
      '  - { id: h, name: Hydrogen, summary: Hydrogen., cite: [{ source: a, quote: "Hydrogen." }] }',
      'investments:',
      '  - id: fund',
      '    label: Hydrogen Fund',
      '    year: 2024',
      '    status: allocated',
      `    amount: { amount: 5, currency: EUR, scale: billion, qualifier: ${qualifier} }`,
      '    cite:',
      `      - { source: a, quote: "In 2024 the fund was given ${qualifier === 'exact' ? '' : 'more than '}5 billion euros." }`,
      `      - { source: b, quote: ${JSON.stringify(second)} }`,
      '',
    ].join('\n');

  it('validate prints the warning and the count, and exits 0: the dataset is valid', async () => {
    const file = write(dataset('exact', 'The fund received 4.8 billion euros in 2024.'));
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), isTTY: false };
    const code = await runValidate([file], false, io, join(file, '..'), 'none.yaml');
    expect(err).toContain('warning SOURCES_DISAGREE');
    expect(out).toContain('valid');
    expect(out).toContain('1 figure whose sources disagree');
    expect(code).toBe(0);
  });

  it.each([
    [
      'a different qualifier (about against exact)',
      'exact',
      'The fund received about 5 billion euros in 2024.',
      1,
    ],
    ['a different value (4.8 against 5)', 'exact', 'The fund received 4.8 billion euros in 2024.', 1],
    [
      '"at least" against "over": the same floor, worded otherwise',
      'over',
      'The fund received at least 5 billion euros in 2024.',
      0,
    ],
    [
      'a figure far off (a total of 50 billion): another figure, not a disagreement',
      'exact',
      'The plan as a whole is worth 50 billion euros.',
      0,
    ],
    ['another currency: not the same figure', 'exact', 'The fund received 4.8 billion dollars in 2024.', 0],
  ])('%s', async (_, qualifier, second, warnings) => {
    const result = await loadDatasetFile(write(dataset(qualifier, second)));
    expect(result.dataset).toBeDefined();
    expect(result.diagnostics.filter((d) => d.code === 'SOURCES_DISAGREE')).toHaveLength(warnings);
  });
});
