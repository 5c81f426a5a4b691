/**
 * Lists a presenter can speak to (issue 14, the editorial review of the shipped decks): for the
 * Korea data and the Japan fixture, no slide paragraph runs a long list together with
 * semicolons (the programmes slide ran 12 names into one paragraph), no title is said again as
 * its slide's first bullet (the outlook slide's title was its first line, word for word), and
 * what a slide cuts from a list is named in its notes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import type { Planned } from '../../../src/render/pptx/slide-plan.js';
import type { Para } from '../../../src/render/pptx/styled-runs.js';
import { defaultTheme } from './deck-helpers.js';
import { planShippedDeck } from './planned-deck.js';

const DATASETS = {
  korea: 'data/korea-emerging-tech.yaml',
  japan: 'test/fixtures/datasets/japan-semiconductors-ai.yaml',
} as const;

/** Items one paragraph may join with semicolons: a line of a few names, not a list. */
const MAX_JOINED = 5;

const built = new Map<string, { dataset: Dataset; planned: Planned[] }>();

beforeAll(async () => {
  const theme = await defaultTheme();
  for (const [name, file] of Object.entries(DATASETS)) {
    const dataset = (await loadDatasetFile(file)).dataset;
    if (!dataset) throw new Error(`${file} does not load`);
    built.set(name, { dataset, planned: planShippedDeck(dataset, theme, file).planned });
  }
}, 120_000);

const get = (name: string) => {
  const b = built.get(name);
  if (!b) throw new Error(`${name} was not built`);
  return b;
};

/** A paragraph's text without its citation marks and the word joiners before them. */
const plain = (para: Para) =>
  para.runs
    .map((r) => r.text)
    .join('')
    .replace(/\u2060?\[\d+\]/gu, '')
    .trim();

/** The paragraphs a planned slide draws as text (not its table cells or cards). */
function paras(p: Planned): Para[] {
  switch (p.kind) {
    case 'text':
      return p.text.paras;
    case 'columns':
      return [...p.left.paras, ...p.right.paras];
    case 'chart':
      return p.side?.paras ?? [];
    case 'kpi':
      return p.below?.paras ?? [];
    case 'table':
      return [...(p.intro?.paras ?? []), ...(p.after?.paras ?? [])];
    default:
      return [];
  }
}

/** A title or line as its message: no "Our assessment:" or "For partners:" lead, no full stop, lower case. */
const message = (text: string) =>
  text
    .replace(/^(Our assessment|For [^:]+):\s*/u, '')
    .replace(/[.;\s]+$/u, '')
    .toLowerCase();

describe.each(Object.keys(DATASETS))('the %s deck', (name) => {
  it(`joins at most ${MAX_JOINED} items with semicolons in any slide paragraph`, () => {
    const joined = get(name)
      .planned.filter((p) => p.slide.layout !== 'sources')
      .flatMap((p) => paras(p).map((para) => ({ title: p.title, items: plain(para).split('; ').length })))
      .filter((line) => line.items > MAX_JOINED);
    expect(joined).toEqual([]);
  });

  it("never gives a slide's title again as its first bullet", () => {
    const repeats = get(name)
      .planned.filter((p) => !p.continued)
      .flatMap((p) => {
        const first = paras(p).find((para) => para.kind === 'bullet');
        if (!first) return [];
        const title = message(p.title);
        const line = message(plain(first));
        return line.includes(title) || title.includes(line) ? [{ title: p.title, line: plain(first) }] : [];
      });
    expect(repeats).toEqual([]);
  });

  it('names in the notes every programme a slide counts as "named in the notes"', () => {
    const { dataset, planned } = get(name);
    const cut = planned.filter((p) => paras(p).some((para) => /\bnamed in the notes\b/u.test(plain(para))));
    // The Korea programmes slide cuts its second column; the Japan fixture has no government in office.
    expect(cut.length).toBe(name === 'korea' ? 1 : 0);
    for (const p of cut) {
      const shown = `${paras(p).map(plain).join('\n')}\n${p.slide.notes}`;
      const missing = (dataset.programs ?? [])
        .map((program) => program.name)
        .filter((n) => !shown.includes(n));
      expect(missing).toEqual([]);
    }
  });
});
