/** KPI callouts: a row of boxes, each a large figure with its label, note and citations. */
import type { KpiItem } from '../../document/model.js';
import { kpiNote } from '../kpi-note.js';
import type { Box, Prepared } from './blocks.js';
import { type Ctx, ensure, gap, placed } from './frame.js';
import type { Line } from './lines.js';
import { flattenInlines, type Piece } from './styled-pieces.js';
import { drawLine, layoutText, type TextStyle } from './text.js';

const PER_ROW = 3;
const GUTTER = 8;
const PAD = 9;

interface Cell {
  value: Line[];
  label: Line[];
  note: Line[];
  height: number;
}

function labelPieces(item: KpiItem): Piece[] {
  const cites = item.citations.map((number) => ({ type: 'citation' as const, number, sourceId: '' }));
  return flattenInlines([{ type: 'text', text: item.label }, ...cites]);
}

export function prepareKpi(ctx: Ctx, items: KpiItem[], box: Box): Prepared {
  const t = ctx.type;
  const valueStyle: TextStyle = { size: t.h1 * 1.05, colour: t.colours.accent, lineHeight: t.h1 * 1.25 };
  const labelStyle: TextStyle = { size: t.body * 0.92, colour: t.colours.text, lineHeight: t.body * 1.3 };
  const noteStyle: TextStyle = { size: t.small, colour: t.colours.muted, lineHeight: t.small * 1.3 };
  // Four callouts read better as two rows of two than as three and one.
  const perRow = items.length === 4 ? 2 : Math.min(PER_ROW, Math.max(1, items.length));
  const cellWidth = (box.width - GUTTER * (perRow - 1)) / perRow;
  const inner = cellWidth - 2 * PAD;
  const cells: Cell[] = items.map((item) => {
    const value = layoutText(
      ctx,
      flattenInlines([{ type: 'text', text: item.value }], { bold: true, italic: false }),
      inner,
      valueStyle.size,
    );
    const label = layoutText(ctx, labelPieces(item), inner, labelStyle.size);
    const noteText = kpiNote(item.label, item.note);
    const note = noteText
      ? layoutText(ctx, flattenInlines([{ type: 'text', text: noteText }]), inner, noteStyle.size)
      : [];
    const height =
      2 * PAD +
      3 +
      value.length * valueStyle.lineHeight +
      label.length * labelStyle.lineHeight +
      note.length * noteStyle.lineHeight +
      (note.length ? 3 : 0);
    return { value, label, note, height };
  });
  const rows: Cell[][] = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(cells.slice(i, i + perRow));
  const rowHeight = (row: Cell[]) => Math.max(...row.map((c) => c.height));
  return {
    keep: rows[0] ? rowHeight(rows[0]) : 0,
    whole: rows.reduce((sum, row) => sum + rowHeight(row) + GUTTER, 0) + t.paragraphGap,
    place(parent) {
      const group = ctx.doc.struct('Div');
      parent.add(group);
      for (const row of rows) {
        const height = rowHeight(row);
        ensure(ctx, height + GUTTER);
        const top = ctx.y;
        row.forEach((cell, i) => {
          const x = box.x + i * (cellWidth + GUTTER);
          ctx.tags.artifact(() => {
            ctx.doc.rect(x, top, cellWidth, height).fill(t.colours.accentLight);
            ctx.doc.rect(x, top, cellWidth, 2.5).fill(t.colours.accent);
          });
          const element = ctx.doc.struct('P');
          group.add(element);
          let y = top + PAD + 3;
          for (const [lines, style] of [
            [cell.value, valueStyle],
            [cell.label, labelStyle],
            [cell.note, noteStyle],
          ] as const) {
            if (style === noteStyle && lines.length) y += 3;
            for (const line of lines) {
              drawLine(ctx, line, x + PAD, y, style, element, 'P');
              y += style.lineHeight;
            }
          }
          ctx.tags.end();
        });
        placed(ctx, height + GUTTER);
      }
      gap(ctx, ctx.type.paragraphGap);
    },
  };
}
