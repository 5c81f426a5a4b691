/**
 * The deck's native charts are made from the figures' format-neutral plots
 * (src/render/pptx/native-chart.ts): PowerPoint series, and Excel formats for the labels
 * that keep a qualifier, the decimals a figure needs and a range's upper end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../../src/dataset/load.js';
import type { FigurePlot } from '../../../src/document/model.js';
import { chartJobs } from '../../../src/pipeline/chart-step.js';
import { nativeChart } from '../../../src/render/pptx/native-chart.js';
import { testFonts } from '../../support/theme.js';
import { defaultTheme } from './deck-helpers.js';

let plots: Map<string, FigurePlot | undefined>;
let palette: string[];
let target: string;

beforeAll(async () => {
  const theme = await defaultTheme();
  palette = theme.colours.palette;
  target = theme.colours.target;
  const dataset = (await loadDatasetFile('data/korea-emerging-tech.yaml')).dataset;
  if (!dataset) throw new Error('the shipped dataset does not load');
  const { catalogue } = await chartJobs(dataset, theme, 'templates/charts', testFonts);
  plots = new Map(catalogue.map((c) => [c.id, c.figure.plot]));
});

const native = (id: string) => {
  const plot = plots.get(id);
  if (!plot) throw new Error(`no plot for ${id}`);
  return nativeChart(plot);
};

describe('native charts from the shipped plots', () => {
  it('give PowerPoint the series, log scale and axis start of the plot', () => {
    // 44 to 100,000: more than 100× apart, so dots on a log axis (src/charts/scale-rule.ts).
    expect(native('program-budgets')).toMatchObject({
      type: 'dot',
      logScale: true,
      axisMin: 10,
      axisFormat: '#,##0',
      series: [{ name: 'Value (computed)', values: [100000, 58000, 6800, 44] }],
    });
    expect(native('sector-summary').series.map((s) => [s.name, s.values[0]])).toEqual([
      ['Programmes (computed count)', 9],
      ['Targets (computed count)', 1],
      ['Indicators (computed count)', 0],
    ]);
  });

  it("keep the source's qualifier in each label's number format, and mark the aims", () => {
    expect(native('investment-trend').series).toEqual([
      // ₩6,800 and ₩30,000 billion in trillions, as the text says them (src/charts/axis-unit.ts).
      // A series per status (grouped by year, never stacked: test/charts/grouped-years.test.ts).
      { name: 'Planned', values: [6.8, null], colour: palette[0], labelFormats: ['#,##0.0', null] },
      {
        name: 'Target',
        values: [null, 30],
        colour: target,
        target: true,
        labelFormats: [null, '"over "#,##0'],
      },
    ]);
    expect(native('program-budgets').series[0]?.labelFormats).toEqual([
      null,
      '"over "#,##0',
      null,
      '"over "#,##0',
    ]);
  });

  it('show a range with both ends and more decimals where a figure needs them', () => {
    const plot: FigurePlot = {
      mark: 'bar',
      categories: ['a', 'b'],
      series: [
        {
          name: 'Budget',
          colour: '#0072B2',
          points: [
            { value: 3, qualifier: 'about', max: 5 },
            { value: 0.35, qualifier: 'exact' },
          ],
        },
      ],
      axisTitles: {},
      scale: { factor: 1, unit: '', log: true, min: 0.1 },
      numberFormat: '#,##0',
    };
    const chart = nativeChart(plot);
    expect(chart.series[0]?.labelFormats).toEqual(['"about "#,##0"–5"', '#,##0.00']);
    expect(chart).toMatchObject({ axisMin: 0.1, axisFormat: '[<1]0.0;#,##0', logScale: true });
  });
});
