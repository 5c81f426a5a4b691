/**
 * Tables: full-width columns sized from their content, header cells tagged TH and
 * repeated (as artifacts) on each page a table continues on, numbers right-aligned.
 */
import type { Block } from '../../document/model.js';
import type { Box, Prepared } from './blocks.js';
import { type Ctx, ensure, gap, newPage, placed, remaining, textFrame } from './frame.js';
import type { Line } from './lines.js';
import type { PdfStruct } from './pdfkit-slice.js';
import { flattenInlines, type Piece } from './styled-pieces.js';
import { drawLine, layoutText, measurer, type TextStyle } from './text.js';

export type CellAlign = 'left' | 'right' | 'center';

export interface Grid {
  header: Piece[][];
  rows: Piece[][][];
  align: CellAlign[];
  caption?: string;
}

const PAD_X = 5;
const PAD_Y = 3.5;
/**
 * A figure with optional sign, currency and a short unit: "US$6.8 billion", "CHF 12 million",
 * "₹5 crore", "-3.5%", "2,030". Any currency sign (\p{Sc}), with the letters some carry (US$, JP¥).
 */
const NUMERIC = /^[~≈<>±+\-−–]*\s?(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3}\s)?\s?[-−]?\d[\d,.]*\s*(%|[A-Za-z]{0,12})?$/u;

function cellText(cell: readonly Piece[]): string {
  return cell
    .map((p) => p.text)
    .join('')
    .trim();
}

/** Explicit alignment wins; otherwise a column whose every filled cell is a figure goes right. */
export function columnAlign(
  explicit: readonly (CellAlign | null)[],
  rows: readonly Piece[][][],
  columns: number,
): CellAlign[] {
  return Array.from({ length: columns }, (_, c) => {
    const given = explicit[c];
    if (given) return given;
    const texts = rows.map((row) => cellText(row[c] ?? [])).filter((t) => t !== '' && t !== '–' && t !== '—');
    return texts.length > 0 && texts.every((t) => NUMERIC.test(t)) ? 'right' : 'left';
  });
}

/** The share of the width under which a right-aligned column's cells are never broken. */
const SHORT_COLUMN = 0.25;

function columnWidths(ctx: Ctx, grid: Grid, width: number, size: number): number[] {
  const measure = measurer(ctx, size);
  const all = [grid.header, ...grid.rows];
  const columns = grid.header.length;
  const natural = new Array<number>(columns).fill(0);
  const minimum = new Array<number>(columns).fill(0);
  for (const row of all) {
    row.forEach((cell, c) => {
      const full = cell.reduce((sum, p) => sum + measure(p.text, p.style), 0);
      const longest = Math.max(
        0,
        ...cell.flatMap((p) => p.text.split(/\s+/).map((w) => measure(w, p.style))),
      );
      natural[c] = Math.max(natural[c] ?? 0, full + 2 * PAD_X);
      minimum[c] = Math.max(minimum[c] ?? 0, Math.min(longest + 2 * PAD_X, width / 2));
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= width) {
    const extra = (width - sum(natural)) / columns;
    return natural.map((n) => n + extra);
  }
  // A right-aligned column of short cells (amounts) keeps each on one line: shared out by slack,
  // the Japan fixture's amounts broke as "up to / JP¥1,722.5 / billion" (issue 14). Only those:
  // kept whole, the years and statuses too squeezed the labels into taller rows.
  natural.forEach((n, c) => {
    if (grid.align[c] === 'right' && n <= width * SHORT_COLUMN) minimum[c] = n;
  });
  const slack = natural.map((n, c) => n - (minimum[c] ?? 0));
  const room = width - sum(minimum);
  if (room <= 0) return minimum.map((m) => (m * width) / sum(minimum));
  return minimum.map((m, c) => m + (room * (slack[c] ?? 0)) / Math.max(1, sum(slack)));
}

interface LaidRow {
  cells: Line[][];
  height: number;
}

export function prepareGrid(ctx: Ctx, grid: Grid, box: Box): Prepared {
  const t = ctx.type;
  const size = t.body * 0.9;
  const style: TextStyle = { size, colour: t.colours.text, lineHeight: size * 1.3 };
  const widths = columnWidths(ctx, grid, box.width, size);
  const layRow = (row: Piece[][]): LaidRow => {
    const cells = widths.map((w, c) => layoutText(ctx, row[c] ?? [], w - 2 * PAD_X, size));
    return { cells, height: Math.max(1, ...cells.map((l) => l.length)) * style.lineHeight + 2 * PAD_Y };
  };
  const header = layRow(grid.header);
  const rows = grid.rows.map(layRow);
  const captionStyle: TextStyle = { size: t.body * 0.95, colour: t.colours.text, lineHeight: t.body * 1.35 };
  const caption = grid.caption
    ? layoutText(
        ctx,
        flattenInlines([{ type: 'text', text: grid.caption }], { bold: true, italic: false }),
        box.width,
        captionStyle.size,
      )
    : [];
  const captionHeight = caption.length * captionStyle.lineHeight + (caption.length ? 3 : 0);

  /** The row's structure: a TR of TH/TD cells under `parent`; none for a repeated header (an artifact). */
  const rowStructs = (kind: 'head' | 'body', parent: PdfStruct | undefined) => {
    if (!parent) return undefined;
    const tr = ctx.doc.struct('TR');
    parent.add(tr);
    const cells = widths.map(() => {
      const cell = ctx.doc.struct(kind === 'head' ? 'TH' : 'TD', kind === 'head' ? { scope: 'Column' } : {});
      tr.add(cell);
      return cell;
    });
    return { cells };
  };

  /** Draws lines [from, to) of every cell of `row` at the cursor: the whole row, or one page's share of it. */
  const drawSlice = (
    row: LaidRow,
    kind: 'head' | 'body',
    structs: ReturnType<typeof rowStructs>,
    from: number,
    to: number,
  ) => {
    const top = ctx.y;
    const height = (to - from) * style.lineHeight + 2 * PAD_Y;
    ctx.tags.artifact(() => {
      if (kind === 'head') ctx.doc.rect(box.x, top, box.width, height).fill(t.colours.accentLight);
      const ruleY = top + height;
      ctx.doc
        .moveTo(box.x, ruleY)
        .lineTo(box.x + box.width, ruleY)
        .lineWidth(kind === 'head' ? 0.9 : 0.4);
      ctx.doc.stroke(kind === 'head' ? t.colours.accent : t.colours.grid);
    });
    const tag = kind === 'head' ? 'TH' : 'TD';
    let x = box.x;
    row.cells.forEach((lines, c) => {
      const width = widths[c] ?? 0;
      const align = grid.align[c] ?? 'left';
      const cell = structs?.cells[c];
      const draw = () =>
        lines.slice(from, to).forEach((line, i) => {
          const dx =
            align === 'right'
              ? width - 2 * PAD_X - line.width
              : align === 'center'
                ? (width - 2 * PAD_X - line.width) / 2
                : 0;
          const lineStyle = kind === 'head' ? { ...style, colour: t.colours.accent } : style;
          drawLine(ctx, line, x + PAD_X + dx, top + PAD_Y + i * style.lineHeight, lineStyle, cell, tag);
        });
      if (cell) {
        draw();
        ctx.tags.end();
      } else ctx.tags.artifact(() => draw(), 'Pagination');
      x += width;
    });
    placed(ctx, height);
  };

  const lineCount = (row: LaidRow) => Math.max(1, ...row.cells.map((lines) => lines.length));
  const drawRow = (row: LaidRow, kind: 'head' | 'body', parent: PdfStruct | undefined) =>
    drawSlice(row, kind, rowStructs(kind, parent), 0, lineCount(row));
  const continuePage = () => {
    newPage(ctx);
    drawRow(header, 'head', undefined);
  };
  /** Room for body rows on a page that holds only the repeated header. */
  const pageRoom = () => textFrame(ctx).bottom - textFrame(ctx).top - header.height;
  const splits = (row: LaidRow) => row.height > pageRoom() + 0.01;
  /** Body rows kept together at a table's start and end when it breaks across pages. */
  const MIN_ROWS = 2;
  /** A row too tall for any page is split by lines: at least this many on a page before a break. */
  const MIN_SPLIT_LINES = 2;
  const rowKeep = (row: LaidRow | undefined) =>
    !row ? 0 : splits(row) ? MIN_SPLIT_LINES * style.lineHeight + 2 * PAD_Y : row.height;

  /** A row taller than a page: as many lines as fit on each page, the header repeated on every new one. */
  const drawSplitRow = (row: LaidRow, parent: PdfStruct) => {
    const structs = rowStructs('body', parent);
    const total = lineCount(row);
    let from = 0;
    let fresh = false;
    while (from < total) {
      const fit = Math.floor((remaining(ctx) - 2 * PAD_Y + 0.01) / style.lineHeight);
      const left = total - from;
      if (fit < left && fit < MIN_SPLIT_LINES && !fresh) {
        continuePage();
        fresh = true;
        continue;
      }
      // Never loop on a page too short for a line: draw one, and the frame check reports it.
      const take = Math.max(1, Math.min(fit, left));
      drawSlice(row, 'body', structs, from, from + take);
      from += take;
      if (from < total) {
        continuePage();
        fresh = true;
      }
    }
  };

  /**
   * Body rows that must start the table on one page: two, so a break never leaves one row
   * alone under the header; a table of fewer than four rows cannot split two and two, and
   * starts whole (when it fits a page).
   */
  const startRows = rows.length < 2 * MIN_ROWS ? rows : rows.slice(0, MIN_ROWS);
  const startKeep = () => {
    const whole = startRows.reduce((sum, row) => sum + row.height, 0);
    return startRows.some(splits) || whole > pageRoom() ? rowKeep(rows[0]) : whole;
  };
  const keep = captionHeight + header.height + startKeep();

  return {
    keep,
    whole:
      (caption.length ? captionHeight + 3 : 0) +
      header.height +
      rows.reduce((sum, r) => sum + r.height, 0) +
      t.paragraphGap * 1.5,
    place(parent) {
      ensure(ctx, keep);
      const table = ctx.doc.struct('Table');
      parent.add(table);
      if (caption.length) {
        const element = ctx.doc.struct('Caption');
        table.add(element);
        caption.forEach((line) => {
          drawLine(ctx, line, box.x, ctx.y, captionStyle, element, 'Caption');
          placed(ctx, captionStyle.lineHeight);
        });
        ctx.tags.end();
        ctx.y += 3;
      }
      const head = ctx.doc.struct('THead');
      const body = ctx.doc.struct('TBody');
      table.add(head);
      table.add(body);
      drawRow(header, 'head', head);
      let onPage = 0;
      rows.forEach((row, i) => {
        if (splits(row)) {
          drawSplitRow(row, body);
          onPage = 1;
          return;
        }
        // The last two rows go together, so the table's last page never holds one row
        // alone (unless the page would then keep only one row itself).
        const last = rows[i + 1];
        const lastTwo = i === rows.length - 2 && last && !splits(last) && onPage >= MIN_ROWS;
        const need = row.height + (lastTwo ? last.height : 0);
        // A row that fits a page is never cut: it moves to the next one, under the header.
        if (need > remaining(ctx) + 0.01) {
          continuePage();
          onPage = 0;
        }
        drawRow(row, 'body', body);
        onPage += 1;
      });
      gap(ctx, t.paragraphGap * 1.5);
    },
  };
}

export function prepareTable(ctx: Ctx, block: Extract<Block, { type: 'table' }>, box: Box): Prepared {
  const header = block.header.map((cell) => flattenInlines(cell, { bold: true, italic: false }));
  const rows = block.rows.map((row) => row.map((cell) => flattenInlines(cell)));
  ctx.tables += 1;
  const caption = block.caption ? `Table ${ctx.tables}. ${block.caption}` : undefined;
  return prepareGrid(
    ctx,
    { header, rows, align: columnAlign(block.align, rows, header.length), caption },
    box,
  );
}
