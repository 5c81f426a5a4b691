/**
 * Issue 11: a figure continued over several parts prints its sources and notes once, under its
 * last part (render/pdf/figure.ts, render/html/figure.ts); each part before it says where they
 * are, in a paragraph of the figure's own group (tagged P in the PDF). The Japan programme
 * budgets reprinted a 15-line block of sources and notes on each of three pages.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Briefing, FigureBlock } from '../../src/document/model.js';
import { renderBriefingHtml } from '../../src/render/html/document.js';
import { continuedCredit } from '../../src/render/pdf/figure.js';
import { type FixtureChart, withFigures } from '../fixtures/figures.js';
import { sampleBriefing, sampleCharts } from '../fixtures/models/briefing.js';
import {
  allText,
  DATE,
  defaultTheme,
  open,
  renderModel,
  type StructNode,
  structRoles,
} from '../render/pdf/read.js';
import { testFonts } from '../support/theme.js';

const NOTE = 'Pledged figures are announced commitments to mobilise money, not budgets allocated.';
const PARTS = 3;

/** The sample briefing with its first figure drawn in three parts, each with the chart's notes. */
function continuedModel(): { model: Briefing; charts: Map<string, FixtureChart> } {
  const base = sampleBriefing();
  const charts = sampleCharts();
  const chart = charts.get('budget-by-year');
  if (!chart) throw new Error('no budget chart');
  const ids = Array.from({ length: PARTS }, (_, i) =>
    i === 0 ? chart.id : `${chart.id}-continued-${i + 1}`,
  );
  for (const id of ids) charts.set(id, { ...chart, id, notes: [NOTE] });
  const parts = (first: FigureBlock): FigureBlock[] =>
    ids.map((id, i) => ({
      ...first,
      chartId: id,
      image: { svg: `fixture:${id}.svg`, png: `fixture:${id}.png` },
      ...(i > 0
        ? {
            caption: `${first.caption} (continued, ${i + 1}/${PARTS})`,
            continues: { part: i + 1, parts: PARTS },
          }
        : {}),
    }));
  const sections = base.sections.map((section) => ({
    ...section,
    blocks: section.blocks.flatMap((block): Block[] =>
      block.type === 'figure' && block.chartId === chart.id ? parts(block) : [block],
    ),
  }));
  return { model: { ...base, sections }, charts };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('a figure continued over several parts', () => {
  it('prints its notes once in the PDF, under the last part; the parts before say where, tagged P', async () => {
    const { model: placed, charts } = continuedModel();
    const { model, assets } = withFigures(placed, charts);
    const { bytes, diagnostics } = await renderModel(model, assets);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = await open(bytes);
    const text = (await allText(pdf)).join(' ');
    expect(count(text, 'Pledged figures are announced')).toBe(1);
    const pointer = continuedCredit(PARTS, PARTS);
    expect(count(text.replace(/\s+/g, ' '), pointer)).toBe(PARTS - 1);
    // The note follows the last part's caption, and every pointer comes before it.
    const last = text.indexOf(`(continued, ${PARTS}/${PARTS})`);
    expect(last).toBeGreaterThan(-1);
    expect(text.indexOf('Pledged figures are announced')).toBeGreaterThan(last);
    // Each pointer is a paragraph of its figure's group, beside the Figure element.
    const groups = (await structRoles(pdf)).filter(
      (node) =>
        node.role === 'Div' &&
        (node.children ?? []).some((c: StructNode) => c.role === 'Figure') &&
        (node.children ?? []).some((c: StructNode) => c.role === 'P'),
    );
    expect(groups.length).toBeGreaterThanOrEqual(PARTS);
  }, 120_000);

  it('prints its notes once in the HTML edition, and the parts before link to the last', async () => {
    const { model: placed, charts } = continuedModel();
    const { model, assets } = withFigures(placed, charts);
    const html = await renderBriefingHtml(model, {
      assets,
      theme: await defaultTheme(),
      fonts: testFonts,
      date: DATE,
    });
    expect(count(html, NOTE)).toBe(1);
    const links = [...html.matchAll(/<a href="#([^"]+)">Sources and notes follow the last part/g)].map(
      (m) => m[1],
    );
    expect(links).toHaveLength(PARTS - 1);
    for (const id of links) expect(html).toContain(`<figure id="${id}"`);
    expect(new Set(links).size).toBe(1);
    expect(links[0]).toContain(`part${PARTS}`);
  }, 120_000);
});
