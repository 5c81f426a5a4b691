/**
 * Chart specs within budgets (src/charts/limits.ts): what a spec states outright is refused
 * before vega runs, at the key that states it. The specs come from issue 10, item 11.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listChartSpecs } from '../../src/charts/catalogue.js';
import { parseSpecText } from '../../src/charts/spec-file.js';
import { SECTOR_TABLE, TABLE_NAMES } from '../../src/derive/index.js';
import { FIXTURES, positionOf } from './support.js';

const BUDGETS = join(FIXTURES, 'budgets');

function check(name: string) {
  const file = join(BUDGETS, name);
  const text = readFileSync(file, 'utf8');
  const parsed = parseSpecText(text, file, name, new Set(TABLE_NAMES), SECTOR_TABLE);
  return { file, text, spec: parsed.spec, diagnostics: parsed.diagnostics };
}

describe('chart specs are refused before vega runs when they state too much', () => {
  it('refuses href (a link out of the chart) at each place it is given', () => {
    const { file, text, spec, diagnostics } = check('href.vl.json');
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CHART_LINK', file, path: 'mark.href', ...positionOf(text, '"href"') }),
      expect.objectContaining({
        code: 'CHART_LINK',
        file,
        path: 'encoding.href',
        ...positionOf(text, '"href"', 2),
      }),
    ]);
  });

  it('refuses a sequence of 30,000,000 rows at its stop', () => {
    const { file, text, spec, diagnostics } = check('sequence.vl.json');
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        file,
        path: 'layer[0].data.sequence.stop',
        message: 'the sequence makes 30,000,000 rows; the budget is 10,000',
        ...positionOf(text, '30000000'),
      }),
    ]);
  });

  it('refuses a width of 200,000 px, a step and a padding over the canvas budget', () => {
    const { file, text, diagnostics } = check('width.vl.json');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CHART_BUDGET', file, path: 'width', ...positionOf(text, '200000') }),
      expect.objectContaining({ code: 'CHART_BUDGET', path: 'height.step', ...positionOf(text, '5000') }),
      expect.objectContaining({ code: 'CHART_BUDGET', path: 'padding.right', ...positionOf(text, '90000') }),
    ]);
    expect(diagnostics[0]?.message).toBe('width 200000 px is over the budget');
  });

  it('refuses tick counts and scheme counts that make millions of items, and computed tick counts', () => {
    const { text, diagnostics } = check('ticks.vl.json');
    expect(diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['CHART_BUDGET', 'encoding.x.axis.tickCount', ...Object.values(positionOf(text, '1000000'))],
      ['CHART_BUDGET', 'encoding.y.axis.tickCount', ...Object.values(positionOf(text, '{ "expr"'))],
      ['CHART_BUDGET', 'encoding.color.scale.scheme.count', ...Object.values(positionOf(text, '100000000'))],
      [
        'CHART_BUDGET',
        'encoding.color.legend.tickCount',
        ...Object.values(positionOf(text, '"millisecond"')),
      ],
    ]);
  });

  it('refuses transforms that generate rows past the budget, and a param that resizes the canvas', () => {
    const { text, diagnostics } = check('transforms.vl.json');
    expect(diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ['CHART_BUDGET', 'params[0].name', ...Object.values(positionOf(text, '"width",'))],
      ['CHART_BUDGET', 'transform[0].steps', ...Object.values(positionOf(text, '50000000'))],
      ['CHART_BUDGET', 'transform[1].step', ...Object.values(positionOf(text, '0.0000001'))],
      ['CHART_BUDGET', 'transform[2].keyvals.stop', ...Object.values(positionOf(text, '100000000'))],
    ]);
  });

  it('refuses a bin step without an extent (the data decides the count) and one that makes too many bins', () => {
    const { text, diagnostics } = check('bins.vl.json');
    expect(diagnostics.map((d) => [d.code, d.path, d.message, d.line, d.column])).toEqual([
      [
        'CHART_BUDGET',
        'encoding.x.bin.step',
        'a bin step needs an extent, so that the number of bins is known',
        ...Object.values(positionOf(text, '0.000001')),
      ],
      [
        'CHART_BUDGET',
        'encoding.y.scale.bins.step',
        'a bin step needs an extent, so that the number of bins is known',
        ...Object.values(positionOf(text, '0.5')),
      ],
      [
        'CHART_BUDGET',
        'encoding.color.bin.step',
        'the bins make 1,000,000 bins',
        ...Object.values(positionOf(text, '0.001')),
      ],
    ]);
  });

  it('refuses a fold of more fields than the budget (each row becomes one row per field)', () => {
    const fields = Array.from({ length: 101 }, (_, i) => `f${i}`);
    const text = `{\n  "data": {"name": "programBudgets"},\n  "transform": [{"fold": ${JSON.stringify(fields)}}],\n  "mark": "point"\n}`;
    const parsed = parseSpecText(text, 'fold.vl.json', 'fold', new Set(TABLE_NAMES), SECTOR_TABLE);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        path: 'transform[0].fold',
        ...positionOf(text, '["f0"'),
      }),
    ]);
  });

  it('refuses a list of more items than a table may have rows', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => i);
    const text = `{\n  "data": {"name": "programBudgets"},\n  "mark": "point",\n  "encoding": {"x": {"field": "valueBn", "type": "quantitative", "axis": {"values": ${JSON.stringify(values)}}}}\n}`;
    const parsed = parseSpecText(text, 'list.vl.json', 'list', new Set(TABLE_NAMES), SECTOR_TABLE);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_BUDGET',
        path: 'encoding.x.axis.values',
        message: 'a list of 10,001 items is over the budget',
        ...positionOf(text, '[0,'),
      }),
    ]);
  });

  it('refuses a spec file over the size budget, and one that is not a regular file, without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-specs-'));
    writeFileSync(
      join(dir, 'huge.vl.json'),
      `{"data": {"name": "programBudgets"}, "description": "${'x'.repeat(1_100_000)}"}`,
    );
    // A FIFO with no writer: reading it would wait forever.
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.vl.json')]);
    expect(fifo.status).toBe(0);
    const { specs, diagnostics } = await listChartSpecs(dir);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'CHART_BUDGET', file: join(dir, 'huge.vl.json'), line: 1, column: 1 }),
      expect.objectContaining({
        code: 'CHART_SPEC_INVALID',
        file: join(dir, 'pipe.vl.json'),
        line: 1,
        column: 1,
      }),
    ]);
  });

  it('leaves the shipped specs alone', async () => {
    const { diagnostics } = await listChartSpecs(join(FIXTURES, '..', '..', '..', 'templates', 'charts'));
    expect(diagnostics).toEqual([]);
  });
});
