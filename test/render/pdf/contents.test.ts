/**
 * The contents in proportion to the body (issue 14): levels 1–2 at most, and no more entries
 * than the body has pages to earn them, so a 9-page body never gets a full page of contents.
 */
import { describe, expect, it } from 'vitest';
import { proportionalEntries, type TocEntry } from '../../../src/render/pdf/toc.js';
import { allText, open, pageText, structRoles } from './read.js';
import { briefingOf } from './shipped-briefing.js';

const entry = (id: string, level: 1 | 2): TocEntry => ({ id, level, title: id });

describe('the contents', () => {
  it('keeps level-2 entries only when all of them fit two entries per body page', () => {
    const entries = [entry('a', 1), entry('a1', 2), entry('a2', 2), entry('b', 1), entry('b1', 2)];
    expect(proportionalEntries(entries, 3).map((e) => e.id)).toEqual(['a', 'a1', 'a2', 'b', 'b1']);
    expect(proportionalEntries(entries, 2).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('of a short briefing is on the cover, each entry at the page its section starts on', async () => {
    const { model, bytes } = await briefingOf();
    const pdf = await open(bytes);
    const items = (await structRoles(pdf)).filter((n) => n.role === 'TOCI');
    // No contents page: the body starts right after the cover.
    const bodyPages = pdf.numPages - 1;
    expect(items.length).toBeLessThanOrEqual(2 * bodyPages);
    expect(items.length).toBeGreaterThanOrEqual(model.sections.length);
    const cover = await pageText(pdf, 1);
    expect(cover).toContain('Contents');
    expect(await pageText(pdf, 2)).not.toContain('Contents');
    const pages = await allText(pdf);
    for (const section of model.sections) {
      const listed = new RegExp(`${escapeRegExp(section.title)} (\\d+)`, 'u').exec(cover);
      expect(listed, section.title).not.toBeNull();
      const page = Number(listed?.[1]);
      expect(page).toBeGreaterThan(1);
      expect(pages[page - 1], `${section.title} on page ${page}`).toContain(section.title);
    }
  }, 120_000);

  it('of a long briefing keeps its own page', async () => {
    const { model, bytes } = await briefingOf('test/fixtures/datasets/japan-semiconductors-ai.yaml');
    const pdf = await open(bytes);
    expect(await pageText(pdf, 1)).not.toContain('Contents');
    const contents = await pageText(pdf, 2);
    expect(contents).toContain('Contents');
    for (const section of model.sections) expect(contents).toContain(section.title);
  }, 180_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
