/**
 * The HTML edition's back matter mirrors the PDF's (render/pdf/back-matter.ts): with a companion
 * evidence file its sources list links to that file and prints no quoted sentence; without one,
 * each source's sentences are folded under its entry. A source's note (the dataset writer's record)
 * goes with the evidence: under its entry only when this file holds the evidence.
 * The page shows no font licence: a CSS comment beside the embedded fonts credits each face in
 * one line, without the licence text.
 */
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/document/model.js';
import { renderBriefingHtml } from '../../src/render/html/document.js';
import { withFigures } from '../fixtures/figures.js';
import { sampleBriefing, sampleCharts } from '../fixtures/models/briefing.js';
import { DATE, defaultTheme, testFonts } from '../support/theme.js';

const QUOTE = '“The government will invest ₩100 trillion.” (p. 3)';
const NOTE = 'The stored copy names no outlet.';

function quotedModel(): Briefing {
  const model = sampleBriefing();
  const [first, second] = model.sources;
  if (!first || !second) throw new Error('the fixture has two sources');
  model.sources = [{ ...first, quotes: [QUOTE], note: NOTE }, second];
  return model;
}

async function html(evidence?: string): Promise<string> {
  const { model, assets } = withFigures(quotedModel(), sampleCharts());
  return renderBriefingHtml(model, {
    assets,
    theme: await defaultTheme(),
    fonts: testFonts,
    date: DATE,
    ...(evidence ? { evidence } : {}),
  });
}

describe('the HTML edition’s sources and typeface credits', () => {
  it('links the companion evidence file and prints no quoted sentence when there is one', async () => {
    const page = await html('briefing-evidence.pdf');
    expect(page).toContain('companion file <a href="briefing-evidence.pdf">briefing-evidence.pdf</a>');
    expect(page).not.toContain('class="quote"');
    expect(page).not.toContain('The government will invest');
    expect(page).not.toContain(NOTE);
  });

  it('folds each source’s sentences under its entry without one', async () => {
    const page = await html();
    expect(page).toMatch(
      /<details><summary>The sentences cited<\/summary><p class="quote">“The government will invest/,
    );
    expect(page).not.toContain('companion file');
    expect(page).toContain(`<p class="note">${NOTE}</p>`);
  });

  it('shows no font licence on the page and credits each face in a comment with the fonts', async () => {
    const page = await html('briefing-evidence.pdf');
    const body = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
    expect(body).not.toMatch(/Typefaces|Open Font License|colophon/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const comment = /\/\* (Typefaces: [^*]*) \*\//.exec(style)?.[1] ?? '';
    expect(comment).toMatch(/^Typefaces: Pretendard \(© [^)]*SIL Open Font License 1\.1\)/);
    expect(comment).not.toContain('This Font Software is licensed');
    expect(comment).not.toMatch(/briefkit/i);
  });
});
