/** A dataset's deck as the shipped templates model it and the slide plan lays it out, for tests of the plan. */
import type { Dataset } from '../../../src/dataset/schema.js';
import { buildDeckModel } from '../../../src/document/index.js';
import type { Deck } from '../../../src/document/model.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { type Planned, planDeck } from '../../../src/render/pptx/slide-plan.js';
import type { TextMeasurer } from '../../../src/theme/metrics.js';
import type { Theme } from '../../../src/theme/schema.js';
import { testCatalogue } from '../../document/catalogue.js';
import { testFonts } from '../../support/theme.js';

export interface PlannedDeck {
  model: Deck;
  planned: Planned[];
  m: TextMeasurer;
}

export function planShippedDeck(dataset: Dataset, theme: Theme, name: string): PlannedDeck {
  const model = buildDeckModel({ dataset, charts: testCatalogue(dataset), templatesDir: 'templates' }).model;
  if (!model) throw new Error(`no deck for ${name}`);
  const m = deckMeasurer(testFonts.stack(theme));
  return { model, planned: planDeck(model, { theme, m, sources: model.sources }), m };
}
