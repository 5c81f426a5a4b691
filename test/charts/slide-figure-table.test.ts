/**
 * Issue 11: a chart picture placed on a slide prints its labels at the picture's scale
 * (src/render/pptx/figure-table.ts); under MIN_SLIDE_LABEL_PT the slide places the figure's
 * data table, every row once, numbers right-aligned.
 */
import { describe, expect, it } from 'vitest';
import type { Asset, DataTable } from '../../src/document/model.js';
import { containBox } from '../../src/render/pptx/draw-chart.js';
import { dataTableBlock, MIN_SLIDE_LABEL_PT, projectedLabelPt } from '../../src/render/pptx/figure-table.js';

const picture = (width: number, height: number): Asset => ({
  mime: 'image/png',
  bytes: new Uint8Array(),
  width,
  height,
});

describe('chart pictures on a slide', () => {
  const box = { x: 0.5, y: 1.4, w: 12.3, h: 4.8 };
  it('print a tall picture labels under the minimum, a wide one above it', () => {
    const tall = picture(520, 640);
    const wide = picture(520, 300);
    const tallPt = projectedLabelPt(tall, containBox(box, tall.width, tall.height), 11);
    const widePt = projectedLabelPt(wide, containBox(box, wide.width, wide.height), 11);
    // 4.8 in for 640 px: 11 px × 4.8 / 640 × 72 pt per inch.
    expect(tallPt).toBeCloseTo((11 * 4.8 * 72) / 640, 5);
    expect(tallPt).toBeLessThan(MIN_SLIDE_LABEL_PT);
    expect(widePt).toBeGreaterThanOrEqual(MIN_SLIDE_LABEL_PT);
  });

  it('fall back to a table of every row, figures right-aligned and as stated', () => {
    const table: DataTable = {
      columns: [
        { name: 'label', label: 'Programme', type: 'string' },
        { name: 'year', label: 'Year', type: 'number' },
        { name: 'valueBn', label: 'Amount', unit: '₩ billion', type: 'number' },
      ],
      rows: [
        ['A', 2030, 0.64],
        ['B', 2024, 12_500],
        ['C', null, null],
      ],
    } as DataTable;
    const block = dataTableBlock(table);
    expect(block.rows).toHaveLength(table.rows.length);
    expect(block.align).toEqual(['left', 'right', 'right']);
    const cells = block.rows.map((row) => row.map((cell) => (cell[0] as { text: string }).text));
    expect(cells).toEqual([
      ['A', '2030', '0.64'],
      ['B', '2024', '12,500'],
      ['C', '–', '–'],
    ]);
    expect(block.header.map((cell) => (cell[0] as { text: string }).text)[2]).toBe('Amount (₩ billion)');
  });
});
