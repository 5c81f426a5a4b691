/**
 * Every sentence the shipped templates print for a dataset, as text: the briefing, the deck
 * (slides and speaker notes) and each sector's one-pager. For wording checks on any data.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import type { Briefing, Deck, Inline } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { ROOT, runsText, TEMPLATES } from './support.js';

export const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

export interface PrintedText {
  where: string;
  text: string;
}

const INLINE = new Set(['text', 'strong', 'emphasis', 'link', 'citation', 'break']);

function isRuns(value: unknown): value is Inline[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'object' && v !== null && INLINE.has((v as { type: string }).type))
  );
}

/** The text of every run list in a model (charts' own tables and notes left out). */
function runTexts(value: unknown, where: string, out: PrintedText[]): void {
  if (isRuns(value)) {
    out.push({ where, text: runsText(value) });
    return;
  }
  if (Array.isArray(value)) for (const v of value) runTexts(v, where, out);
  else if (typeof value === 'object' && value !== null) {
    if ((value as { type?: unknown }).type === 'figure') return;
    for (const v of Object.values(value)) runTexts(v, where, out);
  }
}

export interface ShippedModels {
  briefing: Briefing;
  deck: Deck;
  sectors: Briefing[];
}

export function shippedModels(data: Dataset): ShippedModels {
  const input = { dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES };
  const briefing = buildBriefingModel(input);
  const deck = buildDeckModel(input);
  expect(briefing.diagnostics).toEqual([]);
  expect(deck.diagnostics).toEqual([]);
  const sectors = data.sectors.map((s) => {
    const result = buildSectorModel({ ...input, sectorId: s.id });
    expect(result.diagnostics).toEqual([]);
    return result.model as Briefing;
  });
  return { briefing: briefing.model as Briefing, deck: deck.model as Deck, sectors };
}

/** Every printed text; speaker notes without the quotes they carry (those are the sources' text). */
export function printedTexts(models: ShippedModels): PrintedText[] {
  const out: PrintedText[] = [];
  runTexts(models.briefing, 'briefing', out);
  models.deck.slides.forEach((slide, i) => {
    runTexts(slide, `slide ${i + 1}`, out);
    if (slide.notes)
      out.push({ where: `notes of slide ${i + 1}`, text: slide.notes.replace(/“[^”]*”/g, '“…”') });
  });
  models.sectors.forEach((m, i) => {
    runTexts(m, `one-pager ${i + 1}`, out);
  });
  return out;
}
