/**
 * The contents in proportion to the body (issue 14): levels 1–2 at most, and no more entries
 * than the body has pages to earn them, so a 9-page body never gets a full page of contents.
 */
import { describe, expect, it } from 'vitest';
import { proportionalEntries, type TocEntry } from '../../../src/render/pdf/toc.js';
import { open, structRoles } from './read.js';
import { briefingOf } from './shipped-briefing.js';

const entry = (id: string, level: 1 | 2): TocEntry => ({ id, level, title: id });

describe('the contents', () => {
  it('keeps level-2 entries only when all of them fit two entries per body page', () => {
    const entries = [entry('a', 1), entry('a1', 2), entry('a2', 2), entry('b', 1), entry('b1', 2)];
    expect(proportionalEntries(entries, 3).map((e) => e.id)).toEqual(['a', 'a1', 'a2', 'b', 'b1']);
    expect(proportionalEntries(entries, 2).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('of the shipped briefing lists every section and is short for its body', async () => {
    const { model, bytes } = await briefingOf();
    const pdf = await open(bytes);
    const items = (await structRoles(pdf)).filter((n) => n.role === 'TOCI');
    // Cover and one page of contents come before the body.
    const bodyPages = pdf.numPages - 2;
    expect(items.length).toBeLessThanOrEqual(2 * bodyPages);
    expect(items.length).toBeGreaterThanOrEqual(model.sections.length);
    const contents = (await (await pdf.getPage(2)).getTextContent()).items.flatMap((i) =>
      'str' in i ? [i.str] : [],
    );
    for (const section of model.sections) expect(contents.join(' ')).toContain(section.title);
  }, 120_000);
});
