/**
 * The native budget chart of the fictional dataset, whose budgets run from €120 million to a
 * range of €3–5 billion on a "€ billion" axis: every data label says the figure as stated
 * (its qualifier, enough decimals, both ends of a range) and bars grow from the axis' start.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import { buildDeckModel } from '../../../src/document/index.js';
import { renderDeckPptx } from '../../../src/render/pptx/index.js';
import { buildCharts } from '../../support/charts.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme } from './deck-helpers.js';

const FIXTURE = 'test/fixtures/datasets/veloria-test-fixture.yaml';
let budgets = '';

beforeAll(async () => {
  const theme = await defaultTheme();
  const dataset = (await loadDatasetFile(FIXTURE)).dataset;
  if (!dataset) throw new Error('the fixture does not load');
  const charts = await buildCharts(dataset, theme);
  const model = buildDeckModel({
    dataset,
    charts: charts.catalogue,
    templatesDir: 'test/fixtures/templates',
    template: 'budget-chart-deck.md.hbs',
  }).model;
  if (!model) throw new Error('no deck model');
  const parts = unzipSync(
    await renderDeckPptx(model, charts.assetsFor(model), theme, { fonts: testFonts, date: DATE }),
  );
  budgets =
    Object.entries(parts)
      .filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
      .map(([, d]) => strFromU8(d))
      .find((xml) => xml.includes('Grid Storage Bill')) ?? '';
}, 60_000);

/** Label format of the point whose category is `name`, or the series' own (points match by `c:idx`). */
function labelFormat(name: string): string | undefined {
  const names = [...budgets.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)];
  const idx = names.find((m) => m[2] === name)?.[1];
  const point = new RegExp(`<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="([^"]*)"`).exec(budgets);
  const series = /<c:dLbls>(?:<c:dLbl>[\s\S]*?<\/c:dLbl>)*\s*<c:numFmt formatCode="([^"]*)"/.exec(budgets);
  return (point?.[1] ?? series?.[1])?.replace(/&quot;/g, '"').replace(/&lt;/g, '<');
}

/** The drawn values, in the chart's (bottom-up) order. */
function values(): number[] {
  const val = /<c:val>[\s\S]*?<\/c:val>/.exec(budgets)?.[0] ?? '';
  return [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
}

describe('native budget labels', () => {
  it('draw a linear axis in the unit of the largest figure, and none reads "0"', () => {
    // €120 million to €3.9 billion: "€ billion", as the text says its largest figures (axis-unit.ts).
    expect(values()).toEqual([0.12, 0.35, 1.2, 2.4, 3, 3.9]);
    expect(budgets).toContain('€ billion');
    // 120 to 3,900 million spans 32×: bars from zero on a linear axis (src/charts/scale-rule.ts).
    expect(budgets).not.toContain('log scale');
    // The decimals each figure needs: 0.12 is not "0", 1.2 is not "1".
    expect(labelFormat('Grid Storage Bill')).toBe('#,##0.00');
    expect(labelFormat('Grid Storage Grants')).toBe('"over "#,##0.00');
    expect(labelFormat('Hydrogen Valley Fund')).toBe('"about "#,##0.0');
  });

  it('show a range with both ends and its qualifier', () => {
    expect(labelFormat('Offshore Wind Partnership')).toBe('"about "#,##0"–5"');
  });

  it('start the linear axis of bars at zero, crossing where bars grow from', () => {
    const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(budgets)?.[0] ?? '';
    const catAx = /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(budgets)?.[0] ?? '';
    expect(valAx).not.toContain('<c:logBase');
    expect(valAx).toContain('<c:min val="0"/>');
    expect(valAx).toContain('formatCode="#,##0"');
    // An explicit crossing would put LibreOffice's labels on the wrong side of their bars.
    expect(catAx).toContain('<c:crosses val="autoZero"/>');
  });
});
