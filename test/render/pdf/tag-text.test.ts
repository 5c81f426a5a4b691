/**
 * The accessibility text layer (issue 14): the tag tree reads the words the page shows. A line
 * break carries its space into the structure text and a citation mark is its own word, so a
 * screen reader or reflow never reads "economicdiplomacy" or "20281".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { endToEndTools } from '../tools.js';
import { open } from './read.js';
import { briefingOf } from './shipped-briefing.js';
import { fusions, pageWords, strangers, structText, words } from './tag-text.js';

const tools = endToEndTools('the tag-tree text check', 'pdfinfo');

describe.runIf(tools)('the tag tree of the shipped briefing', () => {
  let tagWords: string[] = [];
  let page: string[] = [];
  beforeAll(async () => {
    const { bytes } = await briefingOf();
    tagWords = words(structText(bytes));
    page = await pageWords(await open(bytes));
  }, 120_000);

  it('has words of its own, the length of the document', () => {
    expect(tagWords.length).toBeGreaterThan(1500);
  });

  it('glues no two page words together at a line break or a citation mark', () => {
    expect(fusions(tagWords, page)).toEqual([]);
  });

  it('reads only words the page shows', () => {
    expect(strangers(tagWords, page)).toEqual([]);
  });
});
