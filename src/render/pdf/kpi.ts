/** KPI callouts: a row of boxes, each a large figure with its label, note and citations. */
import type { KpiItem } from '../../document/model.js';
import { kpiNote } from '../kpi-note.js';
import type { Box, Prepared } from './blocks.js';
import { type Ctx, ensure, gap, placed } from './frame.js';
import type { Line } from './lines.js';
import { flattenInlines, type Piece } from './styled-pieces.js';
import { drawLine, layoutText, type TextStyle, widthOfRuns } from './text.js';

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

/** The smallest a figure is set at before its card grows instead (the body text's size). */
const valueFloor = (ctx: Ctx) => ctx.type.body;

/**
 * The largest size from `base` down to the floor at which every figure fits `width` on one
 * line ("up to JP¥1,722.5 billion" is read as one figure, never broken after "up to" or before
 * "billion"); undefined when even the floor is too large (the cards must widen).
 */
function oneLineSize(ctx: Ctx, values: readonly string[], width: number, base: number): number | undefined {
  const widest = (size: number) =>
    Math.max(0, ...values.map((v) => widthOfRuns(ctx.doc, v.trim(), { bold: true, italic: false }, size)));
  for (let size = base; size >= valueFloor(ctx); size -= 0.5) if (widest(size) <= width) return size;
  return undefined;
}

/**
 * Callouts per row and the figures' size: the set's size where each figure fits its card on
 * one line; when no size down to the floor does, fewer and wider cards (down to one a row)
 * rather than a figure broken over lines.
 */
function kpiFit(ctx: Ctx, items: readonly KpiItem[], width: number): { perRow: number; size: number } {
  const base = ctx.type.h1 * 1.05;
  // Four callouts read better as two rows of two than as three and one.
  const preferred = items.length === 4 ? 2 : Math.min(PER_ROW, Math.max(1, items.length));
  const values = items.map((item) => item.value);
  for (let perRow = preferred; perRow >= 1; perRow--) {
    const inner = (width - GUTTER * (perRow - 1)) / perRow - 2 * PAD;
    const size = oneLineSize(ctx, values, inner, base);
    if (size !== undefined) return { perRow, size };
  }
  return { perRow: 1, size: valueFloor(ctx) };
}

export function prepareKpi(ctx: Ctx, items: KpiItem[], box: Box): Prepared {
  const t = ctx.type;
  const fit = kpiFit(ctx, items, box.width);
  const valueStyle: TextStyle = {
    size: fit.size,
    colour: t.colours.accent,
    lineHeight: fit.size * (1.25 / 1.05),
  };
  const labelStyle: TextStyle = { size: t.body * 0.92, colour: t.colours.text, lineHeight: t.body * 1.3 };
  const noteStyle: TextStyle = { size: t.small, colour: t.colours.muted, lineHeight: t.small * 1.3 };
  const { perRow } = fit;
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
  const rowsHeight = rows.reduce((sum, row) => sum + rowHeight(row) + GUTTER, 0);
  const frame = ctx.geo.bottom - ctx.geo.top;
  const firstRow = rows[0] ? rowHeight(rows[0]) + GUTTER : 0;
  return {
    // The whole grid starts where it fits, so its rows stay on one page (and the first card,
    // the headline figure, on the page of the rest); a grid taller than a page keeps its first row.
    keep: rowsHeight <= frame ? rowsHeight : firstRow,
    callout: true,
    whole: rowsHeight + t.paragraphGap,
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
