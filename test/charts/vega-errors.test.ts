/**
 * What vega and vega-lite fail on is reported at the part of the spec that caused it, in plain
 * words (src/charts/expression-errors.ts, spec-words.ts), not at 1:1 with a JavaScript message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartInstances } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { parseSpecText } from '../../src/charts/spec-file.js';
import { deriveTableSet, SECTOR_TABLE, TABLE_NAMES } from '../../src/derive/index.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, positionOf, theme } from './support.js';

const ERRORS = join(FIXTURES, 'vega-errors');

function parse(name: string) {
  const file = join(ERRORS, name);
  const text = readFileSync(file, 'utf8');
  return { file, text, ...parseSpecText(text, file, name, new Set(TABLE_NAMES), SECTOR_TABLE) };
}

async function draw(name: string) {
  const { file, text, spec, diagnostics } = parse(name);
  expect(diagnostics).toEqual([]);
  if (!spec) throw new Error(`${name} did not parse`);
  const ds = await dataset();
  const tables = deriveTableSet(ds);
  const [instance] = chartInstances([spec], tables, ds);
  if (!instance) throw new Error(`${name} has no instance`);
  return { file, text, ...(await renderChart(instance, tables, ds, await theme(), testFonts)) };
}

describe('vega failures name the part of the spec that caused them', () => {
  it('a filter naming an undeclared param: at the filter, saying what the name is not', async () => {
    const { file, text, chart, diagnostics } = await draw('unknown-signal.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        file,
        path: 'transform[0].filter',
        ...positionOf(text, '"datum.valueBn > threshold"'),
        message:
          'the expression "datum.valueBn > threshold" names "threshold", which is neither a field of the row nor a param of the chart',
        hint: expect.stringContaining('datum.threshold'),
      }),
    ]);
  });

  it('an encoding expression that fails on the rows: at its expr, in plain words', async () => {
    const { text, chart, diagnostics } = await draw('encode-error.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        path: 'encoding.opacity.value.expr',
        ...positionOf(text, '"datum.missing.share"'),
        message:
          'the expression "datum.missing.share" failed on the chart\'s data: it reads "share" of a value that is missing (undefined)',
      }),
    ]);
  });

  it('a labelExpr that vega-lite rewrote before it failed: still at the labelExpr', async () => {
    const { text, diagnostics } = await draw('label-expr.vl.json');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        path: 'encoding.y.axis.labelExpr',
        ...positionOf(text, '"split('),
        message: expect.stringContaining('it reads "first" of a value that is missing (undefined)'),
      }),
    ]);
    expect(diagnostics[0]?.message).not.toMatch(/TypeError|Cannot read/);
  });

  it('an expression that does not parse: refused before vega, at the expression', () => {
    const { file, text, spec, diagnostics } = parse('parse-error.vl.json');
    expect(spec).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        file,
        path: 'transform[0].calculate',
        ...positionOf(text, '"datum.valueBn *"'),
        message: 'the expression "datum.valueBn *" could not be read: Unexpected end of input',
      }),
    ]);
  });

  it('an unknown mark type or field type: at its line with a did-you-mean, not a TypeError', () => {
    const { text, spec, diagnostics } = parse('words.vl.json');
    expect(spec).toBeUndefined();
    expect(diagnostics.map((d) => [d.path, d.line, d.column, d.message, d.hint])).toEqual([
      [
        'layer[0].mark',
        ...Object.values(positionOf(text, '"barr"')),
        '"barr" is not a mark type',
        'did you mean "bar"?',
      ],
      [
        'layer[1].mark.type',
        ...Object.values(positionOf(text, '"txet"')),
        '"txet" is not a mark type',
        'did you mean "text"?',
      ],
      [
        'layer[1].encoding.text.type',
        ...Object.values(positionOf(text, '"nomial"')),
        '"nomial" is not a field type',
        'did you mean "nominal"?',
      ],
    ]);
  });
});
