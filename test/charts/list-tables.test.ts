/**
 * Charts users write bind to any list of the dataset (`investments`, `targets`, `programs`…,
 * src/derive/lists.ts) with Vega-Lite transforms, as well as to the derived tables. A field the
 * list lacks is an error at the spec's line; inline `values` stay refused (data comes from the
 * dataset, cited).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moneyValue } from '../../src/dataset/wording.js';
import { LIST_NAMES, listColumns, listTable } from '../../src/derive/lists.js';
import { chartJobs, renderChartsById } from '../../src/pipeline/chart-step.js';
import { BuildSession } from '../../src/pipeline/sessions.js';
import { type BuiltCharts, buildCharts } from '../support/charts.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, markCounts, positionOf, theme } from './support.js';

const JAPAN = 'test/fixtures/datasets/japan-semiconductors-ai.yaml';
const LISTS = join(FIXTURES, 'lists');
const BAD = join(FIXTURES, 'lists-bad');

let built: BuiltCharts;
let byYear: Map<number, number>;

beforeAll(async () => {
  const data = await dataset(JAPAN);
  built = await buildCharts(data, await theme(), LISTS);
  // The transforms' sums, computed here from the records: full amounts per year, in trillions.
  byYear = new Map();
  for (const v of data.investments)
    if (v.year !== undefined) byYear.set(v.year, (byYear.get(v.year) ?? 0) + moneyValue(v.amount));
}, 60_000);

describe('charts of the dataset’s own lists', () => {
  it('draw a list with transforms, and the native chart has its aggregated figures', () => {
    expect(built.diagnostics).toEqual([]);
    expect([...built.drawn.keys()].sort()).toEqual(['investments-by-year', 'targets-by-year']);
    const svg = built.drawn.get('investments-by-year')?.svg ?? '';
    expect(markCounts(svg).layer_0_marks).toBe(byYear.size);
    const plot = built.catalogue.find((c) => c.id === 'investments-by-year')?.figure.plot;
    const drawn = new Map(
      plot?.categories.map((year, i) => [Number(year), plot.series[0]?.points[i]?.value]),
    );
    expect(drawn.size).toBe(byYear.size);
    for (const [year, total] of byYear) expect(drawn.get(year), String(year)).toBeCloseTo(total / 1e12, 9);
  });

  it('turn every list into a table whose cells follow the record schema', async () => {
    const data = await dataset(JAPAN);
    for (const list of LIST_NAMES) {
      const table = listTable(data, list);
      const names = listColumns(list).map((c) => c.name);
      for (const row of table.rows) expect(Object.keys(row), list).toEqual(names);
      expect(JSON.stringify(table.rows)).not.toMatch(/undefined|NaN|Infinity|\[object/);
    }
    const investments = listTable(data, 'investments');
    expect(investments.rows[0]).toMatchObject({ amountText: 'JP¥110 billion', amountValue: 110e9 });
    expect(investments.sources.length).toBeGreaterThan(0);
  });

  it('refuse a field the list lacks at its line, and inline values at theirs', async () => {
    const data = await dataset(JAPAN);
    const th = await theme();
    const plan = await chartJobs(data, th, BAD, testFonts);
    const inline = readFileSync(join(BAD, 'b-inline-values.vl.json'), 'utf8');
    expect(plan.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
      [
        'CHART_SPEC_INVALID',
        join(BAD, 'b-inline-values.vl.json'),
        ...Object.values(positionOf(inline, '"values"')),
        'a chart may not carry its own "values": its data comes from the dataset',
      ],
    ]);
    const drawn = await renderChartsById(data, th, BAD, ['a-missing-field'], new BuildSession());
    const missing = readFileSync(join(BAD, 'a-missing-field.vl.json'), 'utf8');
    expect(drawn.diagnostics.map((d) => [d.severity, d.file, d.line, d.column, d.message])).toEqual([
      [
        'error',
        join(BAD, 'a-missing-field.vl.json'),
        ...Object.values(positionOf(missing, '"title"', 2)),
        'the chart\'s data has no field "title"',
      ],
    ]);
  });
});
