import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { renumberSources } from '../../../src/render/pdf/one-pager-fit.js';
import { figure } from '../../fixtures/figures.js';
import { ins, sampleCharts, sampleOnePager } from '../../fixtures/models/briefing.js';
import { allText, open, pageItems, render, structRoles } from './read.js';

describe('sector one-pager', () => {
  it('fits exactly one page with title, figures, one chart and the sources', async () => {
    const model = sampleOnePager();
    const { bytes, diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(pdf.numPages).toBe(1);
    const [text = ''] = await allText(pdf);
    expect(text).toContain(model.meta.title);
    expect(text).toContain('₩100 trillion');
    expect(text).toContain('Figure 1. Announced AI commitments, ₩ trillion');
    expect(text).toContain('Sources');
    // The sources in their short form (the full references are in the briefing).
    for (const s of model.sources)
      expect(text).toContain(`[${s.number}] ${s.author ?? s.publisher ?? s.title}`);
    expect(text).toContain('Full references in the full briefing.');
    const figures = (await structRoles(pdf)).filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(1);
    expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
  });

  it('sets 40 sources in at most three lines, every number on the page, and names the briefing', async () => {
    const model = sampleOnePager();
    const base = model.sources[0];
    if (!base) throw new Error('the sample has sources');
    model.sources = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      number: i + 1,
      id: `source-${i + 1}`,
      author: `Author ${i + 1} of a long report series`,
      publisher: `Publisher ${i % 7}`,
    }));
    const { bytes, diagnostics } = await render(model, sampleCharts(), {
      variant: 'one-pager',
      briefing: 'briefing.pdf',
    });
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(pdf.numPages).toBe(1);
    const items = await pageItems(pdf, 1);
    const label = items.find((i) => i.str.startsWith('Sources:'));
    const footer = Math.min(...items.map((i) => i.y));
    const lines = new Set(
      items.filter((i) => i.y <= (label?.y ?? 0) + 0.5 && i.y > footer + 0.5).map((i) => i.y.toFixed(1)),
    );
    expect(lines.size).toBeGreaterThan(0);
    expect(lines.size).toBeLessThanOrEqual(3);
    const text = (await allText(pdf)).join(' ').replace(/\s+/g, ' ');
    const sources = text.slice(text.indexOf('Sources:'));
    for (let n = 1; n <= 40; n++) expect(sources).toMatch(new RegExp(`[\\[ ]${n}[\\],]`));
    expect(sources).toContain('Full references in the full briefing, briefing.pdf.');
  });

  it('draws only the first chart when a template places several', async () => {
    const model = sampleOnePager();
    const second: Block = figure('targets', '', 'Targets', 2);
    model.sections[1]?.blocks.push(second);
    const pdf = await open((await render(model, sampleCharts(), { variant: 'one-pager' })).bytes);
    expect((await structRoles(pdf)).filter((n) => n.role === 'Figure')).toHaveLength(1);
  });

  it('shrinks the chart to fit before giving up', async () => {
    const model = sampleOnePager();
    const extra = Array.from(
      { length: 4 },
      (): Block => ({
        type: 'paragraph',
        children: ins(
          'Responsibility is split between the ministry, which runs most programmes, and a presidential committee that sets direction and reviews progress each year against published targets.',
        ),
      }),
    );
    model.sections[0]?.blocks.push(...extra);
    const { bytes, diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    expect(diagnostics).toEqual([]);
    expect((await open(bytes)).numPages).toBe(1);
  });

  it('reports overflow as RENDER_OVERFLOW and keeps the second page visible', async () => {
    const model = sampleOnePager();
    const long = Array.from(
      { length: 30 },
      (_, i): Block => ({
        type: 'paragraph',
        children: ins(
          `Paragraph ${i + 1}: the programme funds research centres, trains experts and upgrades factories across the regions.`,
        ),
      }),
    );
    model.sections[0]?.blocks.push(...long);
    const { bytes, diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    expect(diagnostics.map((d) => d.code)).toEqual(['RENDER_OVERFLOW']);
    expect(diagnostics[0]?.severity).toBe('error');
    const pdf = await open(bytes);
    expect(pdf.numPages).toBeGreaterThan(1);
    expect((await allText(pdf)).join(' ')).toContain('Paragraph 30:');
  });

  it('shortens a priority list item by item and says how many moved, never a false count', async () => {
    const model = sampleOnePager();
    const items = Array.from({ length: 40 }, (_, i) =>
      ins(`Item${i + 1}: the programme funds research centres and trains experts across the regions.[^2]`),
    );
    model.sections.push({
      id: 'more',
      title: 'More programmes',
      blocks: [
        {
          type: 'list',
          ordered: false,
          items,
          priority: 2,
          more: {
            one: '{count} more item in the full briefing',
            many: '{count} more items in the full briefing',
          },
        },
      ],
    });
    const { bytes, diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    expect(diagnostics).toEqual([]);
    const pdf = await open(bytes);
    expect(pdf.numPages).toBe(1);
    const text = (await allText(pdf)).join(' ');
    const shown = items.filter((_, i) => text.includes(`Item${i + 1}:`)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(40);
    // The first items stay; the line counts exactly the rest.
    expect(text).toContain(`Item${shown}:`);
    expect(text).toContain(`${40 - shown} more items in the full briefing`);
    // The page's first content is never cut: it has the default priority.
    expect(text).toContain('₩100 trillion');
  });

  it('when what must stay does not fit, RENDER_OVERFLOW names the template line that starts page 2', async () => {
    const model = sampleOnePager();
    const long = Array.from(
      { length: 60 },
      (_, i): Block => ({
        type: 'paragraph',
        children: ins(`Paragraph ${i + 1}: the programme funds research centres and upgrades factories.`),
        pos: { template: 'templates/sector.md.hbs', line: 100 + i, column: 1 },
      }),
    );
    model.sections[0]?.blocks.push(...long);
    model.sections[1] = { ...(model.sections[1] as (typeof model.sections)[number]), priority: 2 };
    const { diagnostics } = await render(model, sampleCharts(), { variant: 'one-pager' });
    expect(diagnostics).toHaveLength(1);
    const [overflow] = diagnostics;
    expect(overflow?.code).toBe('RENDER_OVERFLOW');
    expect(overflow?.file).toBe('templates/sector.md.hbs');
    expect(overflow?.line).toBeGreaterThan(100);
    expect(overflow?.message).toContain('starts page 2');
    expect(overflow?.message).toContain('priority 2 and above');
  });

  it('a shortened page lists only the sources it still cites, numbered in order', () => {
    const model = sampleOnePager();
    model.sections = [
      {
        id: 'only',
        title: 'Only',
        blocks: [{ type: 'paragraph', children: ins('Only the second source.[^2]') }],
      },
    ];
    const renumbered = renumberSources(model);
    expect(renumbered.sources.map((s) => [s.number, s.id])).toEqual([[1, 'msit-2022']]);
    const [block] = renumbered.sections[0]?.blocks ?? [];
    expect(block?.type === 'paragraph' && block.children.find((r) => r.type === 'citation')).toEqual({
      type: 'citation',
      number: 1,
      sourceId: 'msit-2022',
    });
  });
});
