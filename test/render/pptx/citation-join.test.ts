/**
 * A citation mark stays with the word before it (issue 14, the editorial review: in LibreOffice
 * "[1]" wrapped alone onto a line, as UAX #14 allows a break between "." and "["). The deck
 * writes a word joiner (U+2060) between them, the theme's fonts have its glyph, and the deck's
 * own line breaker (text/line-break.ts, measured in render/pptx/paragraph-lines.ts) keeps the
 * two together as the viewer now does.
 */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/document/model.js';
import { shownTexts } from '../../../src/document/shown-text.js';
import { deckMeasurer } from '../../../src/render/pptx/measure.js';
import { wrapLines } from '../../../src/render/pptx/paragraph-lines.js';
import { inlineRuns, type Run } from '../../../src/render/pptx/styled-runs.js';
import { WORD_JOINER } from '../../../src/text/line-break.js';
import { stackCoverage } from '../../../src/theme/stack-coverage.js';
import { sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import { buildSample, defaultTheme, paragraphs, slideNames, text, unzip } from './deck-helpers.js';

const cite = (number: number): Inline => ({ type: 'citation', number, sourceId: `s${number}` });

/** A citation mark in drawn text that a viewer could move to a line of its own. */
const LOOSE_MARK = /[^\s\u2060]\[\d+\]/u;

describe('a citation mark after a word', () => {
  it('is joined to the word, and to the mark before it, but not across a space', () => {
    const runs = inlineRuns([{ type: 'text', text: 'diplomacy.' }, cite(1), cite(2)]);
    expect(runs.map((r) => r.text)).toEqual(['diplomacy.', `${WORD_JOINER}[1]`, `${WORD_JOINER}[2]`]);
    const spaced = inlineRuns([{ type: 'text', text: 'See ' }, cite(1)]);
    expect(spaced.map((r) => r.text)).toEqual(['See ', '[1]']);
    expect(inlineRuns([cite(3)]).map((r) => r.text)).toEqual(['[3]']);
  });

  it('never starts a line in the deck line breaker', async () => {
    const theme = await defaultTheme();
    const m = deckMeasurer(testFonts.stack(theme));
    const size = theme.sizes.slideBody;
    const runs: Run[] = inlineRuns([{ type: 'text', text: 'Korea and its economic diplomacy.' }, cite(1)]);
    // Every width from one that holds the sentence alone to one that holds it with its mark:
    // without the joiner the mark would wrap alone at the narrower ones.
    const sentence = m.width('Korea and its economic diplomacy.', size, false);
    const whole = sentence + m.width(`${WORD_JOINER}[1]`, size, false);
    expect(whole - sentence).toBeGreaterThan(3);
    for (let width = Math.ceil(sentence); width < whole; width++) {
      const lines = wrapLines(runs, size, width, m).map((line) => line.map((r) => r.text).join(''));
      expect({ width, last: lines[lines.length - 1] }).toEqual({
        width,
        last: `diplomacy.${WORD_JOINER}[1]`,
      });
    }
  });

  it('is never separable from its word in the drawn slides', async () => {
    const parts = unzip(await buildSample());
    const drawn = slideNames(parts).flatMap((name) => paragraphs(text(parts, name)));
    expect(drawn.filter((p) => /\[\d+\]/u.test(p)).length).toBeGreaterThan(3);
    expect(drawn.filter((p) => LOOSE_MARK.test(p))).toEqual([]);
  });

  it('draws a joiner the theme fonts have, and the glyph check looks for it', async () => {
    const theme = await defaultTheme();
    expect(stackCoverage(testFonts.stack(theme)).covers(WORD_JOINER)).toBe(true);
    expect(shownTexts(sampleDeck()).map((t) => t.text)).toContain(WORD_JOINER);
  });
});
