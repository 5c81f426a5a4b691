import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { figure } from '../../fixtures/figures.js';
import { ins, sampleCharts, sampleOnePager } from '../../fixtures/models/briefing.js';
import { allText, open, render, structRoles } from './read.js';

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
    for (const s of model.sources) expect(text).toContain(s.title);
    const figures = (await structRoles(pdf)).filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(1);
    expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
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
});
