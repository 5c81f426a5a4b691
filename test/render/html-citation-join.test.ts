/**
 * In the HTML edition a citation mark stays with the word or mark before it (issue 14): a browser
 * breaks lines across inline tags as UAX #14 allows, between "." and "[" ("2028." / "[1]"), so
 * each mark opens with a word joiner (U+2060), as the deck's marks do. Checked on generated
 * sentences, words up to three times as long as the shipped ones.
 */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/document/model.js';
import { CitationMarks, inlineHtml } from '../../src/render/html/inline.js';

const cite = (number: number): Inline => ({ type: 'citation', number, sourceId: `s${number}` });
/** The text a browser lays out: tags dropped. */
const laidOut = (html: string) => html.replace(/<[^>]*>/g, '');
/** A mark a browser may move to a line of its own: after anything but a word joiner. */
const LOOSE_MARK = /[^\u2060]\[\d+\]/u;

describe('an HTML citation mark', () => {
  const endings = [
    '2028.',
    'fields',
    'field,',
    '(2025)',
    'semiconductors'.repeat(3),
    'trillion won.'.repeat(3),
  ];
  it.each(endings)('after "%s" or another mark is joined to it', (ending) => {
    const inlines: Inline[] = [
      { type: 'text', text: `The government aims to reach ${ending}` },
      cite(1),
      cite(12),
    ];
    const text = laidOut(inlineHtml(inlines, new CitationMarks('en')));
    expect(text).toContain('[1]');
    expect(text).toContain('[12]');
    expect(text).not.toMatch(LOOSE_MARK);
  });
});
