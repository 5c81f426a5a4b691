/**
 * The figures a quote states, read the ways sources write them: "6.8 trillion Korean Won",
 * "₩6.8 trillion", "6.8조 원", "9200億円", "1兆2000億円", "1,012", "over 20 percent", "20%",
 * "最大725億円", "4兆円以上". Each mention is a value in units, the currencies written beside
 * it, whether it is a percentage, and the qualifier its wording gives.
 */
import type { Qualifier } from '../amounts.js';
import { normalise } from './normalise.js';

export interface Mention {
  /** The value in units; a range's lower end may have a second value, the scale of its upper end. */
  values: number[];
  /** As written, for messages. */
  written: string;
  /** Offsets in the original quote. */
  start: number;
  end: number;
  currencies: Set<string>;
  percent: boolean;
  qualifier: Qualifier;
  /** For an equivalent in brackets, the qualifier of the figure it converts, which it may share. */
  inherited?: Qualifier;
}

/**
 * 1,012 and 6.8; 1.000.000 and 2,1 as Europe writes them (a comma before one or two digits is
 * a decimal comma; before three, a thousands separator); 1 000 000 with thin or plain spaces.
 */
const NUMBER =
  /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d)|\d{1,3}(?:[ \u202F]\d{3})+(?!\d)|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?/gu;

/** The value of a number as NUMBER matched it. */
function numberValue(written: string): number {
  if (/^\d{1,3}(?:\.\d{3}){2,}/u.test(written)) return Number(written.replaceAll('.', '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/u.test(written)) return Number(written.replace(',', '.'));
  return Number(written.replaceAll(/[, \u202F]/gu, ''));
}
const WORD_SCALE = /^[\s-]?(thousand|million|billion|trillion|lakh|crore|bn|mn|tn)\b/iu;
const WORD_SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
  lakh: 1e5,
  crore: 1e7,
};
const CJK_SCALES: Readonly<Record<string, number>> = {
  十: 10,
  百: 100,
  千: 1e3,
  천: 1e3,
  万: 1e4,
  萬: 1e4,
  만: 1e4,
  億: 1e8,
  亿: 1e8,
  억: 1e8,
  兆: 1e12,
  조: 1e12,
};
const PERCENT = /^\s?(?:%|percent\b|per cent\b|percentage points?\b|パーセント|퍼센트)/iu;

/** Currency signs and words sources write, to ISO codes; an ISO code itself always counts. */
const CURRENCY_WORDS: readonly [RegExp, readonly string[]][] = [
  [/US\$|\$/u, ['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'TWD']],
  [/¥|円|yen\b/iu, ['JPY', 'CNY']],
  [/₩|원|won\b/iu, ['KRW']],
  [/€|euros?\b|欧元|ユーロ|유로/iu, ['EUR']],
  [/美元|米ドル|美金/u, ['USD']],
  [/日元|엔\b/u, ['JPY']],
  [/韩元|韓元/u, ['KRW']],
  [/£|pounds? sterling|pounds?\b/iu, ['GBP']],
  [/₹|rupees?\b|(?<!\p{L})rs\.?(?=\s?\d)/iu, ['INR']],
  [/元|yuan\b|renminbi\b|rmb\b/iu, ['CNY']],
  [/ドル|달러|dollars?\b/iu, ['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'TWD']],
  [/\b[A-Z]{3}\b/u, []],
];

/** A qualifier written before the number: English words (whole words only), then CJK ones. */
const before = (english: string, cjk: string) =>
  new RegExp(`(?:(?<!\\p{L})(?:${english})|${cjk})\\s*$`, 'iu');
const BEFORE_QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [
    before(
      'more than|over|above|exceed(?:s|ing)?|surpass(?:es|ing)?|top(?:s|ping)?|in excess of|upwards of|greater than',
      '超过|超過|逾|초과',
    ),
    'over',
  ],
  [
    before('up to|as much as|a maximum of|maximum of|at most|no more than', '最大|최대|最多|多达|高达'),
    'up-to',
  ],
  [before('at least|no less than|a minimum of|minimum of', '最低|최소|至少'), 'at-least'],
  [before('under|less than|below|fewer than', '不到|少于'), 'under'],
  [
    before(
      'about|approximately|approx\\.|around|roughly|some|nearly|almost|an estimated|estimated',
      '約|约|大约|약|대략',
    ),
    'about',
  ],
];
const AFTER_QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/^\s*(?:以上|이상)/u, 'at-least'],
  [/^\s*(?:超|초과|余り|余|\+|or more\b|plus\b)/iu, 'over'],
  [/^\s*(?:未満|미만|以下|이하)/u, 'under'],
  [/^\s*(?:程度|정도|前後|ほど|여\b)/u, 'about'],
];

const CODE_AFTER = /^\s?[A-Z]{3}\b/u;
const NAME_AFTER =
  /^\s?(?:(?:South\s)?Korean\s|Japanese\s|US\s|U\.S\.\s)?(?:(?:won|yen|dollars?|euros?|yuan|rupees?|pounds?)(?![a-z])|欧元|美元|日元|韩元|ユーロ|유로|円|원|元|ドル|달러)/iu;

const CURRENCY_SEARCH = CURRENCY_WORDS.map(
  ([pattern, codes]) => [new RegExp(pattern.source, `${pattern.flags}g`), codes] as const,
);

function currenciesIn(text: string): Set<string> {
  const found = new Set<string>();
  if (text.trim() === '') return found;
  for (const [pattern, codes] of CURRENCY_SEARCH) {
    for (const match of text.matchAll(pattern)) {
      if (codes.length === 0) found.add(match[0]);
      for (const code of codes) found.add(code);
    }
  }
  return found;
}

/** Reads the CJK scale characters after a number: 6.8조, 2천억 (2 × 1000 × 10^8), 1兆2000億. */
function cjkScale(text: string, at: number): { factor: number; length: number } | undefined {
  let factor = 1;
  let length = 0;
  while (at + length < text.length) {
    const scale = CJK_SCALES[text[at + length] ?? ''];
    if (scale === undefined) break;
    factor *= scale;
    length += 1;
  }
  return length > 0 ? { factor, length } : undefined;
}

export function mentionsIn(quote: string): Mention[] {
  const { text, origin } = normalise(quote);
  const mentions: Mention[] = [];
  // Per mention: its normalised span, and its number when no scale word follows it.
  const spans: { start: number; end: number; unscaled?: number }[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    if (start < previousEnd) continue;
    let end = start + match[0].length;
    let value = numberValue(match[0]);
    let scaled = false;
    const word = WORD_SCALE.exec(text.slice(end));
    const cjk = word ? undefined : cjkScale(text, end);
    if (word) {
      value *= WORD_SCALES[(word[1] ?? '').toLowerCase()] ?? 1;
      end += word[0].length;
      scaled = true;
    } else if (cjk) {
      value *= cjk.factor;
      end += cjk.length;
      scaled = true;
      // 1兆2000億: a smaller unit written straight after is part of the same figure.
      const more = /^\d+(?:\.\d+)?/u.exec(text.slice(end));
      const smaller = more ? cjkScale(text, end + more[0].length) : undefined;
      if (more && smaller && smaller.factor < cjk.factor) {
        value += Number(more[0]) * smaller.factor;
        end += more[0].length + smaller.length;
      }
    }
    const percent = PERCENT.exec(text.slice(end));
    if (percent) end += percent[0].length;
    const before = text.slice(Math.max(previousEnd, start - 40), start);
    const after = text.slice(end, end + 24);
    const signBefore = /(?:US\$|[$¥₩€£₹]|\b[A-Z]{3})\s?$/u.exec(before);
    const nearBefore = signBefore ? signBefore[0] : '';
    const wordsBefore = before.slice(0, before.length - nearBefore.length);
    // An ISO code in capitals ("$47 billion USD"), or a currency's name in any case.
    const currencyAfter = CODE_AFTER.exec(after) ?? NAME_AFTER.exec(after);
    const currencies = currenciesIn(`${nearBefore} ${currencyAfter?.[0] ?? ''}`);
    const tail = text.slice(end + (currencyAfter?.[0].length ?? 0));
    const qualifier =
      BEFORE_QUALIFIERS.find(([pattern]) => pattern.test(wordsBefore))?.[1] ??
      AFTER_QUALIFIERS.find(([pattern]) => pattern.test(tail))?.[1] ??
      'exact';
    // "up to 476 billion yen ($3.5 billion)": a bare equivalent in brackets may be read as qualified
    // like the figure before it, or as written; sources leave it open.
    const bracketed = /^\s*\(\s*$/u.test(text.slice(previousEnd, start - nearBefore.length));
    const inherited = bracketed && qualifier === 'exact' ? mentions.at(-1)?.qualifier : undefined;
    mentions.push({
      values: [value],
      written: text.slice(start, end + (currencyAfter?.[0].length ?? 0)).trim(),
      start: origin[start] ?? 0,
      end: origin[end] ?? quote.length,
      currencies,
      percent: percent !== null,
      qualifier,
      ...(inherited ? { inherited } : {}),
    });
    spans.push({ start, end, unscaled: scaled ? undefined : numberValue(match[0]) });
    previousEnd = end + (currencyAfter?.[0].length ?? 0);
  }
  inheritRangeScales(text, spans, mentions);
  // A figure written without its currency beside it ("1.5 trillion" in a sentence about yen) takes the quote's.
  let quoted: Set<string> | undefined;
  for (const mention of mentions) {
    if (mention.currencies.size === 0) mention.currencies = quoted ??= currenciesIn(text);
  }
  return mentions;
}

/** "between 3 and 5 billion", "3–5 trillion": the lower end takes the upper end's scale as a second reading. */
function inheritRangeScales(
  text: string,
  spans: readonly { start: number; end: number; unscaled?: number }[],
  mentions: Mention[],
): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const raw = spans[i]?.unscaled;
    const low = mentions[i] as Mention;
    const high = mentions[i + 1] as Mention;
    if (raw === undefined) continue;
    const between = text.slice(spans[i]?.end ?? 0, spans[i + 1]?.start ?? 0);
    if (!/^\s*(?:-|to|and|~|〜|から)\s*$/iu.test(between)) continue;
    const highRaw = Number(/[\d,.]+/u.exec(high.written)?.[0].replaceAll(',', '') ?? 'NaN');
    const factor = high.values[0] !== undefined && highRaw > 0 ? high.values[0] / highRaw : 1;
    low.values.push(raw * factor);
    if (low.currencies.size === 0) low.currencies = high.currencies;
    if (low.qualifier === 'exact') low.qualifier = high.qualifier;
  }
}
