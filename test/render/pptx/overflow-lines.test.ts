/**
 * A deck RENDER_OVERFLOW names the template line that produced the text that does not fit
 * (the title's or subtitle's heading, the block), not the slide's first line (its layout
 * comment), so that the analyst knows which line to shorten (src/render/pptx/bounds.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { type Diagnostic, DiagnosticList } from '../../../src/diagnostics.js';
import { buildDeckModel } from '../../../src/document/index.js';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import { positionOf } from '../../charts/support.js';
import { manySectorsDataset } from '../../support/many-sectors.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme } from './deck-helpers.js';

const TEMPLATE = `<!-- layout: title -->

# {{meta.title}} {{meta.title}} {{meta.title}} {{meta.title}} {{meta.title}} {{meta.title}} {{meta.title}} {{meta.title}}

## {{meta.subtitle}}

---

<!-- layout: section -->

# Sectors

## {{join (pluck sectors "name") ", "}}

---

<!-- layout: bullets -->

# {{join (pluck sectors "name") ", "}}

- One point.

<!-- notes: Notes. -->
`;

async function deckOverflows(): Promise<Diagnostic[]> {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-overflow-'));
  writeFileSync(join(dir, 'deck.md.hbs'), TEMPLATE);
  const data = join(dir, 'data.yaml');
  writeFileSync(data, manySectorsDataset('data/korea-emerging-tech.yaml', 60));
  const dataset = (await loadDatasetFile(data)).dataset;
  if (!dataset) throw new Error('the stress dataset does not load');
  const built = buildDeckModel({ dataset, charts: [], templatesDir: dir });
  if (!built.model) throw new Error('no deck model');
  const diagnostics = new DiagnosticList();
  await renderDeckPptx(built.model, new Map(), await defaultTheme(), {
    fonts: testFonts,
    date: DATE,
    diagnostics,
  });
  return diagnostics.items.filter((d) => d.code === 'RENDER_OVERFLOW');
}

describe('deck overflow names the line of the text', () => {
  it('at the title, subtitle and heading lines, not the layout comments', async () => {
    const found = await deckOverflows();
    const line = (needle: string, nth = 1) => positionOf(TEMPLATE, needle, nth).line;
    expect(found.map((d) => [d.line, /the (\w+) does not fit/.exec(d.message)?.[1]])).toEqual([
      [line('# {{meta.title}}'), 'title'],
      [line('## {{join'), 'subtitle'],
      [line('# {{join', 2), 'title'],
    ]);
    expect(found.every((d) => d.file === 'deck.md.hbs' || d.file?.endsWith('deck.md.hbs'))).toBe(true);
  });
});
