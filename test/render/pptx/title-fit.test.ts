/**
 * Every slide title fits its box at the smallest title size, whatever the dataset: a title is one
 * box and cannot continue, so one that does not fit fails the build (RENDER_OVERFLOW) and the
 * whole build publishes nothing. Titles interpolate the data (counts, sums, names): generated
 * datasets of 25 and 60 rows have names of up to 120 characters. The all-budgeted programmes
 * title named the largest programme and failed both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile, validateDatasetText } from '../../../src/dataset/load.js';
import type { Dataset } from '../../../src/dataset/schema.js';
import { fittingSize } from '../../../src/render/pptx/fit.js';
import { TITLE_BOX, TYPE } from '../../../src/render/pptx/geometry.js';
import { ptBox } from '../../../src/render/pptx/plan-text.js';
import type { Theme } from '../../../src/theme/schema.js';
import { rowsDatasetYaml } from '../../fuzz/rows-data.js';
import { defaultTheme } from './deck-helpers.js';
import { planShippedDeck } from './planned-deck.js';

const DATASETS: Record<string, () => Promise<Dataset | undefined>> = {
  korea: async () => (await loadDatasetFile('data/korea-emerging-tech.yaml')).dataset,
  japan: async () => (await loadDatasetFile('test/fixtures/datasets/japan-semiconductors-ai.yaml')).dataset,
  ...Object.fromEntries(
    [25, 60].map((rows) => [
      `generated, ${rows} rows`,
      async () => validateDatasetText(rowsDatasetYaml(rows), `rows-${rows}.yaml`).dataset,
    ]),
  ),
};

let theme: Theme;
beforeAll(async () => {
  theme = await defaultTheme();
});

describe.each(Object.keys(DATASETS))('the %s deck', (name) => {
  it('fits every slide title in its box', async () => {
    const dataset = await DATASETS[name]?.();
    if (!dataset) throw new Error(`${name} does not validate`);
    const { planned, m } = planShippedDeck(dataset, theme, name);
    const { w, h } = ptBox(TITLE_BOX);
    const content = planned.filter((p) => p.kind !== 'title' && p.kind !== 'section');
    expect(content.length).toBeGreaterThan(3);
    const tooLong = content
      .map((p) => p.title)
      .filter(
        (title) =>
          fittingSize(
            [{ kind: 'body', runs: [{ text: title, bold: true }] }],
            w,
            h,
            TYPE.titleMin,
            TYPE.titleMin,
            m,
          ) === undefined,
      );
    expect(tooLong).toEqual([]);
  });
});
