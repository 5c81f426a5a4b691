/**
 * The targets timeline on any dataset (issue 14, the editorial review of the Japan Figure 2):
 * colour is one sector per row (the first the record lists, colour-key.ts), at most six colours
 * and otherwise none; a target with no sector is a neutral mark, in the legend only when drawn;
 * the year axis ends on a tick at or beyond every year drawn (year-axis.ts); a target's value is
 * printed beside its diamond where it fits, and is always in the data table. Generated datasets:
 * many sectors per record, more sectors than colours, years past a round tick, no sector.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartEntry } from '../../src/charts/figure-content.js';
import { yearTicks } from '../../src/charts/year-axis.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { layoutProblems } from '../fuzz/chart-checks.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, svgTexts, theme } from './support.js';

let korea: Dataset;
let japan: Dataset;
let th: Theme;
beforeAll(async () => {
  korea = await dataset();
  japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
  th = await theme();
});

async function timeline(data: Dataset) {
  const bound = await bindCharts(data, CHARTS_DIR);
  const instance = bound.instances.find((i) => i.id === 'targets-timeline');
  if (!instance) throw new Error('no targets-timeline');
  const render = await renderChart(instance, bound.tables, data, th, testFonts);
  if (!render.chart) throw new Error(JSON.stringify(render.diagnostics));
  const svg = render.chart.svg;
  const texts = svgTexts(svg).map((t) => t.text);
  const legend = [...svg.matchAll(/<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)<\/g>/gs)].flatMap(
    (g) => [...(g[1] ?? '').matchAll(/fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1] ?? ''),
  );
  const dots = /<g class="mark-symbol role-mark layer_1_marks"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  const fills = [...dots.matchAll(/fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1] ?? '');
  const dotX = [...dots.matchAll(/transform="translate\(([\d.-]+),/g)].map((m) => Number(m[1]));
  // Year labels in the plot's frame, as the dots are (the bottom axis stands at the plot's origin).
  const ticks = [
    ...svg.matchAll(/<text[^>]*transform="translate\(([\d.-]+),[^"]*"[^>]*>(\d{4})<\/text>/g),
  ].map((m) => ({
    x: Number(m[1]),
    year: Number(m[2]),
  }));
  return {
    instance,
    render,
    texts,
    legend,
    fills,
    dotX,
    ticks,
    problems: layoutProblems('targets-timeline', render.textBoxes, render.chart.width, render.chart.height),
  };
}

/** Korea with `count` sectors, every record listing `per` of them starting at its own. */
function sectors(count: number, per: number): Dataset {
  const data = structuredClone(korea);
  const base = data.sectors[0];
  if (!base) throw new Error('no sector');
  const { shortName: _s, localName: _l, ...plain } = base;
  data.sectors = Array.from({ length: count }, (_, i) => ({
    ...plain,
    fields: [],
    id: `s${i}`,
    name: `Sector ${i + 1}`,
  }));
  const listed = (i: number) => Array.from({ length: per }, (_, k) => `s${(i + k) % count}`);
  data.programs = data.programs.map((p, i) => ({ ...p, sectors: listed(i) }));
  const target = data.targets[0];
  if (!target) throw new Error('no target');
  data.targets = Array.from({ length: count }, (_, i) => ({
    ...target,
    id: `t${i}`,
    sectors: listed(i + 3),
  }));
  return data;
}

describe('the targets timeline', () => {
  it('colours each row by the first sector it lists: no combined category in the legend', async () => {
    const { instance, legend, fills, texts, problems } = await timeline(sectors(4, 3));
    expect(problems).toEqual([]);
    const primaries = new Set(instance.table.rows.map((r) => r.primarySector));
    expect([...primaries].every((p) => !String(p).includes(','))).toBe(true);
    expect(legend).toHaveLength(primaries.size);
    expect(new Set(legend).size).toBe(legend.length);
    expect(legend.every((c) => th.colours.palette.slice(0, 6).includes(c))).toBe(true);
    expect(texts.some((t) => /^Sector \d+, /.test(t))).toBe(false);
    expect(new Set(fills).size).toBe(primaries.size);
  });

  it('draws one colour and no legend when the sectors outnumber its six colours', async () => {
    const { legend, fills, problems } = await timeline(sectors(7, 1));
    expect(problems).toEqual([]);
    expect(legend).toEqual([]);
    expect(new Set(fills).size).toBe(1);
  });

  it('gives a target with no sector a neutral mark, and "No sector" in the legend only then', async () => {
    const none = structuredClone(korea);
    const first = none.targets[0];
    if (!first) throw new Error('no target');
    none.targets[0] = { ...first, sectors: [] };
    const drawn = await timeline(none);
    expect(drawn.texts).toContain('No sector');
    expect(drawn.legend.at(-1)).toBe(th.colours.muted);
    expect(drawn.fills).toContain(th.colours.muted);
    const plain = await timeline(korea);
    expect(plain.texts).not.toContain('No sector');
    expect(plain.fills).not.toContain(th.colours.muted);
  });

  it.each([
    [2031, 2019],
    [2037, 2021],
    [2051, 2024],
  ])('ends its year axis on a tick at or past the last year drawn (%i, first %i)', async (last, first) => {
    const data = structuredClone(korea);
    const target = data.targets[0];
    const program = data.programs[0];
    if (!target || !program) throw new Error('no target');
    data.targets[0] = { ...target, year: last };
    data.programs[0] = { ...program, year: first };
    const { ticks, dotX, problems } = await timeline(data);
    expect(problems).toEqual([]);
    const byYear = [...ticks].sort((a, b) => a.year - b.year);
    const [lo, hi] = [byYear[0], byYear.at(-1)];
    if (!lo || !hi) throw new Error('no ticks');
    expect(hi.year).toBeGreaterThanOrEqual(last);
    expect(lo.year).toBeLessThanOrEqual(first);
    // Every mark lies between the first and the last tick.
    expect(dotX.length).toBeGreaterThan(0);
    for (const x of dotX) {
      expect(x).toBeGreaterThanOrEqual(lo.x - 0.5);
      expect(x).toBeLessThanOrEqual(hi.x + 0.5);
    }
  });

  it('prints a target value on its diamond where it fits, and every value in the data table', async () => {
    const { texts, instance } = await timeline(japan);
    expect(texts).toContain('40,000 wafers per month');
    const data = structuredClone(korea);
    const target = data.targets.find((t) => t.value);
    if (!target?.value) throw new Error('no valued target');
    const value = target.value;
    const unit = 'units of a very long description that no plot half could ever hold beside one diamond';
    data.targets = data.targets.map((t) =>
      t.id === target.id ? { ...t, value: { ...value, amount: 7, unit } } : t,
    );
    const long = await timeline(data);
    expect(long.problems).toEqual([]);
    expect(long.texts.some((t) => t.includes(unit))).toBe(false);
    const entry = chartEntry(
      long.instance,
      data,
      th,
      { svg: 's', png: 'p' },
      textMeasurer(testFonts.stack(th)),
    );
    expect(JSON.stringify(entry.figure.table.rows)).toContain(unit);
    expect(instance.table.rows.length).toBeGreaterThan(0);
  });

  it('picks round ticks that hold any span of years', () => {
    for (let low = 1990; low < 2030; low += 3)
      for (let span = 0; span < 60; span += 7) {
        const ticks = yearTicks(low, low + span, 8);
        expect(ticks[0]).toBeLessThanOrEqual(low);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(low + span);
        expect(ticks.length).toBeLessThanOrEqual(8);
        const steps = new Set(ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0)));
        expect(steps.size).toBeLessThanOrEqual(1);
      }
  });
});
