/**
 * The briefing's sources list gives, under each source, the sentences the document cites from
 * it, with their locators and translations: so every figure printed in the briefing has its
 * source, quote and locator in the endnotes, not only a source's name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracedFigures } from '../../src/dataset/provenance/trace.js';
import { buildBriefingModel } from '../../src/document/build-models.js';
import { quotedCitation } from '../../src/document/helpers-sources.js';
import type { Block, Briefing, Inline } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { dataset, ROOT, SHIPPED, TEMPLATES } from './support.js';

const JAPAN = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');

function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => ('text' in r ? r.text : 'children' in r ? inlineText(r.children) : ' ')).join('');
}

function blockText(block: Block): string {
  if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.children);
  if (block.type === 'list') return block.items.map(inlineText).join('\n');
  if (block.type === 'table') return block.rows.flatMap((row) => row.map(inlineText)).join('\n');
  if (block.type === 'kpi') return block.items.map((i) => `${i.value} ${i.label}`).join('\n');
  if (block.type === 'quote') return block.children.map(blockText).join('\n');
  return '';
}

describe.each([
  ['Korea', SHIPPED],
  ['Japan', JAPAN],
])('the %s briefing', (_, file) => {
  it("gives every printed figure's quotes, with locator and translation, under its source", async () => {
    const data = await dataset(file);
    const result = buildBriefingModel({
      dataset: data,
      charts: testCatalogue(data),
      templatesDir: TEMPLATES,
    });
    expect(result.diagnostics).toEqual([]);
    const model = result.model as Briefing;
    const text = model.sections.flatMap((s) => s.blocks.map(blockText)).join('\n');
    const quotes = new Map(model.sources.map((s) => [s.id, s.quotes ?? []]));
    const printed = tracedFigures(data).filter(
      (f) => !f.computed && f.forms.some((form) => text.includes(form)),
    );
    expect(printed.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const figure of printed) {
      for (const citation of figure.citations) {
        const entry = quotes.get(citation.source);
        if (!entry?.includes(quotedCitation(citation)))
          missing.push(`${figure.printed} (${figure.record}): ${citation.source}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('a quote in the sources list', () => {
  it('carries its locator and its translation', async () => {
    const data = await dataset(JAPAN);
    const model = buildBriefingModel({ dataset: data, charts: testCatalogue(data), templatesDir: TEMPLATES })
      .model as Briefing;
    const cao = model.sources.find((s) => s.id === 'cao-2024-11-ai-semiconductor-frame');
    expect(cao?.quotes?.some((q) => q.includes('(p. 2; in English: “(1) About ¥6 trillion'))).toBe(true);
    // The source's line breaks (a YAML `|` block) are not printed: none between Japanese characters.
    expect(cao?.quotes?.some((q) => q.includes('として6兆円程度'))).toBe(true);
    expect(cao?.quotes?.some((q) => q.includes('\n'))).toBe(false);
  });
});
