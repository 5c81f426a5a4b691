/**
 * Every stated figure is found in one of its record's quotes (mentions.ts reads them), with
 * the qualifier the quote's wording gives: "over 58 trillion" is `over`, a bare "58 trillion"
 * is `exact`. A figure marked `computed` (a conversion, a sum) needs no quote; a year must be
 * written in a quote too ("by 2030", "fiscal 2025", "2025年", "令和7年度").
 */
import { type Diagnostic, error } from '../../diagnostics.js';
import type { Citation, Money, Quantity, ShapedDataset } from '../schema.js';
import { SCALE_FACTOR } from '../wording.js';
import { type Mention, mentionsIn } from './mentions.js';
import { type CitedGroup, citedGroups, type Path, type StatedFigure } from './stated.js';

type At = (path: Path) => Partial<Diagnostic>;

export interface FigureCheck {
  diagnostics: Diagnostic[];
  checked: number;
  matched: number;
  computed: number;
}

const UNIT_SCALE = /^(thousand|million|billion|trillion)\b/iu;
const UNIT_SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const PERCENT_UNIT = /^(?:%|percent|per cent|percentage points?)\b/iu;

export const near = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

export function describeMoney(m: Money): string {
  const range = m.amountMax !== undefined ? `${m.amount}–${m.amountMax}` : `${m.amount}`;
  return `${m.qualifier === 'exact' ? '' : `${m.qualifier} `}${range}${m.scale === 'one' ? '' : ` ${m.scale}`} ${m.currency}`;
}

export function describeQuantity(q: Quantity): string {
  return `${q.qualifier === 'exact' ? '' : `${q.qualifier} `}${q.amount} ${q.unit}`;
}

/** The mentions of a quote that state this value (currency and percent agreeing). */
export function statesValue(figure: StatedFigure, mention: Mention): boolean {
  if (figure.money) {
    const { amount, scale, currency } = figure.money;
    return (
      !mention.percent &&
      mention.currencies.has(currency) &&
      mention.values.some((v) => near(v, amount * SCALE_FACTOR[scale]))
    );
  }
  if (figure.quantity) {
    const { unit, amount } = figure.quantity;
    const percent = PERCENT_UNIT.test(unit);
    // A unit that starts with a scale word ("trillion yen in sales") scales the amount.
    const factor = UNIT_SCALES[UNIT_SCALE.exec(unit)?.[1]?.toLowerCase() ?? ''] ?? 1;
    return (!percent || mention.percent) && mention.values.some((v) => near(v, amount * factor));
  }
  return false;
}

export function upperEndStated(money: Money, mentions: Mention[]): boolean {
  const { amountMax, scale, currency } = money;
  if (amountMax === undefined) return true;
  return mentions.some(
    (m) => m.currencies.has(currency) && m.values.some((v) => near(v, amountMax * SCALE_FACTOR[scale])),
  );
}

const ERAS: readonly [RegExp, number][] = [
  [/(?:令和|R)(\d{1,2}|元)年/gu, 2018],
  [/(?:平成|H)(\d{1,2}|元)年/gu, 1988],
];

function yearsIn(quote: string): Set<number> {
  const years = new Set<number>();
  for (const match of quote.normalize('NFKC').matchAll(/(?<!\d)(1[89]\d\d|2[0-2]\d\d)(?!\d)/gu))
    years.add(Number(match[1]));
  for (const [pattern, start] of ERAS) {
    for (const match of quote.normalize('NFKC').matchAll(pattern)) {
      years.add(start + (match[1] === '元' ? 1 : Number(match[1])));
    }
  }
  return years;
}

/** The years of the cited sources' dates and titles, and the year before and after each date (a fiscal year). */
function contextYearsOf(data: ShapedDataset, cite: readonly Citation[]): Set<number> {
  const years = new Set<number>();
  for (const citation of cite) {
    const source = data.sources.find((s) => s.id === citation.source);
    if (!source) continue;
    for (const y of yearsIn(source.title)) years.add(y);
    const dated = source.date ? Number(source.date.slice(0, 4)) : undefined;
    if (dated !== undefined) for (const y of [dated - 1, dated, dated + 1]) years.add(y);
  }
  return years;
}

/** The figures each quote states, read once per quote text: records often share a sentence. */
export type MentionCache = Map<string, Mention[]>;

/** The quotes of a record (or of one of its alternatives), with the figures each states. */
export function checkedQuotes(group: CitedGroup, cache: MentionCache = new Map()): CheckedQuote[] {
  return group.cite.map((c, j) => {
    let mentions = cache.get(c.quote);
    if (!mentions) {
      mentions = mentionsIn(c.quote);
      cache.set(c.quote, mentions);
    }
    return { quote: c.quote, source: c.source, path: [...group.path, 'cite', j, 'quote'] as Path, mentions };
  });
}

export function checkFigures(
  data: ShapedDataset,
  at: At,
  groups = citedGroups(data),
  cache: MentionCache = new Map(),
): FigureCheck {
  const result: FigureCheck = { diagnostics: [], checked: 0, matched: 0, computed: 0 };
  for (const group of groups) {
    if (group.figures.length === 0) continue;
    const quotes = checkedQuotes(group, cache);
    for (const figure of group.figures) {
      const stated = figure.money ?? figure.quantity;
      if (stated?.computed) {
        result.computed += 1;
        continue;
      }
      result.checked += 1;
      const problem = figureProblem(figure, quotes, contextYearsOf(data, group.cite), at);
      if (problem) result.diagnostics.push(problem);
      else result.matched += 1;
    }
  }
  return result;
}

export interface CheckedQuote {
  quote: string;
  source: string;
  path: Path;
  mentions: Mention[];
}

export function position(at: At, path: Path): string {
  const where = at(path);
  return `${where.line}:${where.column}`;
}

function figureProblem(
  figure: StatedFigure,
  quotes: CheckedQuote[],
  contextYears: ReadonlySet<number>,
  at: At,
): Diagnostic | undefined {
  if (figure.year !== undefined) {
    if (quotes.some((q) => yearsIn(q.quote).has(figure.year ?? 0))) return undefined;
    // A budget "for fiscal 2025" is often dated by its source alone ("Tuesday", in a 2024 article).
    if (contextYears.has(figure.year)) return undefined;
    return error(
      'FIGURE_NOT_IN_QUOTE',
      `the year ${figure.year} is not written in any of this record's quotes, nor in the date or title of its sources`,
      {
        ...at(figure.path),
        hint: 'cite the sentence that gives the year, or check the year against the quote',
      },
    );
  }
  const stated = (figure.money ?? figure.quantity) as Money | Quantity;
  const described = figure.money ? describeMoney(figure.money) : describeQuantity(stated as Quantity);
  let disagreeing: { quote: CheckedQuote; mention: Mention } | undefined;
  for (const quote of quotes) {
    for (const mention of quote.mentions) {
      if (!statesValue(figure, mention)) continue;
      if (figure.money && !upperEndStated(figure.money, quote.mentions)) continue;
      if (mention.qualifier === stated.qualifier || mention.inherited === stated.qualifier) return undefined;
      disagreeing ??= { quote, mention };
    }
  }
  if (disagreeing) {
    const { quote, mention } = disagreeing;
    const wording = mention.qualifier === 'exact' ? 'no qualifier' : `"${mention.qualifier}"`;
    return error(
      'FIGURE_QUALIFIER',
      `the figure is ${stated.qualifier === 'exact' ? 'exact' : `"${stated.qualifier}"`}, but the quote at ${position(at, quote.path)} writes "${mention.written}" (${wording})`,
      {
        ...at(figure.path),
        hint: `write qualifier: ${mention.qualifier}, as the source words it, or cite the sentence that words it as the figure does`,
      },
    );
  }
  const written = quotes.flatMap((q) => q.mentions.map((m) => `"${m.written}"`));
  const listed =
    written.length > 0
      ? `its quotes state ${[...new Set(written)].slice(0, 6).join(', ')}`
      : 'its quotes state no figure';
  return error(
    'FIGURE_NOT_IN_QUOTE',
    `${described} is not stated in any of this record's quotes (${quotes.map((q) => position(at, q.path)).join(', ')})`,
    {
      ...at(figure.path),
      hint: `${listed}; fix the figure, cite the sentence that states it, or mark it computed: "how it was derived"`,
    },
  );
}
