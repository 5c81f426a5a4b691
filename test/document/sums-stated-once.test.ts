/**
 * Each sum stated once in the body (templates/briefing.md.hbs, issue 14: the Japan fixture stated
 * each sum four or five times: a sentence, a table row, the programmes list, the sector lines).
 * The rule: from the Investment section on, figures aside (a chart draws a sum, the text states
 * it), every investment amount and programme budget, written as the money helper writes it with
 * its qualifier, appears at most twice: once in full (its sentence or its table row) and at most
 * once more in the lead that names the largest; a "Sources differ: …" note, which sets the sum
 * beside another source's statement of it, is not counted. A programme budget that is an investment's money
 * (`budgetSameAs`) counts as that investment's sum; a string also inside another record's (JP¥150
 * billion in "up to JP¥150 billion") is allowed twice for each record that prints it.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/dataset/wording.js';
import { JAPAN, printedTexts, shippedModels } from './shipped-texts.js';
import { dataset } from './support.js';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe.each([
  ['the shipped dataset', undefined],
  ['the Japan fixture', JAPAN],
])('the briefing body of %s', (_name, file) => {
  it('states each investment amount and programme budget at most twice', async () => {
    const data = await dataset(file);
    const models = shippedModels(data);
    const at = models.briefing.sections.findIndex((s) => s.title === 'Investment');
    expect(at).toBeGreaterThanOrEqual(0);
    const body = { ...models.briefing, sections: models.briefing.sections.slice(at) };
    const text = printedTexts({ briefing: body, deck: { ...models.deck, slides: [] }, sectors: [] })
      .map((t) => t.text)
      .join('\n')
      // Where sources disagree, the note sets the sum beside the other source's: not a restatement.
      .replace(/\(?[Ss]ources differ: [^.)]*[.)]/gu, '');
    const sums = [
      ...data.investments.map((i) => formatMoney(i.amount)),
      // A budget that is an investment's money (`budgetSameAs`) is that investment's sum.
      ...data.programs.flatMap((p) => (p.budget && !p.budgetSameAs ? [formatMoney(p.budget)] : [])),
    ];
    let stated = 0;
    for (const sum of new Set(sums)) {
      const records = sums.filter((s) => s.includes(sum)).length;
      const times = count(text, sum);
      expect(times, sum).toBeLessThanOrEqual(2 * records);
      if (times > 0) stated += 1;
    }
    // Nothing is dropped: every distinct sum is still stated in the body.
    expect(stated).toBe(new Set(sums).size);
  });
});
