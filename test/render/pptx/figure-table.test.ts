/**
 * A matrix's data table (render/pptx/figure-table.ts crossTableBlock) placed on a slide as the
 * grid its chart draws: every pair's value once, in its row and column; any other table stays long.
 */
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../src/document/model.js';
import { crossTableBlock } from '../../../src/render/pptx/figure-table.js';

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
    const block = crossTableBlock(table);
    expect(block?.header.map(cellText)).toEqual(['Sector', 'C1', 'C2', 'C3']);
    expect(block?.rows).toHaveLength(5);
    for (const [channel, sector, link] of table.rows) {
      const row = block?.rows.find((r) => cellText(r[0] ?? []) === sector);
      const col = ['C1', 'C2', 'C3'].indexOf(String(channel)) + 1;
      expect(cellText(row?.[col] ?? [])).toBe(link);
    }
  });

  it('stays a long table when a pair is missing or repeated, or it has too many columns across', () => {
    const table = matrix(['C1', 'C2'], ['S1', 'S2']);
    expect(crossTableBlock({ ...table, rows: table.rows.slice(1) })).toBeUndefined();
    expect(crossTableBlock({ ...table, rows: [...table.rows, table.rows[0] ?? []] })).toBeUndefined();
    const wide = matrix(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['1', '2', '3', '4', '5', '6', '7']);
    expect(crossTableBlock(wide)).toBeUndefined();
    expect(crossTableBlock({ ...table, columns: table.columns.slice(0, 2) })).toBeUndefined();
  });
});
