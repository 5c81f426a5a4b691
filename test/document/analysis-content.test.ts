/**
 * Issue 14, what the shipped templates print: the analyst's judgements, implications and watch
 * items are marked as analysis and never carry a citation of their own: the reference marks after
 * each are those of the records it rests on, with no "Based on:" tail in the text; the deck's content slides carry message titles, full sentences; a
 * dataset without `analysis` or `publication` shows none of their sections and nothing empty;
 * and no output names the tool that made it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel } from '../../src/document/build-models.js';
import { firstSentence } from '../../src/document/helpers-tiles.js';
import type { Block, Briefing, Deck, Inline, Section } from '../../src/document/model.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { minimalDatasetText } from '../support/minimal-dataset.js';
import { defaultTheme, testFonts } from '../support/theme.js';
import { JAPAN, printedTexts, shippedModels } from './shipped-texts.js';
import { dataset, runsText, TEMPLATES } from './support.js';

const LABEL = /^Analysis\. What follows is our assessment, not a statement of the sources\./;
/** The lighter mark of the later analysis sections (partials/analysis-tag.md.hbs). */
const TAG = /^Analysis: our assessment, not a statement of the sources\.$/;
const BASED_ON = 'Based on:';

/** Every paragraph and list item of a section, as runs. */
function runLists(blocks: readonly Block[]): Inline[][] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b.children] : b.type === 'list' ? b.items : []));
}

/** The runs before the trailing reference marks: the analysis itself, and the marks. */
function splitMarks(runs: readonly Inline[]): { own: Inline[]; marks: Inline[] } {
  let end = runs.length;
  while (end > 0 && runs[end - 1]?.type === 'citation') end--;
  return { own: runs.slice(0, end), marks: runs.slice(end) };
}

function section(model: Briefing, title: string): Section {
  const found = model.sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

/**
 * A message title: a full sentence. It starts with a capital letter or a figure, ends with a
 * full stop, has at least five words, and most of its words are lower-case (a topic label in
 * title case, "Key Figures", or a bare "Indicators" is not one).
 */
function isMessageTitle(title: string): boolean {
  const words = title.split(/\s+/).filter(Boolean);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return (
    /^[\p{Lu}\p{N}₩$€¥£]/u.test(title) &&
    title.endsWith('.') &&
    words.length >= 5 &&
    lower * 2 >= words.length
  );
}

const CONTENT_LAYOUTS = new Set(['bullets', 'chart', 'kpi', 'two-column', 'table']);

/** The briefing and deck with the real chart catalogue: a chart without rows is left out, as in a build. */
async function builtModels(data: Dataset): Promise<{ briefing: Briefing; deck: Deck }> {
  const theme = await defaultTheme();
  const { catalogue: charts } = await chartJobs(data, theme, join(TEMPLATES, 'charts'), testFonts);
  const input = { dataset: data, charts, templatesDir: TEMPLATES };
  const briefing = buildBriefingModel(input);
  const deck = buildDeckModel(input);
  expect([...briefing.diagnostics, ...deck.diagnostics]).toEqual([]);
  return { briefing: briefing.model as Briefing, deck: deck.model as Deck };
}

function validated(text: string): Dataset {
  const result = validateDatasetText(text, 'minimal.yaml');
  expect(result.diagnostics).toEqual([]);
  if (!result.dataset) throw new Error('invalid');
  return result.dataset;
}

describe('analysis in the shipped briefing', () => {
  it('marks judgements, implications and watch items as analysis, each uncited itself', async () => {
    const data = await dataset();
    const { briefing } = shippedModels(data);
    const checks: [string, string[]][] = [
      ['Key judgements', data.analysis.judgements.map((j) => j.text)],
      ['Implications', data.analysis.implications.map((i) => i.text)],
      ['What to watch', data.analysis.watch.map((w) => w.text)],
    ];
    for (const [title, texts] of checks) {
      expect(texts.length, title).toBeGreaterThan(0);
      const runs = runLists(section(briefing, title).blocks);
      // The full label once, under Key judgements; the later analysis sections open with the short tag.
      const mark = title === 'Key judgements' ? LABEL : TAG;
      expect(runsText(runs[0] ?? []), `${title} opens with the analysis mark`).toMatch(mark);
      for (const text of texts) {
        const holder = runs.find((r) => runsText(r).includes(text));
        expect(holder, text).toBeDefined();
        const { own, marks } = splitMarks(holder ?? []);
        expect(runsText(own)).toContain(text);
        expect(
          own.some((r) => r.type === 'citation'),
          `"${text}" carries no citation`,
        ).toBe(false);
        // Its evidence is cited: the records it rests on, by their sources' reference marks.
        expect(marks.length, `"${text}" is followed by its records' reference marks`).toBeGreaterThan(0);
      }
    }
    // No "Based on:" tail anywhere in the briefing's text.
    const everything = briefing.sections.flatMap((s) => runLists(s.blocks)).map((r) => runsText(r));
    // The long label is printed once in the whole briefing.
    expect(everything.filter((t) => LABEL.test(t))).toHaveLength(1);
    expect(everything.filter((t) => t.includes(BASED_ON))).toEqual([]);
    // The cover says whose judgements they are, once, in the box's heading.
    expect(briefing.takeawaysTitle).toBe('Our key judgements');
    expect(briefing.takeaways.map((t) => runsText(t))).toEqual(data.analysis.judgements.map((j) => j.title));
  });

  it('has no "Based on:" tail in the Japan fixture either, and marks every item with its records', async () => {
    const data = await dataset(JAPAN);
    const { briefing } = shippedModels(data);
    const everything = briefing.sections.flatMap((s) => runLists(s.blocks));
    expect(everything.filter((r) => runsText(r).includes(BASED_ON))).toEqual([]);
    for (const judgement of data.analysis.judgements) {
      const holder = everything.find((r) => runsText(r).includes(judgement.text));
      const { own, marks } = splitMarks(holder ?? []);
      expect(
        own.some((r) => r.type === 'citation'),
        judgement.id,
      ).toBe(false);
      expect(marks.length, judgement.id).toBeGreaterThan(0);
    }
  });

  it('keeps limits apart from the source and shows the publication as given', async () => {
    const { briefing } = shippedModels(await dataset());
    const limits = runLists(section(briefing, 'Methodology and limits').blocks).map((r) => runsText(r));
    expect(limits.some((t) => t.includes('single secondary source'))).toBe(true);
    const about = runLists(section(briefing, 'About this publication').blocks).map((r) => runsText(r));
    expect(about).toContain('Edition: First edition, version 1.0.');
    expect(
      about.some((t) => t.startsWith('Publisher:') || t.startsWith('Licence:') || t.startsWith('Contact:')),
    ).toBe(false);
  });
});

describe('deck titles', () => {
  for (const [name, file] of [
    ['Korea dataset', undefined],
    ['Japan fixture', JAPAN],
  ] as const) {
    it(`${name}: every content slide has a message title, a full sentence`, async () => {
      const { deck } = shippedModels(await dataset(file));
      const content = deck.slides.filter((s) => CONTENT_LAYOUTS.has(s.layout));
      expect(content.length).toBeGreaterThan(5);
      expect(content.map((s) => s.title).filter((t) => !isMessageTitle(t))).toEqual([]);
    });
  }

  it('calls "Key figures" or "Indicators" a topic label, not a message', () => {
    expect(isMessageTitle('Key figures')).toBe(false);
    expect(isMessageTitle('Programme Budgets As Stated.')).toBe(false);
    expect(isMessageTitle('The government plans to invest ₩6.8 trillion in 2025.')).toBe(true);
  });

  it('opens with an executive summary of the judgements, marked as analysis', async () => {
    const data = await dataset();
    const { deck } = shippedModels(data);
    const summary = deck.slides[1] as Deck['slides'][number];
    // Each judgement's line ends in the citation of the records it rests on (its evidence).
    const text = runLists(summary.blocks).map((r) => runsText(r).replace(/(\[\d+\])+$/u, ''));
    expect(text[0]).toMatch(/^Analysis: /);
    // The title states the lead judgement, marked as ours; its line gives its evidence. Each
    // other judgement is a headline, its title alone (issue 14: the slide was a wall of text).
    const [lead, ...others] = data.analysis.judgements;
    expect(summary.title).toBe(`Our assessment: ${lead?.title}`);
    expect(text[1]).toBe(firstSentence(lead?.text ?? '-'));
    expect(text.slice(2)).toEqual(others.map((j) => j.title));
    // No claim leaves the deck: every judgement's title and whole reasoning are in the notes.
    const notes = summary.notes.replace(/\s+/gu, ' ');
    for (const j of data.analysis.judgements) {
      expect(notes).toContain(j.title);
      expect(notes).toContain(j.text.replace(/\s+/gu, ' '));
    }
    // The label line cites nothing; every judgement's line cites its evidence, so the notes
    // carry the quote of any figure the line shows.
    const cited = runLists(summary.blocks).map((runs) => runs.some((r) => r.type === 'citation'));
    expect(cited).toEqual([false, ...data.analysis.judgements.slice(0, 5).map(() => true)]);
  });
});

describe('a dataset without analysis or publication', () => {
  it('shows no analysis section and no empty publication field', async () => {
    const { briefing, deck } = await builtModels(validated(minimalDatasetText()));
    const titles = briefing.sections.map((s) => s.title);
    for (const absent of ['Key judgements', 'Implications', 'What to watch'])
      expect(titles).not.toContain(absent);
    expect(JSON.stringify(briefing)).not.toContain('Analysis.');
    expect(deck.slides.map((s) => s.title)).not.toContain(expect.stringMatching(/key judgement/));
    const about = runLists(section(briefing, 'About this publication').blocks).map((r) => runsText(r));
    expect(about).toEqual([
      'Prepared by: Analyst.',
      'Data as of: 15 July 2025.',
      'Recommended citation: Analyst, Example dataset, data as of 15 July 2025.',
    ]);
  });

  it('shows every publication field given, and only those', async () => {
    const text = `${minimalDatasetText()}publication:\n  publisher: { name: Example Institute, url: https://example.org }\n  authors: [{ name: A. Author, affiliation: Example Institute }, { name: B. Author }]\n  version: "2.1"\n  published: 2025-08-01\n  licence: { name: CC BY 4.0 }\n  contact: briefings@example.org\n`;
    const { briefing } = await builtModels(validated(text));
    const about = runLists(section(briefing, 'About this publication').blocks).map((r) => runsText(r));
    expect(about).toEqual([
      'Publisher: Example Institute, https://example.org.',
      'Authors: A. Author (Example Institute) and B. Author.',
      'Edition: Version 2.1.',
      'Published: 1 August 2025. Data as of: 15 July 2025.',
      'Licence: CC BY 4.0.',
      'Contact: briefings@example.org.',
      'Recommended citation: A. Author and B. Author, Example dataset, version 2.1, Example Institute, 1 August 2025.',
    ]);
  });
});

describe('no tool branding', () => {
  it('no printed text of the shipped outputs names the tool', async () => {
    for (const file of [undefined, JAPAN]) {
      const data = await dataset(file);
      const texts = printedTexts(shippedModels(data)).map((t) => t.text);
      expect(texts.filter((t) => /briefkit/i.test(t))).toEqual([]);
    }
  });
});
