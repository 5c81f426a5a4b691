/**
 * A short table is not left alone in the top corner of an empty slide (issue 14): it is set
 * larger than a long one, and the text the template writes after it (its takeaway) sits in a
 * panel under it; a table too long for that sends the takeaway to a continuation slide, whole.
 * The sources slide gives the entries in full (outlet, address) when they fit, before the
 * template's own headed paragraphs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Inline, Slide, SourceEntry } from '../../../src/document/model.js';
import { BODY_BOX, TYPE } from '../../../src/render/pptx/geometry.js';
import { type PlanContext, type Planned, planSlide } from '../../../src/render/pptx/slide-plan.js';
import { SHORT_TABLE_SHARE } from '../../../src/render/pptx/table-fit.js';
import { textMeasurer } from '../../../src/theme/metrics.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let ctx: PlanContext;
beforeAll(async () => {
  const theme = await defaultTheme();
  ctx = { theme, m: textMeasurer(testFonts.stack(theme)), sources: [] };
});

const cell = (text: string): Inline[] => [{ type: 'text', text }];
const table = (rows: number): Block => ({
  type: 'table',
  header: [cell('Programme'), cell('Budget'), cell('Status')],
  rows: Array.from({ length: rows }, (_, i) => [
    cell(`Programme ${i + 1}`),
    cell(`₩${i + 1} trillion`),
    cell('allocated'),
  ]),
  align: ['left', 'right', 'left'],
});
const TAKEAWAY = 'Each sum is stated for its own programme, scope and year, so they are not added up.';
const takeaway: Block = { type: 'paragraph', children: cell(TAKEAWAY) };
const slide = (layout: Slide['layout'], blocks: Block[]): Slide => ({
  layout,
  title: 'The largest sum is a pledge.',
  blocks,
  notes: 'Talking points.',
});
const textOf = (planned: Planned[]): string =>
  planned
    .flatMap((p) => (p.kind === 'text' ? p.text.paras : p.kind === 'table' && p.after ? p.after.paras : []))
    .map((para) => para.runs.map((r) => r.text).join(''))
    .join('\n');

describe('a table slide', () => {
  it('sets a three-row table above the long-table size and puts its takeaway in a panel under it', () => {
    const planned = planSlide(slide('table', [table(3), takeaway]), ctx);
    expect(planned).toHaveLength(1);
    const [only] = planned;
    if (only?.kind !== 'table') throw new Error('not a table slide');
    expect(only.table.size).toBeGreaterThan(TYPE.tableMax);
    const height = (only.table.pages[0]?.rowH ?? []).reduce((sum, h) => sum + h, 0);
    expect(height).toBeLessThanOrEqual(BODY_BOX.h * SHORT_TABLE_SHARE);
    expect(textOf(planned)).toBe(TAKEAWAY);
  });

  it('a table that fills its slide keeps the long-table size and gives the takeaway a slide of its own, once', () => {
    const planned = planSlide(slide('table', [table(40), takeaway]), ctx);
    const tables = planned.filter((p) => p.kind === 'table');
    expect(tables.every((p) => p.kind === 'table' && p.table.size <= TYPE.tableMax)).toBe(true);
    expect(tables.some((p) => p.kind === 'table' && p.after)).toBe(false);
    expect(textOf(planned).split(TAKEAWAY)).toHaveLength(2);
  });
});

describe('the sources slide', () => {
  const source: SourceEntry = {
    number: 1,
    id: 'a',
    title: 'An article',
    author: 'A. Writer',
    publisher: 'An Outlet',
    date: '15 July 2025',
    url: 'https://example.org/a',
  };
  it('lists each source in full, after the opening text and before the headed paragraphs', () => {
    const blocks: Block[] = [
      { type: 'paragraph', children: cell('Figures are quoted as stated.') },
      { type: 'heading', level: 2, id: 'limits', children: cell('Limits of the evidence') },
      { type: 'list', ordered: false, items: [cell('One source.')] },
    ];
    const planned = planSlide(slide('sources', blocks), { ...ctx, sources: [source] });
    const lines = textOf(planned).split('\n');
    expect(lines[0]).toBe('Figures are quoted as stated.');
    expect(lines[1]).toContain('An Outlet');
    expect(lines[1]).toContain('https://example.org/a');
    expect(lines[2]).toBe('Limits of the evidence');
  });
});
