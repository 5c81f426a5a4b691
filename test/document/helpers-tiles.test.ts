/** Short forms for slides (src/document/helpers-tiles.ts): a tile's label and a paragraph's first sentence. */
import { describe, expect, it } from 'vitest';
import { firstSentence, splitAside, tileLabel } from '../../src/document/helpers-tiles.js';

describe('tileLabel', () => {
  it('drops bracketed asides and adds the time only when the label names no year', () => {
    expect(
      tileLabel(
        'Total subsidies to Rapidus since fiscal 2022, including fiscal 2025 (cumulative)',
        'fiscal 2022–2025',
      ),
    ).toBe('Total subsidies to Rapidus since fiscal 2022, including fiscal 2025');
    expect(tileLabel('Subsidies and commissioned work by fiscal 2030', 'by fiscal 2030')).toBe(
      'Subsidies and commissioned work by fiscal 2030',
    );
    expect(tileLabel('R&D investment aim', '2028')).toBe('R&D investment aim, 2028');
    expect(tileLabel('Finest logic-chip process (as reported in February 2024)')).toBe(
      'Finest logic-chip process',
    );
  });

  it('keeps a label that is all aside', () => {
    expect(tileLabel('(cumulative)')).toBe('(cumulative)');
  });
});

describe('firstSentence', () => {
  it('ends at the first full stop before a capital, not inside "U.S.-led" or "2.5"', () => {
    expect(firstSentence('Controls follow U.S.-led curbs at 2.5 times the cost. Beijing objected.')).toBe(
      'Controls follow U.S.-led curbs at 2.5 times the cost.',
    );
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('with clause, keeps the lead of two statements a semicolon joins', () => {
    const text = 'Technology extends the appeal beyond exports; it helps shape norms. The source agrees.';
    expect(firstSentence(text, true)).toBe('Technology extends the appeal beyond exports.');
    expect(firstSentence(text)).toBe('Technology extends the appeal beyond exports; it helps shape norms.');
    expect(firstSentence('Aid supports production (see the plan; fiscal 2024).', true)).toBe(
      'Aid supports production (see the plan; fiscal 2024).',
    );
    expect(firstSentence('It calls it "a pledge; not spending" in the plan.', true)).toBe(
      'It calls it "a pledge; not spending" in the plan.',
    );
  });

  it('with clause, keeps a list a colon opens whole: its first item is not the point', () => {
    const list = 'Three partners: the US, for chips; the EU, for research; Japan, for materials.';
    expect(firstSentence(list, true)).toBe(list);
  });
});

describe('splitAside', () => {
  it('splits off only the bracketed aside that ends a phrase', () => {
    expect(splitAside('Rapidus goes public (plan in its business strategy)')).toEqual({
      text: 'Rapidus goes public',
      aside: 'plan in its business strategy',
    });
    expect(splitAside('Sales (of chips) tripled')).toEqual({ text: 'Sales (of chips) tripled', aside: '' });
    expect(splitAside('Quantum experts trained')).toEqual({ text: 'Quantum experts trained', aside: '' });
  });

  it('keeps a phrase that is all aside', () => {
    expect(splitAside('(cumulative)')).toEqual({ text: '(cumulative)', aside: '' });
  });
});
