/**
 * A programme's budget in the sector sections (templates/briefing.md.hbs, "Focus sectors"): given
 * only when the programme is that sector's alone. A programme spanning sectors would state its sum
 * again in each (the Japan fixture's ¥10 trillion framework, three times); the programmes section
 * gives it once.
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
  it('give a budget only for a programme of that sector alone', async () => {
    const data = await dataset(file);
    const { briefing } = shippedModels(data);
    const sectors = briefing.sections.find((s) => s.title === 'Focus sectors');
    expect(sectors).toBeDefined();
    const lines = paragraphs(sectors?.blocks ?? []).filter((t) => t.startsWith('Programmes:'));
    expect(lines.length).toBeGreaterThan(0);
    let single = 0;
    for (const program of data.programs.filter((p) => p.budget)) {
      for (const line of lines) {
        const entry = entryOf(line, program.name);
        if (entry === undefined) continue;
        // A year in brackets and citation markers aside, a stated sum has digits.
        const figures = /\d/u.test(entry.replace(/\(\d{4}\)/gu, '').replace(/\[\d+\]/gu, ''));
        expect(figures, `${program.id} in "${line.slice(0, 60)}…"`).toBe(program.sectors.length === 1);
        if (program.sectors.length === 1) single += 1;
      }
    }
    // The rule is exercised both ways somewhere: some single-sector budget is given.
    expect(single).toBeGreaterThan(0);
  });
});
