/**
 * Which slides the shipped deck draws for the money and the indicators, as named helpers: the
 * template asks `{{#if (deckBudgetsOnKeyFigures @root)}}` where it repeated one long condition
 * about ten times, so the slides that depend on the answer cannot drift apart.
 */
import { describe, fail, type HelperTable, isRecord } from './helper-args.js';
import { field, hasValue } from './helpers-lists.js';
import type { RenderState } from './render-state.js';

/** The chart of stated figures by year (the catalogue's id): the money slide draws it. */
const TREND_CHART = 'investment-trend';

/** The lists the questions read, from the template's data. */
export interface DeckLists {
  programs: readonly unknown[];
  investments: readonly unknown[];
  indicators: readonly unknown[];
}

/** Figures that stand alone (not stated as part of another): the cards and the chart show these. */
function standalone(lists: DeckLists): unknown[] {
  return lists.investments.filter((row) => !hasValue(field(row, 'partOf')));
}

/** The money slide draws the trend chart: the chart has rows and the figures share one scope. */
export function deckMoneyChart(lists: DeckLists, trendHasData: boolean): boolean {
  return trendHasData && new Set(standalone(lists).map((row) => field(row, 'scope'))).size <= 1;
}

/**
 * The key-figures slide lists the programme budgets under one row of cards: one to four budgets,
 * one to three figures, and no money chart to put them beside.
 */
export function deckBudgetsOnKeyFigures(lists: DeckLists, trendHasData: boolean): boolean {
  const budgets = lists.programs.filter((row) => hasValue(field(row, 'budget'))).length;
  const figures = standalone(lists).length;
  return budgets >= 1 && budgets <= 4 && figures >= 1 && figures <= 3 && !deckMoneyChart(lists, trendHasData);
}

/**
 * The targets slide opens with indicator cards: all of them (one to three) when the key-figures
 * slide lists budgets instead of indicators, else those after its two (three to five in all).
 */
export function deckTargetCards(lists: DeckLists, trendHasData: boolean): boolean {
  const count = lists.indicators.length;
  return deckBudgetsOnKeyFigures(lists, trendHasData) ? count >= 1 && count <= 3 : count > 2 && count <= 5;
}

/** More indicators than the targets slide's cards hold: they take a slide of their own. */
export function deckIndicatorSlide(lists: DeckLists, trendHasData: boolean): boolean {
  const count = lists.indicators.length;
  return deckBudgetsOnKeyFigures(lists, trendHasData) ? count > 3 : count > 5;
}

function asLists(value: unknown, helper: string): DeckLists {
  if (!isRecord(value)) return fail(`${helper} needs the template's data (@root), got ${describe(value)}`);
  const list = (key: string): unknown[] => {
    const rows = value[key];
    if (rows === undefined || rows === null) return [];
    return Array.isArray(rows) ? rows : fail(`${helper}: @root.${key} is not a list`);
  };
  return { programs: list('programs'), investments: list('investments'), indicators: list('indicators') };
}

export function registerDeckHelpers(state: RenderState): HelperTable {
  // chartHasData's rule: a catalogue without the chart is an error (as `chartHasData` reports
  // it), and no row count means the chart draws what it has.
  const trendHasData = (): boolean => {
    const entry = state.charts.get(TREND_CHART);
    if (!entry)
      fail(
        `there is no chart "${TREND_CHART}"`,
        'TEMPLATE_UNKNOWN_CHART',
        state.unknownChartHint(TREND_CHART),
      );
    return entry.rows === undefined || entry.rows > 0;
  };
  const ask =
    (helper: string, question: (lists: DeckLists, trend: boolean) => boolean) =>
    ([root]: unknown[]): boolean =>
      question(asLists(root, helper), trendHasData());
  return {
    deckMoneyChart: ask('deckMoneyChart', deckMoneyChart),
    deckBudgetsOnKeyFigures: ask('deckBudgetsOnKeyFigures', deckBudgetsOnKeyFigures),
    deckTargetCards: ask('deckTargetCards', deckTargetCards),
    deckIndicatorSlide: ask('deckIndicatorSlide', deckIndicatorSlide),
  };
}
