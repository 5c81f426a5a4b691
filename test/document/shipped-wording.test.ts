/**
 * The shipped templates word every figure by what the dataset says about it: an investment by
 * its status (a pledge never reads as money allocated), and a sector's key figures include the
 * indicators that name the sector only in their `sectors` list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, FigureStatus } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import type { Briefing, Deck } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { dataset, FIXTURE, runsText, TEMPLATES } from './support.js';

let fixture: Dataset;
beforeAll(async () => {
  fixture = await dataset(FIXTURE);
});

function input(data: Dataset) {
  return { dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES };
}

function briefingModel(data: Dataset): Briefing {
  const result = buildBriefingModel(input(data));
  expect(result.diagnostics).toEqual([]);
  return result.model as Briefing;
}

function sectorModel(data: Dataset, sectorId: string): Briefing {
  const result = buildSectorModel({ ...input(data), sectorId });
  expect(result.diagnostics).toEqual([]);
  return result.model as Briefing;
}

/** The paragraphs of the section titled `title`, as text. */
function sectionText(model: Briefing, title: string): string[] {
  const section = model.sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : []));
}

/** The fixture with its first (non-target) investment given `status` (and another year). */
function withStatus(status: FigureStatus, year?: number): Dataset {
  const [first, ...rest] = fixture.investments;
  if (!first) throw new Error('the fixture has no investment');
  return { ...fixture, investments: [{ ...first, status, ...(year ? { year } : {}) }, ...rest] };
}

describe('the investment sentence of the briefing', () => {
  // As of 1 March 2024, the year 2024 is under way: plans and money assigned for it.
  it.each([
    ['planned', 'The government plans to invest €3.9 billion in 2024 in green technologies[1].'],
    ['allocated', 'The government has allocated €3.9 billion for 2024 to green technologies[1].'],
    ['actual', 'The government has spent €3.9 billion for 2024 on green technologies[1].'],
    ['pledged', 'The government has pledged to mobilise €3.9 billion for 2024 in green technologies[1].'],
    ['proposed', 'The government has proposed €3.9 billion for 2024 for green technologies[1].'],
  ] as const)('reads right for a %s figure', (status, sentence) => {
    expect(sectionText(briefingModel(withStatus(status)), 'Investment')).toContain(sentence);
  });

  // 2022 is over as of 1 March 2024: the past tense, never "plans to invest".
  it.each([
    ['planned', 'The government planned to invest €3.9 billion in 2022 in green technologies[1].'],
    ['allocated', 'The government allocated €3.9 billion in 2022 to green technologies[1].'],
    ['pledged', 'The government pledged to mobilise €3.9 billion in 2022 in green technologies[1].'],
  ] as const)('reads right for a %s figure of a past year', (status, sentence) => {
    expect(sectionText(briefingModel(withStatus(status, 2022)), 'Investment')).toContain(sentence);
  });

  it('reads the same in the deck’s speaker notes', () => {
    const result = buildDeckModel(input(withStatus('pledged')));
    expect(result.diagnostics).toEqual([]);
    const notes = (result.model as Deck).slides.map((s) => s.notes ?? '').join('\n');
    expect(notes).toContain(
      'The government has pledged to mobilise €3.9 billion for 2024 in green technologies.',
    );
  });

  it('keeps a target apart: an aim, not an allocation', () => {
    expect(sectionText(briefingModel(fixture), 'Investment')).toContain(
      'The government aims for at least €15 billion in green technologies by 2030[1]. This is a target, not an allocation.',
    );
  });
});

/** Labels of the KPI items of a model (the one-pager's key figures, the briefing's callouts). */
function kpiLabels(blocks: Briefing['sections'][number]['blocks']): string[] {
  return blocks.flatMap((b) => (b.type === 'kpi' ? b.items.map((i) => i.label) : []));
}

describe('indicators listed under a sector by `sectors` only', () => {
  it('are key figures of each of their sectors’ one-pagers, and cited there', () => {
    for (const id of ['hydrogen', 'grid-storage']) {
      const model = sectorModel(fixture, id);
      const labels = kpiLabels(model.sections.flatMap((s) => s.blocks));
      expect(labels.join(' | '), id).toContain('Jobs in electrolysers and storage');
      // Cited: the statistics office that states it is among the page's sources.
      expect(
        model.sources.map((s) => s.id),
        id,
      ).toContain('fixture-statistics');
    }
    const wind = kpiLabels(sectorModel(fixture, 'offshore-wind').sections.flatMap((s) => s.blocks));
    expect(wind.join(' | ')).not.toContain('Jobs in electrolysers');
  });

  it('are key figures once in the briefing: under their first sector, unless the key figures already show them', () => {
    const model = briefingModel(fixture);
    const section = model.sections.find((s) => s.title === 'Focus sectors');
    const blocks = section?.blocks ?? [];
    // Each sector's sub-section: its heading, then its blocks up to the next heading.
    const bySector = new Map<string, string[]>();
    let current = '';
    for (const block of blocks) {
      if (block.type === 'heading') current = runsText(block.children);
      else if (block.type === 'kpi')
        bySector.set(current, [...(bySector.get(current) ?? []), ...kpiLabels([block])]);
    }
    const label = 'Jobs in electrolysers and storage';
    const everywhere = kpiLabels(model.sections.flatMap((s) => s.blocks)).filter((l) => l.includes(label));
    expect(everywhere).toHaveLength(1);
    const names = (id: string) => fixture.sectors.find((s) => s.id === id)?.name ?? id;
    // Its sectors are [hydrogen, grid-storage]: never under the second.
    expect((bySector.get(names('grid-storage')) ?? []).join(' | ')).not.toContain(label);
    const inKeyFigures = kpiLabels(model.sections.filter((s) => s !== section).flatMap((s) => s.blocks));
    if (!inKeyFigures.some((l) => l.includes(label)))
      expect((bySector.get(names('hydrogen')) ?? []).join(' | ')).toContain(label);
  });
});
