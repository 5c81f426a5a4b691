/**
 * `usermeta.briefkit.native` against the table the native chart reads
 * (src/charts/native-check.ts): a field the table lacks, one only the spec's transform makes,
 * a text field as values or an unknown type is an error at the native key when the build is
 * planned, instead of an empty PowerPoint chart and exit 0. A field the spec's top-level
 * transforms make is read from vega's dataflow (test/charts/transformed-native.test.ts).
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FigureBlock, FigurePlot } from '../../src/document/model.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import { drawChart } from '../../src/render/pptx/draw-chart.js';
import type { Pptx, PptxSlide } from '../../src/render/pptx/pptx-types.js';
import { buildIn, makeProject } from '../build/project.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, dataset, FIXTURES, positionOf, theme } from './support.js';

const NATIVE = join(FIXTURES, 'native');
const text = (name: string) => readFileSync(join(NATIVE, name), 'utf8');
const at = (name: string, needle: string) => Object.values(positionOf(text(name), needle));

describe('native chart fields are checked against the chart table', () => {
  it('refuses a missing field, a field the transform makes, text values and an unknown type', async () => {
    const plan = await chartJobs(await dataset(), await theme(), NATIVE, testFonts);
    expect(plan.diagnostics.map((d) => [d.file, d.path, d.line, d.column, d.message, d.hint])).toEqual([
      [
        join(NATIVE, 'a-typo.vl.json'),
        'usermeta.briefkit.native.category',
        ...at('a-typo.vl.json', '"nam"'),
        'table "programBudgets" has no field "nam"',
        'did you mean "name"?',
      ],
      [
        join(NATIVE, 'b-produced.vl.json'),
        'usermeta.briefkit.native.value',
        ...at('b-produced.vl.json', '"doubled"'),
        `native field "doubled" is made by a layer's transform; the native chart reads table "programBudgets" after the spec's top-level "transform"`,
        expect.stringContaining(`move that transform to the spec's top-level "transform"`),
      ],
      [
        join(NATIVE, 'c-text-value.vl.json'),
        'usermeta.briefkit.native.type',
        ...at('c-text-value.vl.json', '"bars"'),
        '"bars" is not a native chart type',
        'use one of: bar, column, line, area, pie',
      ],
      [
        join(NATIVE, 'c-text-value.vl.json'),
        'usermeta.briefkit.native.values[1]',
        ...at('c-text-value.vl.json', '"amountText"'),
        'native field "amountText" holds text, not numbers',
        'name a number field of table "programBudgets"',
      ],
    ]);
    expect(plan.diagnostics.every((d) => d.code === 'CHART_SPEC_INVALID' && d.severity === 'error')).toBe(
      true,
    );
  });

  it('finds nothing to refuse in the shipped specs', async () => {
    const plan = await chartJobs(await dataset(), await theme(), CHARTS_DIR, testFonts);
    expect(plan.diagnostics).toEqual([]);
  });

  it('a build with a misspelt native field is invalid at the spec line and publishes nothing', async () => {
    const dir = makeProject();
    const spec = join('templates', 'charts', 'program-budgets.vl.json');
    const shipped = readFileSync(join(dir, spec), 'utf8');
    copyFileSync(join(NATIVE, 'a-typo.vl.json'), join(dir, spec));
    expect(shipped).toContain('"native"');
    const report = await buildIn(dir, { only: ['deck'] });
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_SPEC_INVALID',
        file: spec,
        path: 'usermeta.briefkit.native.category',
        ...positionOf(text('a-typo.vl.json'), '"nam"'),
      }),
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('the deck never draws an empty native chart', () => {
  it('places the drawn picture when the native chart has no value at all', async () => {
    const plot: FigurePlot = {
      mark: 'bar',
      categories: [''],
      series: [{ name: 'Value', colour: '#000000', points: [{ value: null }] }],
      axisTitles: {},
      scale: { factor: 1, unit: '', log: false },
      numberFormat: '#,##0',
    };
    const figure = { alt: 'alt', plot } as unknown as FigureBlock;
    const picture = { mime: 'image/png' as const, bytes: new Uint8Array([1]), width: 100, height: 50 };
    const slide = { addChart: vi.fn(), addImage: vi.fn() };
    const pptx = { ChartType: { bar: 'bar', line: 'line', area: 'area', pie: 'pie' } };
    const box = { x: 0, y: 0, w: 4, h: 2 };
    drawChart(pptx as unknown as Pptx, slide as unknown as PptxSlide, figure, picture, box, await theme());
    expect(slide.addChart).not.toHaveBeenCalled();
    expect(slide.addImage).toHaveBeenCalledTimes(1);
  });
});
