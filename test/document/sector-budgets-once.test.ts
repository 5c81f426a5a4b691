/**
 * The sector sections (templates/briefing.md.hbs, "Focus sectors") name a programme without its
 * budget: the Investment section states each sum once (issue 14; a budget given under each of
 * its sectors stated the Japan fixture's ¥10 trillion framework three times, and even one sector's
 * own budget was a fourth statement of the sum).
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/model.js';
import { JAPAN, shippedModels } from './shipped-texts.js';
import { dataset, runsText } from './support.js';

function paragraphs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [runsText(b.children)] : []));
}

/** What a sector's "Programmes:" line says of one programme: from its name to the next "; ". */
function entryOf(line: string, name: string): string | undefined {
  const at = line.indexOf(name);
  if (at < 0) return undefined;
  const rest = line.slice(at + name.length);
  return rest.split('; ')[0];
}

describe.each([
  ['the shipped dataset', undefined],
  ['the Japan fixture', JAPAN],
])('the sector sections of %s', (_name, file) => {
  it('give no programme budget', async () => {
    const data = await dataset(file);
    const { briefing } = shippedModels(data);
    const sectors = briefing.sections.find((s) => s.title === 'Focus sectors');
    expect(sectors).toBeDefined();
    const lines = paragraphs(sectors?.blocks ?? []).filter((t) => t.startsWith('Programmes:'));
    expect(lines.length).toBeGreaterThan(0);
    let named = 0;
    for (const program of data.programs.filter((p) => p.budget)) {
      for (const line of lines) {
        const entry = entryOf(line, program.name);
        if (entry === undefined) continue;
        // A year in brackets and citation markers aside, a stated sum has digits.
        const figures = /\d/u.test(entry.replace(/\(\d{4}\)/gu, '').replace(/\[\d+\]/gu, ''));
        expect(figures, `${program.id} in "${line.slice(0, 60)}…"`).toBe(false);
        named += 1;
      }
    }
    // The rule is exercised: some programme with a budget is named in a sector line.
    expect(named).toBeGreaterThan(0);
  });
});
