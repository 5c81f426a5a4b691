/**
 * The deck's "Strategies and programmes" slide lists every programme once, each with its year
 * or else its date (issue 13): it listed only five programmes with a `year`, so the Japan
 * fixture's programmes dated by `date` alone, and those with no date, were missing.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/dataset/wording.js';
import { JAPAN, shippedModels } from './shipped-texts.js';
import { dataset, runsText } from './support.js';

describe('deck programmes slide', () => {
  for (const [name, file] of [
    ['Japan fixture', JAPAN],
    ['Korea dataset', undefined],
  ] as const) {
    it(`${name}: each programme shown appears once, dated by its year or its date; the rest are counted`, async () => {
      const data = await dataset(file);
      const { deck } = shippedModels(data);
      // Its title is a message ("Of the 22 strategies and programmes in the sources, 11 have no
      // stated budget.", "The … administration's largest commitment is …"); the slide is the one
      // under that title or with a column for the government in office.
      const slide = deck.slides.find(
        (s) =>
          /(strategies and programmes|strategy or programme)\b/.test(s.title) ||
          s.blocks.some((b) => b.type === 'paragraph' && runsText(b.children).startsWith('Under the ')),
      );
      if (!slide) throw new Error('no programmes slide');
      // A list has a line a programme; the other column's compact line separates them with "; ".
      const lines = [...slide.blocks, ...(slide.right ?? [])].flatMap((b) =>
        b.type === 'list'
          ? b.items.map((item) => runsText(item))
          : b.type === 'paragraph' && !runsText(b.children).startsWith('Other strategies')
            ? runsText(b.children).split('; ')
            : [],
      );
      // A slide shows what it holds; the "n more in the full briefing" line counts the rest, truly.
      const more = lines.map((line) => /^(\d+) more in the full briefing/.exec(line)?.[1]).find(Boolean);
      const shown = data.programs.filter((p) => lines.some((line) => line.startsWith(p.name)));
      // Without a government in office that launched some, the slide lists the programmes with no
      // stated budget (the money slide shows the budgets), or all of them when none has one.
      const inOffice = data.programs.some((p) => p.administration && lines.some((l) => l.startsWith(p.name)));
      const unbudgeted = data.programs.filter((p) => p.budget === undefined);
      const listed = inOffice || unbudgeted.length === 0 ? data.programs : unbudgeted;
      expect(shown.length + Number(more ?? 0)).toBe(listed.length);
      for (const programme of shown) {
        const found = lines.filter((line) => line.startsWith(programme.name));
        expect(found, programme.name).toHaveLength(1);
        // What follows the name: its date and citation (a name may have brackets of its own).
        // The source's hedge (", expected") is not part of its date.
        const line = (found[0] ?? '')
          .slice(programme.name.length)
          .replace(/, (expected|anticipated|planned|proposed)(?=\[|\.|$)/, '');
        // The administration's own column names its budget, not its date.
        if (programme.administration && line.startsWith(':')) continue;
        if (programme.year !== undefined && programme.year !== null)
          expect(line).toContain(`(${programme.year})`);
        else if (programme.date) expect(line).toContain(`(${formatDate(programme.date)})`);
        else expect(line).not.toContain('(');
      }
    });
  }
});
