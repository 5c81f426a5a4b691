/** The pieces of the provenance check: normalisation, quote finding, figure reading, locators. */
import { describe, expect, it } from 'vitest';
import { parseLocator } from '../../../src/dataset/provenance/locator.js';
import { mentionsIn } from '../../../src/dataset/provenance/mentions.js';
import { normalise, normalised } from '../../../src/dataset/provenance/normalise.js';
import { closestPassage, findQuote, indexSource, placeOf } from '../../../src/dataset/provenance/quotes.js';

describe('normalisation', () => {
  it('makes typographic and plain forms alike: quotes, apostrophes, dashes, ligatures, width, spaces', () => {
    expect(normalised('Japan’s “chip” plan — 2024–2030')).toBe(
      normalised('Japan\'s "chip" plan - 2024-2030'),
    );
    expect(normalised('ﬁnancial ﬂows')).toBe('financial flows');
    expect(normalised('１２３％（全体）')).toBe('123%(全体)');
    expect(normalised('  over\n\t 58\u00a0trillion  ')).toBe('over 58 trillion');
    expect(normalised('e\u0301t\u00e9')).toBe('été');
    expect(normalised('soft\u00adhyphen\u200b')).toBe('softhyphen');
  });

  it('drops a line break inside CJK text, where it is layout, and keeps the space between words', () => {
    expect(normalised('6兆\n円程度')).toBe('6兆円程度');
    expect(normalised('AI 半導体')).toBe('AI半導体');
    expect(normalised('an AI\nlaw')).toBe('an AI law');
  });

  it('maps every normalised character back to the offset it came from', () => {
    const raw = 'a  “b”\n c';
    const { text, origin } = normalise(raw);
    expect(text).toBe('a "b" c');
    for (const [i, char] of [...text].entries()) {
      if (char !== ' ') expect(normalised(raw[origin[i] ?? 0] ?? '')).toBe(char);
    }
  });
});

describe('finding a quote', () => {
  const source = indexSource(
    'Title\n\nThe first paragraph says one thing.\nIt goes on.\n\nThe second paragraph says “another”.\fA new page starts here.',
  );

  it('finds a quote retyped with plain quotes and other line breaks, and says where it is', () => {
    const [at] = findQuote(source, 'The second paragraph says "another".');
    expect(at).toBeDefined();
    expect(placeOf(source.raw, at ?? 0)).toEqual({ line: 6, page: 1, paragraph: 3 });
    const [onPage] = findQuote(source, 'A new page starts here.');
    expect(placeOf(source.raw, onPage ?? 0)).toMatchObject({ page: 2, paragraph: 1 });
    expect(findQuote(source, 'says one thing. It goes on.')).toHaveLength(1);
  });

  it('does not find a quote with one word changed, and names the closest sentence and its line', () => {
    const quote = 'The second paragraph states "another".';
    expect(findQuote(source, quote)).toEqual([]);
    expect(closestPassage(source, quote)).toEqual({
      text: 'The second paragraph says "another".',
      line: 6,
      page: 1,
    });
  });
});

describe('reading the figures of a quote', () => {
  const read = (quote: string) =>
    mentionsIn(quote).map((m) => ({
      values: m.values,
      currencies: [...m.currencies],
      qualifier: m.qualifier,
      percent: m.percent,
    }));

  it.each([
    ['6.8 trillion Korean Won', 6.8e12, 'KRW', 'exact'],
    ['₩6.8 trillion', 6.8e12, 'KRW', 'exact'],
    ['6.8조 원', 6.8e12, 'KRW', 'exact'],
    ['9200億円', 9.2e11, 'JPY', 'exact'],
    ['1兆2000億円', 1.2e12, 'JPY', 'exact'],
    ['合計で最大725億円の助成', 7.25e10, 'JPY', 'up-to'],
    ['4兆円以上(金融支援)', 4e12, 'JPY', 'at-least'],
    ['6兆\n円程度', 6e12, 'JPY', 'about'],
    ['more than ¥15 trillion ($108 billion)', 15e12, 'JPY', 'over'],
    ['about $8.6 billion', 8.6e9, 'USD', 'about'],
    ['约24亿欧元', 2.4e9, 'EUR', 'about'],
    ['EUR 1.000.000', 1e6, 'EUR', 'exact'],
  ])('reads "%s"', (quote, value, currency, qualifier) => {
    const [first] = read(quote);
    expect(first?.values[0]).toBeCloseTo(value, 0);
    expect(first?.currencies).toContain(currency);
    expect(first?.qualifier).toBe(qualifier);
  });

  it('reads counts, percentages and decimal commas', () => {
    expect(read('with 1,012 industrial robots')[0]).toMatchObject({ values: [1012], percent: false });
    expect(read('accounting for over 20% of global production')[0]).toMatchObject({
      values: [20],
      percent: true,
      qualifier: 'over',
    });
    expect(read('over 20 percent')[0]).toMatchObject({ values: [20], percent: true, qualifier: 'over' });
    expect(read('dosegli su 2,1 % BDP-a')[0]).toMatchObject({ values: [2.1], percent: true });
  });

  it('reads a range, whose lower end takes the scale of the upper, and qualifiers only as whole words', () => {
    expect(read('between 3 and 5 billion yen')[0]?.values).toEqual([3, 3e9]);
    expect(read('moreover 5 plants')[0]?.qualifier).toBe('exact');
    expect(read('it will top 30 trillion won')[0]?.qualifier).toBe('over');
  });

  it('takes currencies only from currency words: "years" is not rupees, "and" is not a code', () => {
    expect(read('spending 5 billion over the years')[0]?.currencies).toEqual([]);
    expect(read('Rs. 500 crore')[0]?.currencies).toContain('INR');
    expect(read('5 trillion and more, in won')[0]?.currencies).toEqual(['KRW']);
    expect(mentionsIn('5 trillion and more, in won')[0]?.written).toBe('5 trillion');
  });

  it('lets a bare equivalent in brackets share the qualifier of the figure it converts', () => {
    const [, dollars] = mentionsIn('up to 476 billion yen ($3.5 billion)');
    expect(dollars).toMatchObject({ qualifier: 'exact', inherited: 'up-to' });
  });
});

describe('locators', () => {
  it('reads pages and paragraphs, and leaves other locators unchecked', () => {
    expect(parseLocator('p. 12')).toEqual({ kind: 'page', from: 12, to: 12 });
    expect(parseLocator('pp. 3–4')).toEqual({ kind: 'page', from: 3, to: 4 });
    expect(parseLocator('para. 5')).toEqual({ kind: 'paragraph', from: 5, to: 5 });
    expect(parseLocator('¶ 2')).toEqual({ kind: 'paragraph', from: 2, to: 2 });
    expect(parseLocator('§ 3.2')).toBeUndefined();
  });
});
