/**
 * The shipped templates on a second, fictional dataset (test/fixtures/datasets): its own
 * figures, names and counts come out, and nothing of the shipped Korea dataset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import { figureBlocks } from '../../src/document/figures.js';
import type { Briefing, Deck } from '../../src/document/model.js';
import { expectGolden } from '../support/golden.js';
import { testCatalogue } from './catalogue.js';
import { dataset, FIXTURE, runsText, TEMPLATES } from './support.js';

let fixture: Dataset;
let models: { briefing: Briefing; deck: Deck; sectors: Briefing[] };

/** Names and figures that only the shipped dataset has. */
const KOREA = [
  'Korea',
  'Korean',
  '₩',
  'KRW',
  'trillion',
  '6.8',
  '58',
  '47 billion',
  '44 billion',
  '1,012',
  '30,000',
  'Yoon',
  'Lee Jae-myung',
  'Park',
  'Samsung',
  'semiconductor',
  'quantum',
  'four channels',
  'five focus sectors',
];

beforeAll(async () => {
  fixture = await dataset(FIXTURE);
  const input = { dataset: fixture, charts: testCatalogue(fixture), templatesDir: TEMPLATES };
  const briefing = buildBriefingModel(input);
  const deck = buildDeckModel(input);
  expect(briefing.diagnostics).toEqual([]);
  expect(deck.diagnostics).toEqual([]);
  const sectors = fixture.sectors.map((s) => {
    const result = buildSectorModel({ ...input, sectorId: s.id });
    expect(result.diagnostics).toEqual([]);
    return result.model as Briefing;
  });
  models = { briefing: briefing.model as Briefing, deck: deck.model as Deck, sectors };
});

describe('a fictional dataset through the shipped templates', () => {
  it('validates as a dataset of the same schema, with a different shape', async () => {
    const shipped = await dataset();
    expect(fixture.meta.country).toBe('Veloria');
    expect(fixture.sectors.length).not.toBe(shipped.sectors.length);
    expect(fixture.channels.length).not.toBe(shipped.channels.length);
  });

  it('carries its own figures, qualifiers and counts', () => {
    const text = JSON.stringify(models);
    for (const phrase of [
      '€3.9 billion',
      'at least €15 billion',
      'about €2.4 billion',
      'over €350 million (about US$380 million)',
      '€1.2 billion',
      '38.5%',
      'about 214',
      'at least 12,500 technicians',
      '500 megawatts',
      'two channels',
      'three focus sectors',
      'Varga cabinet',
      '1 March 2024',
    ]) {
      expect(text).toContain(phrase);
    }
    const takeaways = models.briefing.takeaways.map(runsText);
    expect(takeaways[0]).toBe(
      'The government plans to invest €3.9 billion in 2024 in green technologies[1].',
    );
  });

  it('uses the later schema additions: ranges, pledged and proposed budgets, locators, translations', () => {
    const table = models.briefing.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.type === 'table' && JSON.stringify(b).includes('Grid Storage Bill'));
    const rows = table?.type === 'table' ? table.rows.map((row) => row.map(runsText)) : [];
    expect(rows).toContainEqual(['Offshore Wind Partnership', 'about €3–5 billion[1]', '2024', 'pledged']);
    expect(rows).toContainEqual(['Grid Storage Bill', '€120 million[1]', '–', 'proposed']);
    // The range sorts by its lower end: €3 billion is above the €2.4 billion fund.
    expect(rows[0]?.[0]).toBe('Offshore Wind Partnership');
    expect(models.briefing.meta.language).toBe('en-150');
    // Quotes, with their locators and translations, as `{{sourceNote}}` writes them into notes.
    const quoted = buildDeckModel({
      dataset: fixture,
      charts: testCatalogue(fixture),
      templatesDir: 'test/fixtures/templates',
      template: 'quoted-notes-deck.md.hbs',
    });
    expect(quoted.diagnostics).toEqual([]);
    const notes = quoted.model?.slides.map((s) => s.notes).join('\n') ?? '';
    expect(notes).toContain(
      '“Investors pledged to mobilise about 3 to 5 billion euros for offshore wind.” (p. 14)',
    );
    expect(notes).toContain(
      '“Izdaci za istrazivanje dosegli su 2,1 % BDP-a.” (table 4.2; in English: “Research spending reached 2.1% of GDP.”)',
    );
    // A source dated by its year alone.
    expect(models.briefing.sources.find((s) => s.id === 'fixture-statistics')?.date).toBe('2023');
  });

  it('shows whole-economy and multi-sector indicators in the briefing, on no one-pager of another sector', () => {
    const text = JSON.stringify(models.briefing);
    expect(text).toContain('R&D spending, share of GDP, 2022');
    expect(text).toContain('Jobs in electrolysers and storage');
    const wind = models.sectors[fixture.sectors.findIndex((s) => s.id === 'offshore-wind')];
    expect(JSON.stringify(wind)).toContain('Renewable share of electricity');
    for (const sector of models.sectors) expect(JSON.stringify(sector)).not.toContain('R&D spending');
  });

  it('contains none of the shipped dataset’s names or figures', () => {
    // Template positions (pos, titlePos) are line numbers, not figures: leave them out.
    const text = JSON.stringify(models, (key, value) =>
      key === 'pos' || key.endsWith('Pos') ? undefined : value,
    );
    for (const word of KOREA) expect(text, word).not.toContain(word);
  });

  it('builds one one-pager per sector, with no chart, and a deck of the same size', () => {
    expect(models.sectors.map((m) => figureBlocks(m).length)).toEqual(fixture.sectors.map(() => 0));
    expect(models.sectors).toHaveLength(fixture.sectors.length);
    expect(models.deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(models.deck.slides.length).toBeLessThanOrEqual(12);
    expect(models.deck.sources.map((s) => s.id).sort()).toEqual([
      'fixture-ministry',
      'fixture-report',
      'fixture-statistics',
    ]);
  });

  it('matches its golden briefing model', () => {
    expectGolden('document/fixture-briefing.json', `${JSON.stringify(models.briefing, null, 2)}\n`);
  });
});
