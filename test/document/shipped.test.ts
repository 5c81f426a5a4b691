/**
 * The shipped templates on the shipped dataset: golden model JSON (reviewed by reading it)
 * and the properties a reader relies on: every figure cited, qualifiers kept, the deck's
 * size and notes.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import { figureBlocks } from '../../src/document/figures.js';
import type { Block, Briefing, Inline } from '../../src/document/model.js';
import { templateDependencies } from '../../src/document/template-files.js';
import { expectGolden } from '../support/golden.js';
import { testCatalogue } from './catalogue.js';
import { dataset, runsText, TEMPLATES } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});
const input = () => ({ dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES });
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Paragraph and list texts that state a money figure, with whether they carry a citation. */
function figureRuns(blocks: readonly Block[]): { text: string; cited: boolean }[] {
  const out: { text: string; cited: boolean }[] = [];
  const check = (runs: readonly Inline[]) => {
    const text = runsText(runs);
    if (/[₩$€]\d/.test(text))
      out.push({ text, cited: runs.some((r) => r.type === 'citation') || /\[\d+\]/.test(text) });
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') check(block.children);
    if (block.type === 'list') block.items.forEach(check);
    if (block.type === 'table') for (const row of block.rows) for (const cell of row) check(cell);
  }
  return out;
}

describe('the briefing on the shipped dataset', () => {
  it('matches its golden model', () => {
    const result = buildBriefingModel(input());
    expect(result.diagnostics).toEqual([]);
    expectGolden('document/briefing.json', json(result.model));
  });

  it('has the sections a policy reader expects and cites every figure', () => {
    const model = buildBriefingModel(input()).model as Briefing;
    expect(model.sections.map((s) => s.title)).toEqual([
      'Key judgements',
      'Investment',
      'Strategies and programmes',
      'Focus sectors',
      'International relations impact',
      // No 'Partners and agreements': the source names no counterparty (the Japan fixture has them).
      'Risks and challenges',
      'Implications',
      'What to watch',
      'Methodology and limits',
      'About this publication',
    ]);
    expect(model.takeaways.length).toBeGreaterThanOrEqual(4);
    const channels = model.sections.find((s) => s.id === 'international-relations-impact');
    const channelHeadings = channels?.blocks
      .filter((b) => b.type === 'heading')
      .map((b) => (b.type === 'heading' ? runsText(b.children) : ''));
    expect(channelHeadings).toEqual(data.channels.map((c) => c.name));
    const sectors = model.sections.find((s) => s.id === 'focus-sectors');
    expect(sectors?.blocks.filter((b) => b.type === 'heading')).toHaveLength(data.sectors.length);
    const figures = model.sections.flatMap((s) => figureRuns(s.blocks));
    // Five figures in prose and tables: each sum is stated once in the body, in its sentence or
    // its table row (issue 14; the programme lists and sector lines name a programme without
    // its sum). Enough that "every one cited" is not vacuous.
    expect(figures.length).toBeGreaterThanOrEqual(5);
    expect(figures.filter((f) => !f.cited)).toEqual([]);
    const text = JSON.stringify(model);
    for (const phrase of [
      'over ₩58 trillion (about US$47 billion)',
      'over ₩44 billion (US$33 million)',
      '₩6.8 trillion',
      'over ₩30 trillion',
      '₩100 trillion',
      'over 20%',
      '1,012',
    ]) {
      expect(text).toContain(phrase);
    }
    // A bare "₩58 trillion" without its qualifier would misstate the source.
    expect(text).not.toMatch(/[^r] ₩58 trillion/);
  });
});

describe('the deck on the shipped dataset', () => {
  it('matches its golden model', () => {
    const result = buildDeckModel(input());
    expect(result.diagnostics).toEqual([]);
    expectGolden('document/deck.json', json(result.model));
  });

  it('tells the story in 8–12 slides, each with talking points and its sources once', () => {
    const model = buildDeckModel(input()).model;
    const slides = model?.slides ?? [];
    expect(slides.length).toBeGreaterThanOrEqual(8);
    expect(slides.length).toBeLessThanOrEqual(12);
    // No agenda, no dividers: every slide carries content.
    for (const slide of slides) expect(['section', 'agenda'], slide.title).not.toContain(slide.layout);
    for (const slide of slides) {
      expect(slide.notes.length, slide.title).toBeGreaterThan(40);
      // Sources at most once: the template's own list (with the quotes of the slide's figures) or the renderer's.
      expect(slide.notes.split(/Sources?:/).length - 1, slide.title).toBeLessThanOrEqual(1);
    }
    expect(slides.at(-1)?.layout).toBe('sources');
  });
});

describe('the sector one-pagers on the shipped dataset', () => {
  for (const id of ['ai', 'semiconductors', 'quantum', 'biotechnology', 'robotics']) {
    it(`${id} matches its golden model and places no chart (a one-pager is a grid of text and figures)`, () => {
      const result = buildSectorModel({ ...input(), sectorId: id });
      expect(result.diagnostics).toEqual([]);
      expect(figureBlocks(result.model as Briefing)).toEqual([]);
      expect(result.model?.meta.title).toBe(data.sectors.find((s) => s.id === id)?.name);
      expectGolden(`document/sector-${id}.json`, json(result.model));
    });
  }

  it('refuses an unknown sector with a hint', () => {
    expect(buildSectorModel({ ...input(), sectorId: 'quantom' }).diagnostics).toMatchObject([
      { code: 'REF_UNKNOWN', hint: 'did you mean "quantum"?' },
    ]);
  });
});

describe('template dependencies (for the build cache)', () => {
  it('lists the template and the partials it reaches, nothing else', () => {
    const rel = (files: string[]) => files.map((f) => f.slice(TEMPLATES.length + 1));
    expect(rel(templateDependencies(TEMPLATES, 'briefing.md.hbs'))).toEqual([
      'briefing.md.hbs',
      join('partials', 'amount-alternatives.md.hbs'),
      join('partials', 'analysis-label.md.hbs'),
      join('partials', 'analysis-tag.md.hbs'),
      join('partials', 'briefing-scope.md.hbs'),
      join('partials', 'budget-alternatives.md.hbs'),
      join('partials', 'figure-alternatives.md.hbs'),
      join('partials', 'figures-note.md.hbs'),
      join('partials', 'implication.md.hbs'),
      join('partials', 'indicator-kpi.md.hbs'),
      join('partials', 'investment-parts.md.hbs'),
      join('partials', 'investment-rest.md.hbs'),
      join('partials', 'investment-sentence.md.hbs'),
      join('partials', 'judgement.md.hbs'),
      join('partials', 'partners.md.hbs'),
      join('partials', 'program.md.hbs'),
      join('partials', 'publication.md.hbs'),
      join('partials', 'target-sentence.md.hbs'),
      join('partials', 'target.md.hbs'),
      join('partials', 'value-alternatives.md.hbs'),
      join('partials', 'watch-item.md.hbs'),
    ]);
    expect(rel(templateDependencies(TEMPLATES, 'deck.md.hbs'))).toEqual([
      'deck.md.hbs',
      join('partials', 'deck-lead-figure-scope.md.hbs'),
      join('partials', 'deck-lead-figure.md.hbs'),
      join('partials', 'deck-programs-title.md.hbs'),
      join('partials', 'deck-programs.md.hbs'),
      join('partials', 'indicator-kpi.md.hbs'),
      join('partials', 'partners-slide.md.hbs'),
      join('partials', 'program-when.md.hbs'),
      join('partials', 'target-sentence.md.hbs'),
    ]);
  });
});
