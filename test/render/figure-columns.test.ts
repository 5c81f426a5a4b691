/**
 * A column of figures goes right in the PDF's and the deck's tables whatever the currency:
 * the symbols the wording prints (src/dataset/wording.ts: US$, CHF, ₹, JP¥…) and any other
 * currency sign, not only the won, dollar, euro, pound and yen (issue 12: no Korea-specific defaults).
 */
import { describe, expect, it } from 'vitest';
import { columnAlign as pdfAlign } from '../../src/render/pdf/table.js';
import { columnAlign as deckAlign } from '../../src/render/pptx/table-fit.js';

const FIGURES = [
  'US$6.8 billion',
  'CHF 12 million',
  '₹5 crore',
  'JP¥476 billion',
  '₺40 billion',
  'NT$3.2 billion',
];
const plain = { bold: false, italic: false };

describe('figure columns in any currency', () => {
  it.each(FIGURES)('aligns %s right in the PDF and the deck', (figure) => {
    const rows = [[[{ text: 'Programme', style: plain }], [{ text: figure, style: plain }]]];
    expect(pdfAlign([null, null], rows, 2)).toEqual(['left', 'right']);
    expect(deckAlign([null, null], [['Programme', figure]], 2)).toEqual(['left', 'right']);
  });

  it('keeps a column of words left', () => {
    expect(deckAlign([null], [['Seoul'], ['USD']], 1)).toEqual(['left']);
  });
});
