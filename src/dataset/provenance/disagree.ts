/**
 * Sources that disagree: a record cited to two sources whose quotes state its figure
 * differently, the same kind of figure (an amount in the same currency, or a count of the
 * same thing) at another value or with another qualifier: "up to 732 billion yen" in one,
 * "up to JPY730 billion" in the other. That is a warning, not an error (both sources exist
 * and say what they say), at the citation that differs, naming the one that agrees; the fix is
 * to record the other value under `alternatives`, which the documents print beside the figure.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Qualifier } from '../amounts.js';
import { SCALE_FACTOR } from '../wording.js';
import {
  type CheckedQuote,
  checkedQuotes,
  describeMoney,
  describeQuantity,
  type MentionCache,
  near,
  position,
  statesValue,
  upperEndStated,
} from './figures.js';
import type { Mention } from './mentions.js';
import type { CitedGroup, Path, StatedFigure } from './stated.js';

type At = (path: Path) => Partial<Diagnostic>;

/**
 * Mentions this close to the figure (a factor of 2 either way) are read as the same figure
 * stated otherwise; further off, a quote is taken to state some other figure of the story
 * (a total, a first tranche), which is no disagreement.
 */
const SAME_FIGURE_RATIO = 2;

function figureValue(figure: StatedFigure): number | undefined {
  if (figure.money) return figure.money.amount * SCALE_FACTOR[figure.money.scale];
  return figure.quantity?.amount;
}

const PERCENT_UNIT = /^(?:%|percent|per cent|percentage points?)\b/iu;

/** Does the quote state this figure as the record does, qualifier and all? */
function agrees(figure: StatedFigure, quote: CheckedQuote): boolean {
  const qualifier = (figure.money ?? figure.quantity)?.qualifier;
  return quote.mentions.some(
    (m) =>
      statesValue(figure, m) &&
      (!figure.money || upperEndStated(figure.money, quote.mentions)) &&
      (m.qualifier === qualifier || m.inherited === qualifier),
  );
}

/** A mention of the same kind of figure, near enough in size to be the same one stated otherwise. */
function sameKind(figure: StatedFigure, quote: CheckedQuote, mention: Mention): boolean {
  const value = figureValue(figure);
  if (value === undefined || value <= 0) return false;
  const close = mention.values.some(
    (v) => v > 0 && v / value <= SAME_FIGURE_RATIO && value / v <= SAME_FIGURE_RATIO,
  );
  if (!close) return false;
  if (figure.money) return !mention.percent && mention.currencies.has(figure.money.currency);
  const unit = figure.quantity?.unit ?? '';
  if (PERCENT_UNIT.test(unit)) return mention.percent;
  // A count must name what it counts right after it ("55,000 wafers"), not be any number.
  const word = /^[\p{L}\p{N}-]+/u.exec(unit)?.[0].toLowerCase();
  const after = quote.quote.slice(mention.end, mention.end + 40).toLowerCase();
  return !mention.percent && word !== undefined && after.includes(word.replace(/s$/u, ''));
}

function describe(figure: StatedFigure): string {
  if (figure.money) return describeMoney(figure.money);
  return figure.quantity ? describeQuantity(figure.quantity) : '';
}

/**
 * What a qualifier says of the figure: a floor ("over", "at least": one idea, which sources and
 * translations word either way), a ceiling ("up to", "under"), an estimate, or the figure itself.
 */
const SENSE: Readonly<Record<Qualifier, string>> = {
  exact: 'exact',
  about: 'about',
  over: 'floor',
  'at-least': 'floor',
  'up-to': 'ceiling',
  under: 'ceiling',
};

/** The differing mention a quote states, when it states the figure only otherwise. */
function differing(figure: StatedFigure, quote: CheckedQuote): Mention | undefined {
  if (agrees(figure, quote)) return undefined;
  const sense = SENSE[(figure.money ?? figure.quantity)?.qualifier ?? 'exact'];
  const sameSense = (m: Mention) =>
    SENSE[m.qualifier] === sense || (m.inherited !== undefined && SENSE[m.inherited] === sense);
  return quote.mentions.find(
    (m) =>
      sameKind(figure, quote, m) &&
      !(m.values.some((v) => near(v, figureValue(figure) ?? 0)) && sameSense(m)),
  );
}

function wording(mention: Mention): string {
  return mention.qualifier === 'exact'
    ? `"${mention.written}"`
    : `"${mention.written}" (${mention.qualifier})`;
}

export function disagreements(
  groups: readonly CitedGroup[],
  at: At,
  cache: MentionCache = new Map(),
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const group of groups) {
    if (new Set(group.cite.map((c) => c.source)).size < 2) continue;
    const quotes = checkedQuotes(group, cache);
    for (const figure of group.figures) {
      const stated = figure.money ?? figure.quantity;
      if (!stated || stated.computed) continue;
      const agreeing = quotes.find((q) => agrees(figure, q));
      if (!agreeing) continue;
      for (const quote of quotes) {
        if (quote.source === agreeing.source) continue;
        const mention = differing(figure, quote);
        if (!mention) continue;
        const here = position(at, quote.path);
        const there = position(at, agreeing.path);
        found.push({
          code: 'SOURCES_DISAGREE',
          severity: 'warning',
          message: `the sources disagree on ${describe(figure)}: "${quote.source}" writes ${wording(mention)} (quote at ${here}), "${agreeing.source}" states the figure as recorded (quote at ${there})`,
          ...at(quote.path),
          hint: 'keep the figure on the source you follow, and record the other value under `alternatives:` (its amount, with this citation moved there); the documents then print both, each with its source',
        });
      }
    }
  }
  return found;
}
