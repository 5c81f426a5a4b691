/**
 * A slide of substance (issue 14, the S6 review): for the Korea data and the Japan fixture, no
 * content slide leaves most of its body empty, and what the deck merges to get there keeps
 * every row once.
 *
 * Fill is measured honestly and mechanically, not from the drawn type size (a sparse slide's
 * text is set larger, which only hides its emptiness): the height its text takes at the
 * theme's body size in the box it is drawn in, a table's rows as laid out, a chart as its whole
 * box, and a row of KPI cards as two fifths of the body (two rows and a line fill it). A
 * continuation's last part may be short; the title and sources slides are not content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import type { Deck } from '../../../src/document/model.js';
import { wrapWidth } from '../../../src/render/pptx/fit.js';
import { BODY_BOX, type Box, inToPt, splitColumns } from '../../../src/render/pptx/geometry.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { parasHeight } from '../../../src/render/pptx/paragraph-lines.js';
import { SPARSE_FILL } from '../../../src/render/pptx/plan-text.js';
import type { Planned } from '../../../src/render/pptx/slide-plan.js';
import type { Para } from '../../../src/render/pptx/styled-runs.js';
import type { TextMeasurer } from '../../../src/theme/metrics.js';
import type { Theme } from '../../../src/theme/schema.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';
import { planShippedDeck } from './planned-deck.js';

const DATASETS = {
  korea: 'data/korea-emerging-tech.yaml',
  japan: 'test/fixtures/datasets/japan-semiconductors-ai.yaml',
} as const;

/** A row of KPI cards, as a share of the body. */
const CARD_ROW_SHARE = 0.4;
const cardRows = (n: number) => (n === 0 ? 0 : Math.ceil(n / (n <= 3 ? n : n === 4 ? 2 : 3)));

interface Built {
  dataset: Dataset;
  model: Deck;
  planned: Planned[];
}
const built = new Map<string, Built>();
let theme: Theme;
let m: TextMeasurer;

beforeAll(async () => {
  theme = await defaultTheme();
  m = deckMeasurer(testFonts.stack(theme));
  for (const [name, file] of Object.entries(DATASETS)) {
    const dataset = (await loadDatasetFile(file)).dataset;
    if (!dataset) throw new Error(`${file} does not load`);
    const { model, planned } = planShippedDeck(dataset, theme, file);
    built.set(name, { dataset, model, planned });
  }
}, 120_000);

const get = (name: string): Built => {
  const b = built.get(name);
  if (!b) throw new Error(`${name} was not built`);
  return b;
};

/** Share of a box's height the text takes at the theme's body size. */
function textShare(paras: readonly Para[], box: Box): number {
  return parasHeight(paras, theme.sizes.slideBody, wrapWidth(inToPt(box.w)), m) / inToPt(box.h);
}

/** Share of the body a planned slide fills (see the file's comment). */
function fill(p: Planned): number {
  switch (p.kind) {
    case 'text':
      return textShare(p.text.paras, BODY_BOX);
    case 'chart':
      return 1;
    case 'columns': {
      if (p.chart) return 1;
      const [left, right] = splitColumns(BODY_BOX);
      return Math.max(textShare(p.left.paras, left), textShare(p.right.paras, right));
    }
    case 'kpi':
      return cardRows(p.items.length) * CARD_ROW_SHARE + (p.below ? textShare(p.below.paras, BODY_BOX) : 0);
    case 'table': {
      const rows = (p.table.pages[p.page]?.rowH ?? []).reduce((a, b) => a + b, 0) / BODY_BOX.h;
      return (
        rows +
        (p.intro ? textShare(p.intro.paras, BODY_BOX) : 0) +
        (p.after ? textShare(p.after.paras, BODY_BOX) : 0)
      );
    }
    default:
      return 1;
  }
}

/** The text a planned slide draws: its paragraphs, table cells and KPI cards, one string each. */
function drawnLines(p: Planned): string[] {
  const text = (paras: readonly Para[]) => paras.map((para) => para.runs.map((r) => r.text).join(''));
  switch (p.kind) {
    case 'text':
      return text(p.text.paras);
    case 'chart':
      return text(p.side?.paras ?? []);
    case 'columns':
      return [...text(p.left.paras), ...text(p.right.paras)];
    case 'kpi':
      return [...p.items.map((item) => `${item.value} ${item.label}`), ...text(p.below?.paras ?? [])];
    case 'table':
      return [
        ...text(p.intro?.paras ?? []),
        ...(p.table.pages[p.page]?.rows ?? []).map((r) =>
          (p.table.body[r] ?? []).map((cell) => cell.map((run) => run.text).join('')).join(' | '),
        ),
        ...text(p.after?.paras ?? []),
      ];
    default:
      return [];
  }
}

describe.each(Object.keys(DATASETS))('the %s deck', (name) => {
  it(`fills at least ${SPARSE_FILL * 100}% of every content slide's body`, () => {
    const { planned } = get(name);
    const content = planned.filter(
      (p) => !p.continued && p.kind !== 'title' && p.kind !== 'section' && p.slide.layout !== 'sources',
    );
    expect(content.length).toBeGreaterThan(5);
    for (const p of content)
      expect({ title: p.title, filled: fill(p) >= SPARSE_FILL }).toEqual({ title: p.title, filled: true });
  });

  it('gives the judgements as headlines, not a wall of text', () => {
    // The key judgements slide (issue 14's editorial review: with each judgement's first sentence of
    // evidence it filled 98% of the body): the judgements on the slide, their evidence in the
    // notes, so it stays under three quarters of the body and over the half every slide fills.
    const judgements = get(name).planned.find((p) => p.title.startsWith('Our assessment:'));
    if (judgements?.kind !== 'text') throw new Error('no judgements slide of text');
    expect(fill(judgements)).toBeGreaterThanOrEqual(SPARSE_FILL);
    expect(fill(judgements)).toBeLessThan(0.75);
  });

  it('keeps the outlook slide thinner than the wall it was', () => {
    // What follows, the risks and what to watch (issue 14's editorial review: "dense"): its
    // columns took 1.40 (Korea) and 1.19 (Japan) of the body at the theme's size, so the type
    // shrank; the first line no longer repeats the title, risks and challenges share a heading,
    // three watch items show (all in the notes): 1.21 and 1.06 now.
    const outlook = get(name).planned.find(
      (p) => p.kind === 'columns' && p.title.startsWith('Our assessment:'),
    );
    if (outlook?.kind !== 'columns') throw new Error('no outlook slide in two columns');
    expect(fill(outlook)).toBeLessThan(1.25);
  });

  it('shows every indicator on one card, once', () => {
    const { dataset, planned } = get(name);
    const cards = planned.flatMap((p) => (p.kind === 'kpi' ? p.items : []));
    for (const indicator of dataset.indicators ?? []) {
      const first = indicator.label.split(' (')[0] ?? indicator.label;
      const shown = cards.filter((card) => card.label.startsWith(first)).length;
      expect({ indicator: indicator.id, shown }).toEqual({ indicator: indicator.id, shown: 1 });
    }
  });

  it('lists every partner once, and states or counts every programme budget', () => {
    const { dataset, planned } = get(name);
    const lines = planned.flatMap(drawnLines);
    for (const partner of dataset.partners ?? []) {
      const who = partner.counterparty.name.replace(/^./u, (c) => c.toUpperCase());
      const shown = lines.filter((line) => line.startsWith(who)).length;
      expect({ partner: who, shown }).toEqual({ partner: who, shown: 1 });
    }
    // Budgets: each stated on a line or row with its figure, or counted by a "n smaller budgets
    // are in the full briefing" line, so a merge loses none.
    const budgets = (dataset.programs ?? []).filter((p) => p.budget);
    const stated = budgets.filter((program) =>
      lines.some((line) => line.includes(program.name) && /\d/u.test(line)),
    ).length;
    const counted = lines
      .map((line) => Number(/^(\d+) smaller budgets?\b/u.exec(line)?.[1] ?? 0))
      .reduce((a, b) => a + b, 0);
    expect(stated + counted).toBeGreaterThanOrEqual(budgets.length);
  });
});
