/**
 * The provenance check on real data: the shipped Korea dataset and the Japan fixture validate
 * clean, every quote found and every figure matched; and mutated copies of them (a word of a
 * quote, a digit of a figure, a qualifier, a locator, a translation) fail at the right line.
 * This replaces the project-only quote tests that were hard-wired to the two datasets.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const KOREA = join(ROOT, 'data', 'korea-emerging-tech.yaml');
const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

/** The 1-based line of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not in the dataset: ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** A copy of the Korea dataset, changed, beside a copy of its sources. */
function korea(change: (text: string) => string): { file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-provenance-'));
  cpSync(join(ROOT, 'data', 'sources'), join(dir, 'sources'), { recursive: true });
  const text = change(readFileSync(KOREA, 'utf8'));
  const file = join(dir, 'korea.yaml');
  writeFileSync(file, text);
  return { file, text };
}

/** A copy of the Japan fixture, changed, whose source folder is the fixture's. */
function japan(change: (text: string) => string): { file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-provenance-'));
  const sources = join(ROOT, 'test', 'fixtures', 'sources', 'japan');
  const text = change(readFileSync(JAPAN, 'utf8')).replace(
    'sourceFolder: ../sources/japan',
    `sourceFolder: ${JSON.stringify(sources)}`,
  );
  const file = join(dir, 'japan.yaml');
  writeFileSync(file, text);
  return { file, text };
}

const replaceOnce = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`not in the dataset: ${from}`);
  return text.replace(from, to);
};

describe('the shipped datasets', () => {
  it.each([
    ['Korea', KOREA, 50, 19],
    ['Japan', JAPAN, 120, 60],
  ])(
    '%s: every quote is found in its stored source and every figure in its quotes',
    async (_, file, quotes, figures) => {
      const result = await loadDatasetFile(file);
      expect(result.diagnostics).toEqual([]);
      const summary = result.provenance;
      expect(summary?.notVerifiable).toEqual([]);
      expect(summary?.quotesFound).toBe(summary?.quotes);
      expect(summary?.quotes).toBeGreaterThanOrEqual(quotes);
      expect(summary?.figuresMatched).toBe(summary?.figures);
      expect(summary?.figures).toBeGreaterThanOrEqual(figures);
    },
  );
});

describe('a mutated Korea dataset', () => {
  it('a word of a quote changed: QUOTE_NOT_FOUND at the quote, the source sentence as the hint', async () => {
    const { file, text } = korea(
      replaceOnce('The government plans to invest 6.8', 'The government intends to invest 6.8'),
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'QUOTE_NOT_FOUND',
      line: lineOf(text, 'The government intends') - 1,
      path: 'investments[0].cite[0].quote',
    });
    expect(diagnostics[0]?.hint).toMatch(
      /^did you mean: "The government plans to invest 6\.8 trillion Korean Won in 2025/,
    );
    expect(diagnostics[0]?.hint).toContain('The quote has "intends" where the source has "plans".');
    // The hint's line of the source holds the passage it shows (the sentence is in the source twice).
    const sourceLines = readFileSync(
      join(ROOT, 'data', 'sources', 'park-2025-korea-emerging-technologies.txt'),
      'utf8',
    ).split('\n');
    const shownLine = Number(/\(line (\d+) of the source\)/.exec(diagnostics[0]?.hint ?? '')?.[1]);
    expect(sourceLines[shownLine - 1]).toContain('The government plans to invest 6.8 trillion');
  });

  it('a figure changed by one digit: FIGURE_NOT_IN_QUOTE at the figure, naming the quote and what it states', async () => {
    const { file, text } = korea(replaceOnce('amount: { amount: 6.8,', 'amount: { amount: 6.9,'));
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'FIGURE_NOT_IN_QUOTE',
      line: lineOf(text, 'amount: 6.9,'),
      path: 'investments[0].amount',
    });
    expect(diagnostics[0]?.message).toMatch(
      /^6\.9 trillion KRW is not stated in any of this record's quotes \(\d+:\d+\)/,
    );
    expect(diagnostics[0]?.hint).toContain('"6.8 trillion Korean Won"');
  });

  it('a qualifier removed: FIGURE_QUALIFIER at the figure, with the position of the quote that says "over"', async () => {
    const { file, text } = korea(
      replaceOnce('{ amount: 20, unit: percent, qualifier: over }', '{ amount: 20, unit: percent }'),
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics).toHaveLength(1);
    // The indicator's own quote, after the figure (the sentence is quoted earlier in the file too).
    const figureLine = lineOf(text, '{ amount: 20, unit: percent }');
    const after = text.split('\n').slice(figureLine).join('\n');
    const quoteLine = figureLine + lineOf(after, 'accounting for over 20%') - 1;
    expect(diagnostics[0]).toMatchObject({
      code: 'FIGURE_QUALIFIER',
      line: lineOf(text, '{ amount: 20, unit: percent }'),
    });
    expect(diagnostics[0]?.message).toContain(`the quote at ${quoteLine}:`);
    expect(diagnostics[0]?.hint).toContain('qualifier: over');
  });

  it('a qualifier added where the quote has none fails too', async () => {
    const { file } = korea(
      replaceOnce('value: { amount: 1012, unit:', 'value: { amount: 1012, qualifier: about, unit:'),
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['FIGURE_QUALIFIER', 'indicators[1].value']]);
  });

  it('a paragraph locator is checked: the right paragraph passes, the next one is QUOTE_LOCATOR at the locator', async () => {
    const sentence = 'In 2023, South Korea was one of the most robot-dense countries';
    const source = readFileSync(
      join(ROOT, 'data', 'sources', 'park-2025-korea-emerging-technologies.txt'),
      'utf8',
    );
    // Paragraphs counted here independently: blocks of text between blank lines.
    const paragraphs = source.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
    const paragraph = paragraphs.findIndex((p) => p.includes(sentence)) + 1;
    expect(paragraph).toBeGreaterThan(1);
    const withLocator = (n: number) =>
      replaceOnce(
        `      - source: park-2025\n        quote: >-\n          ${sentence}`,
        `      - source: park-2025\n        locator: para. ${n}\n        quote: >-\n          ${sentence}`,
      );
    expect((await loadDatasetFile(korea(withLocator(paragraph)).file)).diagnostics).toEqual([]);
    const off = korea(withLocator(paragraph + 1));
    const { diagnostics } = await loadDatasetFile(off.file);
    expect(diagnostics).toMatchObject([
      {
        code: 'QUOTE_LOCATOR',
        line: lineOf(off.text, `locator: para. ${paragraph + 1}`),
        message: expect.stringContaining(`para. ${paragraph} of its source`),
      },
    ]);
  });

  it('a source without its stored file: reported as not verifiable, not silently passed', async () => {
    const { file } = korea(replaceOnce('    file: msit-2022-national-strategic-technologies.md\n', ''));
    const result = await loadDatasetFile(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.provenance?.notVerifiable).toEqual(['msit-2022']);
    expect(result.provenance?.quotesUnchecked).toBe(12);
  });
});

describe('a mutated Japan fixture', () => {
  it('a partnership quote with a word changed: QUOTE_NOT_FOUND at the quote (partners are checked too)', async () => {
    // The programme that the partnership belongs to quotes the same sentence: change the
    // partnership's own copy, the last in the file.
    const from = 'it has formed a partnership with U.S. chip giant';
    const { file, text } = japan((t) => {
      const at = t.lastIndexOf(from);
      if (at < 0 || t.indexOf('\npartners:') > at) throw new Error('no partnership quote');
      return `${t.slice(0, at)}it has formed an alliance with U.S. chip giant${t.slice(at + from.length)}`;
    });
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['QUOTE_NOT_FOUND', lineOf(text, 'it has formed an alliance with') - 1],
    ]);
  });

  it('725億円 written as 726 (hundred-million): FIGURE_NOT_IN_QUOTE at its line', async () => {
    const { file, text } = japan(
      replaceOnce('budget: { amount: 725, currency: JPY', 'budget: { amount: 726, currency: JPY'),
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['FIGURE_NOT_IN_QUOTE', lineOf(text, 'amount: 726')],
    ]);
  });

  it('"4兆円以上" (at least) with the qualifier dropped: FIGURE_QUALIFIER', async () => {
    const { file, text } = japan(
      replaceOnce(
        'amount: { amount: 4, currency: JPY, scale: trillion, qualifier: at-least }',
        'amount: { amount: 4, currency: JPY, scale: trillion }',
      ),
    );
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['FIGURE_QUALIFIER', lineOf(text, 'amount: { amount: 4, currency: JPY, scale: trillion }')],
    ]);
  });

  it('a Japanese quote without its translation under an English output: QUOTE_UNTRANSLATED at the quote', async () => {
    const translation =
      '        translation: METI announced subsidies of up to 72.5 billion yen (725億円) in total for five cloud services needed to develop AI.\n';
    const { file, text } = japan(replaceOnce(translation, ''));
    const { diagnostics } = await loadDatasetFile(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['QUOTE_UNTRANSLATED', lineOf(text, '経済産業省は、AIの開発に必要なクラウドサービス') - 1],
    ]);
  });

  it('a quote with its full stop changed to a different sentence ending fails; retyped typography does not', async () => {
    const typography = japan(
      replaceOnce(
        'Japan’s Ministry of Economy, Trade and Industry (METI) said',
        "Japan's Ministry of Economy, Trade and Industry (METI) said",
      ),
    );
    expect((await loadDatasetFile(typography.file)).diagnostics).toEqual([]);
    // The first of the two quotes of this sentence (sectors: ai-compute), with 行なう written 行う.
    const changed = japan(
      replaceOnce('最大725億円の助成を行なうと発表した。', '最大725億円の助成を行うと発表した。'),
    );
    const { diagnostics } = await loadDatasetFile(changed.file);
    expect(diagnostics.map((d) => d.code)).toEqual(['QUOTE_NOT_FOUND']);
    expect(diagnostics[0]?.hint).toMatch(
      /^did you mean: "経済産業省は、AIの開発に必要なクラウドサービスを提供する5件に対し、合計で最大725億円の助成を行なうと発表した。" \(line \d+ of the source\)\?/,
    );
    expect(diagnostics[0]?.hint).toContain(
      'After "円の助成を行" the quote has "うと発表した" where the source has "なうと発表し"',
    );
  });
});
