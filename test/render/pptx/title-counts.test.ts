/**
 * A count in a slide title is a claim about the slide: "The sources set four targets" must draw
 * four targets, on the slide and its continuations, whatever the dataset. For the Korea data,
 * the Japan fixture and generated datasets of 1 to 25 rows, every model slide whose title
 * counts something and whose body draws items (list lines, table rows, KPI cards) draws as many
 * items as one of the title's counts, or as their sum when it counts two kinds ("four sums here;
 * two indicators"); a "n more in the full briefing" line stands for its n.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile, validateDatasetText } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import type { Slide } from '../../../src/document/model.js';
import type { Planned } from '../../../src/render/pptx/slide-plan.js';
import type { Theme } from '../../../src/theme/schema.js';
import { rowsDatasetYaml } from '../../fuzz/rows-data.js';
import { defaultTheme } from './deck-helpers.js';
import { planShippedDeck } from './planned-deck.js';

const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * The counts a title states: number words and figures of one to three digits that are not
 * amounts ("₩30 trillion", "20%", "2 nm") nor part of a larger figure.
 */
function titleCounts(title: string): number[] {
  const out: number[] = [];
  const pattern =
    /(?<![\p{N}.,\p{Sc}])\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?![.,]\d)/giu;
  for (const match of title.matchAll(pattern)) {
    const after = title.slice((match.index ?? 0) + match[0].length);
    if (/^\s*(?:%|per ?cent|trillion|billion|million|thousand|nm\b|-)/iu.test(after)) continue;
    const word = match[1]?.toLowerCase() ?? '';
    out.push(WORDS.includes(word) ? WORDS.indexOf(word) + 1 : Number(word));
  }
  return out;
}

const MORE = /^(\d+) more\b/u;

/** The items a planned slide draws: list lines (a "n more" line counts n), table rows, KPI cards. */
function drawnItems(p: Planned): number | undefined {
  const paras =
    p.kind === 'text'
      ? p.text.paras
      : p.kind === 'columns'
        ? [...p.left.paras, ...p.right.paras]
        : p.kind === 'chart'
          ? (p.side?.paras ?? [])
          : p.kind === 'kpi'
            ? (p.below?.paras ?? [])
            : [];
  let items = 0;
  let lists = false;
  for (const para of paras) {
    if (para.kind !== 'bullet' && para.kind !== 'number') continue;
    lists = true;
    const text = para.runs.map((r) => r.text).join('');
    items += Number(MORE.exec(text)?.[1] ?? 1);
  }
  if (p.kind === 'kpi' && p.items.length > 0) return items + p.items.length;
  if (p.kind === 'table') return p.table.pages[p.page]?.rows.length ?? 0;
  return lists ? items : undefined;
}

const DATASETS: Record<string, () => Promise<Dataset | undefined>> = {
  korea: async () => (await loadDatasetFile('data/korea-emerging-tech.yaml')).dataset,
  japan: async () => (await loadDatasetFile('test/fixtures/datasets/japan-semiconductors-ai.yaml')).dataset,
  ...Object.fromEntries(
    [1, 3, 9, 25].map((rows) => [
      `generated, ${rows} rows`,
      async () => validateDatasetText(rowsDatasetYaml(rows), `rows-${rows}.yaml`).dataset,
    ]),
  ),
};

let theme: Theme;
beforeAll(async () => {
  theme = await defaultTheme();
});

describe('titleCounts', () => {
  it('reads counts, not amounts, shares or years', () => {
    expect(titleCounts('The sources set four targets, the first due by 2030.')).toEqual([4]);
    expect(titleCounts('The X administration is behind 2 of 14 strategies and programmes.')).toEqual([2, 14]);
    expect(titleCounts('The government aims for over ₩30 trillion by 2028 in R&D.')).toEqual([]);
    expect(titleCounts('Japan’s share stood at 20% in 2023.')).toEqual([]);
    expect(titleCounts('Of the 22 strategies and programmes, 11 have no stated budget.')).toEqual([22, 11]);
  });
});

describe.each(Object.keys(DATASETS))('the %s deck', (name) => {
  it('draws as many items as its titles count', async () => {
    const dataset = await DATASETS[name]?.();
    if (!dataset) throw new Error(`${name} does not validate`);
    const { planned } = planShippedDeck(dataset, theme, name);
    const bySlide = new Map<Slide, Planned[]>();
    for (const p of planned) bySlide.set(p.slide, [...(bySlide.get(p.slide) ?? []), p]);
    let checked = 0;
    for (const [slide, parts] of bySlide) {
      const counts = titleCounts(slide.title);
      const drawn = parts.map(drawnItems).filter((n): n is number => n !== undefined);
      if (counts.length === 0 || drawn.length === 0) continue;
      const items = drawn.reduce((a, b) => a + b, 0);
      // A title that counts two kinds of item ("four sums …; two indicators") draws both.
      const together = counts.length > 1 ? [counts.reduce((a, b) => a + b, 0)] : [];
      expect({ title: slide.title, items }).toEqual({
        title: slide.title,
        items: expect.toBeOneOf([...counts, ...together]),
      });
      checked++;
    }
    // The decks still count things in some titles ("… through four channels"): the check is
    // not vacuous. Message titles state points, so fewer titles count than before.
    if (name === 'korea' || name === 'japan') expect(checked).toBeGreaterThanOrEqual(1);
  });
});
