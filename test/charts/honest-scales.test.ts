/**
 * Issue 11, honest scales and every datum once: the one scale rule (src/charts/scale-rule.ts)
 * decides for the drawing and the native plot alike; rows are drawn by id, never stacked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartEntry } from '../../src/charts/figure-content.js';
import { chooseScale, LOG_SPAN } from '../../src/charts/scale-rule.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, markCounts, theme } from './support.js';

let korea: Dataset;
let th: Theme;
beforeAll(async () => {
  korea = await dataset();
  th = await theme();
});

const IMAGE = { svg: 'svg', png: 'png' };

async function drawn(data: Dataset, id: string) {
  const bound = await bindCharts(data, CHARTS_DIR);
  const instance = bound.instances.find((i) => i.id === id);
  if (!instance) throw new Error(`no chart ${id}`);
  const render = await renderChart(instance, bound.tables, data, th, testFonts);
  return {
    render,
    entry: chartEntry(instance, data, th, IMAGE, textMeasurer(testFonts.stack(th))),
    rows: instance.table.rows,
  };
}

/** Korea's budgets with every programme budget set to `amounts` (in ₩ billion). */
function withBudgets(amounts: number[], names?: string[]): Dataset {
  const data = structuredClone(korea);
  data.investments = data.investments.filter((v) => v.status === 'target');
  const programs = data.programs.slice(0, amounts.length);
  data.programs = data.programs.map((p) => {
    const i = programs.indexOf(p);
    if (i < 0) return { ...p, budget: undefined, budgetStated: [] };
    return {
      ...p,
      ...(names ? { name: names[i] ?? p.name } : {}),
      budget: { amount: amounts[i] ?? 1, currency: 'KRW', scale: 'billion', qualifier: 'exact' },
      budgetStated: [],
    };
  });
  return data;
}

describe('the scale rule', () => {
  it('is linear up to LOG_SPAN× and log beyond; a zero keeps it linear', () => {
    expect(LOG_SPAN).toBe(100);
    expect(chooseScale([1, 100]).log).toBe(false);
    expect(chooseScale([1, 100.5]).log).toBe(true);
    expect(chooseScale([0, 1, 1000]).log).toBe(false);
    expect(chooseScale([5]).log).toBe(false);
  });

  it('draws figures within 100× as bars from zero, in the drawing and the native plot', async () => {
    const { render, entry } = await drawn(withBudgets([40, 900, 2500]), 'program-budgets');
    expect(render.diagnostics).toEqual([]);
    const encoding = render.vegaLite?.encoding as { x: { scale: Record<string, unknown> } } | undefined;
    expect(encoding?.x.scale).toMatchObject({ type: 'linear', zero: true });
    expect(JSON.stringify(render.vegaLite?.layer)).toContain('"type":"bar"');
    expect(entry.figure.plot).toMatchObject({ mark: 'bar', scale: { log: false, min: 0 } });
    // The amounts stay in a column at the plot's edge: beside a bar's end they would fall on it.
    expect(JSON.stringify(render.vegaLite?.layer)).toContain('"x":{"value":{"expr":"width"}}');
  });

  it('draws figures spanning more than 100× as dots on a marked log axis, never bars, in both', async () => {
    const { render, entry } = await drawn(withBudgets([0.5, 900, 250000]), 'program-budgets');
    expect(render.diagnostics).toEqual([]);
    const spec = JSON.stringify(render.vegaLite);
    expect(spec).toContain('"type":"log"');
    expect(spec).not.toContain('"type":"bar"');
    expect(spec).toContain('(log scale)');
    expect(render.chart?.svg).not.toMatch(/class="mark-rect/);
    expect(entry.figure.plot).toMatchObject({ mark: 'dot', scale: { log: true } });
    expect(entry.figure.plot?.axisTitles.value).toMatch(/log scale/);
    // The amounts sit beside their dots (src/charts/beside-dots.ts), so the plot is not narrowed
    // by a column of them: on the dot's right in the plot's left half, on its left beyond.
    expect(spec).not.toContain('"x":{"value":{"expr":"width"}}');
    expect(spec).toContain(`> width / 2 ? 'right' : 'left'`);
  });
});

describe('every datum shown, once', () => {
  it('draws two figures of one year side by side, each once, never stacked, in both outputs', async () => {
    const data = structuredClone(korea);
    const first = data.investments[0];
    if (!first) throw new Error('no investment');
    data.investments.push({
      ...first,
      id: 'second-2025',
      status: 'proposed',
      amount: { ...first.amount, amount: 1.9 },
    });
    const { render, entry, rows } = await drawn(data, 'investment-trend');
    expect(render.diagnostics).toEqual([]);
    const stated = rows.filter((r) => r.kind !== 'Target').length;
    expect(stated).toBe(2);
    expect(markCounts(render.chart?.svg ?? '').layer_0_marks).toBe(stated);
    expect(JSON.stringify(render.vega)).not.toContain('"type":"stack"');
    const plotted = entry.figure.plot?.series.flatMap((s) => s.points.filter((p) => p.value !== null)) ?? [];
    expect(plotted.map((p) => p.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1.9, 6.8, 30]);
  });

  it('keys programmes of one name apart: each its own band and native category', async () => {
    const data = withBudgets([40, 50, 60], ['Digital New Deal', 'Digital New Deal', 'Digital New Deal']);
    const { render, entry, rows } = await drawn(data, 'program-budgets');
    expect(render.diagnostics).toEqual([]);
    expect(new Set(rows.map((r) => r.chartName)).size).toBe(3);
    expect(markCounts(render.chart?.svg ?? '').layer_0_marks).toBe(3);
    expect(new Set(entry.figure.plot?.categories).size).toBe(3);
    expect(entry.figure.plot?.series[0]?.points.map((p) => p.value).sort()).toEqual([40, 50, 60]);
  });
});
