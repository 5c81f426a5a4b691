/**
 * The deck's indicators slide holds one slide of cards (templates/deck.md.hbs): 60 indicators
 * had gone on over ten "(continued)" slides of cards. Six are shown, and the title says how many
 * there are and that the others are in the full briefing; a dataset with few keeps them all.
 */
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import { buildDeckModel } from '../../src/document/index.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { CHARTS_DIR, theme } from '../charts/support.js';
import { rowsDatasetYaml } from '../fuzz/rows-data.js';
import { testFonts } from '../support/theme.js';

async function indicatorSlides(rows: number) {
  const loaded = validateDatasetText(rowsDatasetYaml(rows), 'rows.yaml');
  if (!loaded.dataset) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const plan = await chartJobs(loaded.dataset, await theme(), CHARTS_DIR, testFonts);
  const built = buildDeckModel({
    dataset: loaded.dataset,
    charts: plan.catalogue,
    templatesDir: 'templates',
  });
  if (!built.model) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return built.model.slides.filter((s) => s.title.startsWith('Where '));
}

describe('the deck’s indicators slide', () => {
  it('shows six of 60 indicators and says the others are in the full briefing', async () => {
    const slides = await indicatorSlides(60);
    expect(slides).toHaveLength(1);
    const cards = slides[0]?.blocks.flatMap((b) => (b.type === 'kpi' ? b.items : [])) ?? [];
    expect(cards).toHaveLength(6);
    expect(slides[0]?.title).toMatch(/of the 60 indicators, the others in the full briefing\.$/);
  }, 60_000);
});
