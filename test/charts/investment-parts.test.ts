/**
 * The investment chart with several figures a year (issue 11): 60 figures in seven year columns
 * drew bars of about 7 px, and vega-lite centred each bar by a share of the year's band instead
 * of its slot's, so the bars of a crowded year ran into the next year and the "over" markers
 * stood beside their outlines. Now the figures go on in parts of at most MAX_BARS bars, never
 * cutting a year, and each marker stands over its bar.
 */
import { describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartParts, MAX_BARS } from '../../src/charts/page-fit.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { rowsDatasetYaml } from '../fuzz/rows-data.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, theme } from './support.js';

/** Centre x of each bar and each point, by its aria label (year, value, slot). */
function centres(svg: string, role: 'bar' | 'point'): Map<string, number> {
  const out = new Map<string, number>();
  const re = new RegExp(
    `aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="${role}"([^>]*)>`,
    'g',
  );
  for (const m of svg.matchAll(re)) {
    const attrs = m[2] ?? '';
    const bar = /d="M([-0-9.]+),[-0-9.]+h([-0-9.]+)/.exec(attrs);
    const point = /translate\(([-0-9.]+),/.exec(attrs);
    if (role === 'bar' && bar) out.set(m[1] ?? '', Number(bar[1]) + Number(bar[2]) / 2);
    if (role === 'point' && point) out.set(m[1] ?? '', Number(point[1]));
  }
  return out;
}

describe('an investment chart of many figures a year', () => {
  it('goes on in parts of whole years, at most MAX_BARS bars each, each marker over its bar', async () => {
    const th = await theme();
    const loaded = validateDatasetText(rowsDatasetYaml(60), 'rows.yaml');
    if (!loaded.dataset) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
    const data = loaded.dataset;
    const bound = await bindCharts(data, CHARTS_DIR);
    const whole = bound.instances.find((i) => i.id === 'investment-trend');
    if (!whole) throw new Error('no investment-trend');
    const parts = chartParts(whole, data, th, textMeasurer(testFonts.stack(th))).instances;
    expect(parts.length).toBeGreaterThan(1);
    const years = parts.map((p) => new Set((p.drawn?.rows ?? []).map((r) => r.years)));
    // No year is cut between parts; every figure is drawn once.
    for (const [i, a] of years.entries())
      for (const b of years.slice(i + 1)) for (const y of a) expect(b.has(y)).toBe(false);
    expect(parts.reduce((n, p) => n + (p.drawn?.rows.length ?? 0), 0)).toBe(60);
    let markers = 0;
    for (const part of parts) {
      expect(part.drawn?.rows.length ?? 0).toBeLessThanOrEqual(MAX_BARS);
      const svg = (await renderChart(part, bound.tables, data, th, testFonts)).chart?.svg ?? '';
      const bars = centres(svg, 'bar');
      for (const [label, x] of centres(svg, 'point')) {
        markers += 1;
        expect(bars.get(label), label).toBeCloseTo(x, 0);
      }
    }
    expect(markers).toBeGreaterThan(0);
  }, 60_000);
});
