/** A laid-out table page: styled header row, banded body, numbers right-aligned, header repeated. */

import { isRightToLeftParagraph } from '../../text/runs.js';
import { type DeckTheme, scriptedText } from './draw-text.js';
import type { Box } from './geometry.js';
import { LINE } from './geometry.js';
import type { PptxSlide, TableCell, TableRow } from './pptx-types.js';
import { hex } from './pptx-types.js';
import type { Run } from './styled-runs.js';
import { CELL_PAD_X, CELL_PAD_Y, type TableLayout } from './table-fit.js';

function cellText(runs: readonly Run[], size: number, theme: DeckTheme): TableCell[] {
  const rtl = isRightToLeftParagraph(runs.map((r) => r.text).join(''));
  return runs.flatMap((run, j) =>
    scriptedText(
      run.text,
      {
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italic: true } : {}),
        ...(run.superscript ? { superscript: true, color: hex(theme.colours.muted) } : {}),
        fontSize: size,
      },
      theme,
      { first: j === 0, last: j === runs.length - 1, rtl },
    ),
  );
}

export function drawTable(
  slide: PptxSlide,
  layout: TableLayout,
  pageIndex: number,
  box: Box,
  theme: DeckTheme,
  /** The frame's name (PowerPoint's selection pane), e.g. a figure placed as its data table. */
  name?: string,
): void {
  const page = layout.pages[pageIndex];
  if (!page) return;
  const c = theme.colours;
  const border = { type: 'solid' as const, pt: 0.75, color: hex(c.grid) };
  const margin: [number, number, number, number] = [CELL_PAD_Y, CELL_PAD_X, CELL_PAD_Y, CELL_PAD_X];
  const lineSpacing = Math.round(layout.size * LINE * 10) / 10;
  const header: TableRow = layout.header.map((runs, col) => ({
    text: cellText(runs, layout.size, theme),
    options: {
      bold: true,
      color: 'FFFFFF',
      fill: { color: hex(c.accent) },
      align: layout.align[col] ?? 'left',
      valign: 'middle',
      margin,
      border,
      lineSpacing,
    } as TableCell['options'],
  }));
  const rows: TableRow[] = page.rows.map((r, band) =>
    (layout.body[r] ?? []).map((runs, col) => ({
      text: cellText(runs, layout.size, theme),
      options: {
        color: hex(c.text),
        align: layout.align[col] ?? 'left',
        valign: 'top',
        margin,
        border,
        lineSpacing,
        fill: { color: band % 2 === 1 ? hex(c.accentLight) : hex(c.background) },
      } as TableCell['options'],
    })),
  );
  slide.addTable([header, ...rows], {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: layout.colW,
    rowH: page.rowH,
    fontFace: theme.fonts.family,
    fontSize: layout.size,
    autoPage: false,
    ...(name ? { objectName: name } : {}),
  });
}
