/**
 * A matrix's data table (render/pptx/figure-table.ts crossTableBlocks) placed on a slide as the
 * grid its chart draws: every pair's value once, in its row and column; any other table stays long.
 */
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../src/document/model.js';
import { crossTableBlocks } from '../../../src/render/pptx/figure-table.js';

const cellText = (cell: readonly { type: string; text?: string }[]) => cell.map((c) => c.text ?? '').join('');

const matrix = (channels: string[], sectors: string[]): DataTable => ({
  columns: [
    { name: 'channel', label: 'Channel', type: 'string' },
    { name: 'sector', label: 'Sector', type: 'string' },
    { name: 'link', label: 'Link', type: 'string' },
  ],
  rows: channels.flatMap((c, i) =>
    sectors.map((s, j) => [c, s, (i + j) % 3 === 0 ? 'Linked' : 'Not linked']),
  ),
});

describe('a matrix placed as its data table', () => {
  it('reads as its grid, every value once at its pair', () => {
    const table = matrix(['C1', 'C2', 'C3'], ['S1', 'S2', 'S3', 'S4', 'S5']);
    const [block, ...more] = crossTableBlocks(table) ?? [];
    expect(more).toEqual([]);
    expect(block?.header.map(cellText)).toEqual(['Sector', 'C1', 'C2', 'C3']);
    expect(block?.rows).toHaveLength(5);
    for (const [channel, sector, link] of table.rows) {
      const row = block?.rows.find((r) => cellText(r[0] ?? []) === sector);
      const col = ['C1', 'C2', 'C3'].indexOf(String(channel)) + 1;
      expect(cellText(row?.[col] ?? [])).toBe(link);
    }
  });

  it('cuts more than six columns across into even grids, every value still once', () => {
    const channels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const wide = matrix(channels, ['1', '2', '3', '4', '5', '6', '7', '8']);
    const blocks = crossTableBlocks(wide) ?? [];
    expect(blocks.map((b) => b.header.length - 1)).toEqual([4, 3]);
    const shown = blocks.flatMap((b) => {
      const across = b.header.slice(1).map(cellText);
      return b.rows.flatMap((r) => across.map((x, i) => [x, cellText(r[0] ?? []), cellText(r[i + 1] ?? [])]));
    });
    expect(shown.sort()).toEqual(wide.rows.map((r) => r.map(String)).sort());
  });

  it('is no grid when a pair is missing or repeated, or the table is not two labels and a value', () => {
    const table = matrix(['C1', 'C2'], ['S1', 'S2']);
    expect(crossTableBlocks({ ...table, rows: table.rows.slice(1) })).toBeUndefined();
    expect(crossTableBlocks({ ...table, rows: [...table.rows, table.rows[0] ?? []] })).toBeUndefined();
    expect(crossTableBlocks({ ...table, columns: table.columns.slice(0, 2) })).toBeUndefined();
  });
});
