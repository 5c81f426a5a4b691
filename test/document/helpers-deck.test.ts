/**
 * The deck's slide questions (src/document/helpers-deck.ts): each answer is the long condition
 * the shipped deck template used to repeat, so these cases pin the same boundaries.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { renderModel } from '../../src/document/build-models.js';
import {
  type DeckLists,
  deckBudgetsOnKeyFigures,
  deckIndicatorSlide,
  deckMoneyChart,
  deckTargetCards,
} from '../../src/document/helpers-deck.js';
import { dataset, FIXTURE, ROOT, runsText, SHIPPED, templates } from './support.js';

const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

import { testCatalogue } from './catalogue.js';

const money = { amount: 1, currency: 'KRW', scale: 'trillion' };

function lists(budgets: number, figures: number, indicators: number, scopes: string[] = []): DeckLists {
  return {
    programs: [
      ...Array.from({ length: budgets }, (_, i) => ({ id: `p${i}`, budget: money })),
      { id: 'no-budget' },
    ],
    investments: [
      ...Array.from({ length: figures }, (_, i) => ({ id: `i${i}`, amount: money, scope: scopes[i] })),
      // A part of another figure counts for neither the cards nor the chart's scopes.
      { id: 'part', amount: money, partOf: 'i0', scope: 'elsewhere' },
    ],
    indicators: Array.from({ length: indicators }, (_, i) => ({ id: `k${i}` })),
  };
}

describe('deckMoneyChart', () => {
  it('draws the chart when it has rows and the standalone figures share one scope', () => {
    expect(deckMoneyChart(lists(2, 3, 0, ['a', 'a', 'a']), true)).toBe(true);
    expect(deckMoneyChart(lists(2, 0, 0), true)).toBe(true);
    expect(deckMoneyChart(lists(2, 3, 0, ['a', 'b', 'a']), true)).toBe(false);
    // A figure with no scope is a scope of its own, as `distinct (pluck … "scope")` counts it.
    expect(deckMoneyChart(lists(2, 2, 0, ['a']), true)).toBe(false);
    expect(deckMoneyChart(lists(2, 3, 0, ['a', 'a', 'a']), false)).toBe(false);
  });
});

describe('deckBudgetsOnKeyFigures', () => {
  it('holds for one to four budgets and one to three figures, without the money chart', () => {
    const mixed = ['a', 'b', 'c'];
    expect(deckBudgetsOnKeyFigures(lists(1, 1, 0), false)).toBe(true);
    expect(deckBudgetsOnKeyFigures(lists(4, 3, 0, mixed), true)).toBe(true);
    expect(deckBudgetsOnKeyFigures(lists(0, 2, 0), false)).toBe(false);
    expect(deckBudgetsOnKeyFigures(lists(5, 2, 0), false)).toBe(false);
    expect(deckBudgetsOnKeyFigures(lists(2, 0, 0), false)).toBe(false);
    expect(deckBudgetsOnKeyFigures(lists(2, 4, 0), false)).toBe(false);
    expect(deckBudgetsOnKeyFigures(lists(2, 3, 0, ['a', 'a', 'a']), true)).toBe(false);
  });
});

describe('deckTargetCards and deckIndicatorSlide', () => {
  it('with the budgets on the key figures: cards for one to three indicators, a slide beyond', () => {
    const cards = [0, 1, 3, 4].map((n) => deckTargetCards(lists(2, 2, n), false));
    const slide = [0, 1, 3, 4].map((n) => deckIndicatorSlide(lists(2, 2, n), false));
    expect(cards).toEqual([false, true, true, false]);
    expect(slide).toEqual([false, false, false, true]);
  });

  it('otherwise: the key figures show two, cards for the third to the fifth, a slide beyond', () => {
    const cards = [2, 3, 5, 6].map((n) => deckTargetCards(lists(0, 2, n), false));
    const slide = [2, 3, 5, 6].map((n) => deckIndicatorSlide(lists(0, 2, n), false));
    expect(cards).toEqual([false, true, true, false]);
    expect(slide).toEqual([false, false, false, true]);
  });
});

/** The conditions the shipped deck template wrote out before these helpers (issue 14). */
const BUDGETS =
  '(and (filterBy programs "budget") (lte (length (filterBy programs "budget")) 4) (without investments "partOf") (lte (length (without investments "partOf")) 3) (not (and (chartHasData "investment-trend") (lte (length (distinct (pluck (without investments "partOf") "scope"))) 1))))';
const WRITTEN_OUT = {
  deckMoneyChart:
    '(and (chartHasData "investment-trend") (lte (length (distinct (pluck (without investments "partOf") "scope"))) 1))',
  deckBudgetsOnKeyFigures: BUDGETS,
  deckTargetCards: `(or (and ${BUDGETS} indicators (lte (length indicators) 3)) (and (not ${BUDGETS}) (gt (length indicators) 2) (lte (length indicators) 5)))`,
  deckIndicatorSlide: `(or (and ${BUDGETS} (gt (length indicators) 3)) (and (not ${BUDGETS}) (gt (length indicators) 5)))`,
};

function rendered(data: Dataset, main: string, catalogue = testCatalogue(data)): string {
  const result = renderModel('deck', data, catalogue, templates(`# T\n\n${main}\n\n<!-- notes: n -->\n`));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const block = result.model?.slides[0]?.blocks[0];
  return block?.type === 'paragraph' ? runsText(block.children) : '';
}

describe('the deck helpers in a template', () => {
  it('answer as the written-out conditions did, for three datasets and with an empty chart', async () => {
    const answers = new Set<string>();
    for (const file of [SHIPPED, FIXTURE, JAPAN]) {
      const loaded = await dataset(file);
      // The datasets as loaded, and with one, four and seven indicators (copies under new ids).
      const many = Array.from({ length: 7 }, (_, i) => loaded.indicators[i % loaded.indicators.length]);
      const variants = [undefined, 1, 4, 7].map((count) =>
        count === undefined
          ? loaded
          : {
              ...loaded,
              indicators: many
                .slice(0, count)
                .flatMap((row, i) => (row ? [{ ...row, id: `${row.id}-${i}` }] : [])),
            },
      );
      for (const data of variants) {
        const empty = testCatalogue(data).map((entry) =>
          entry.id === 'investment-trend' ? { ...entry, rows: 0 } : entry,
        );
        for (const catalogue of [testCatalogue(data), empty]) {
          for (const [helper, condition] of Object.entries(WRITTEN_OUT)) {
            const ask = (test: string) => `{{#if ${test}}}yes{{else}}no{{/if}}`;
            // Inside a loop too: the template asks from within `{{#each indicators}}`.
            const inLoop = `{{#each (take investments 1)}}${ask(`(${helper} @root)`)}{{/each}}`;
            const expected = rendered(data, ask(condition), catalogue);
            expect(expected).toMatch(/^(yes|no)$/u);
            answers.add(`${helper} ${expected}`);
            expect(rendered(data, ask(`(${helper} @root)`), catalogue), `${file} ${helper}`).toBe(expected);
            expect(rendered(data, inLoop, catalogue), `${file} ${helper} in a loop`).toBe(expected);
          }
        }
      }
    }
    // The cases reach both answers of every question, so the comparison is not vacuous.
    expect(answers.size).toBe(2 * Object.keys(WRITTEN_OUT).length);
  });

  it('report a call without the template data', async () => {
    const data = await dataset();
    const bad = renderModel('deck', data, testCatalogue(data), templates('# T\n\n{{deckMoneyChart 3}}\n'));
    expect(bad.diagnostics).toMatchObject([{ code: 'TEMPLATE_HELPER_ARGS', line: 3 }]);
  });

  it('report a catalogue without the money chart, as chartHasData does', async () => {
    const data = await dataset();
    const catalogue = testCatalogue(data).filter((entry) => entry.id !== 'investment-trend');
    const result = renderModel('deck', data, catalogue, templates('# T\n\n{{deckMoneyChart @root}}\n'));
    expect(result.diagnostics).toMatchObject([{ code: 'TEMPLATE_UNKNOWN_CHART' }]);
  });
});
