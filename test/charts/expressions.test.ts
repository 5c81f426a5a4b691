/**
 * No chart expression may run a regular expression (src/charts/expressions.ts says why): a
 * pattern like /(a+)+$/ on a long text ran for hours and ignored SIGTERM. Refused on the spec
 * before vega sees it, at the expression's line; and, for a place no expression key names (an
 * event filter), by the guarded interpreter (src/charts/expression-guard.ts) before it runs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartInstances } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { type ChartSpecFile, parseSpecText } from '../../src/charts/spec-file.js';
import { deriveTableSet, SECTOR_TABLE, TABLE_NAMES } from '../../src/derive/index.js';
import { parseYaml } from '../../src/input/yaml.js';
import { CLI, EPOCH, makeProject } from '../build/project.js';
import { testFonts } from '../support/theme.js';
import { dataset, FIXTURES, positionOf, theme } from './support.js';

const REGEX = join(FIXTURES, 'regex');

function check(name: string) {
  const file = join(REGEX, name);
  const text = readFileSync(file, 'utf8');
  return { file, text, ...parseSpecText(text, file, name, new Set(TABLE_NAMES), SECTOR_TABLE) };
}

/** Draws a spec file as given, without the checks parseSpecText makes (for the run-time guard). */
async function drawUnchecked(name: string) {
  const file = join(REGEX, name);
  const text = readFileSync(file, 'utf8');
  const { source } = parseYaml(text, file);
  if (!source) throw new Error(`${name} is not JSON`);
  const spec = source.data as ChartSpecFile['spec'];
  const specFile: ChartSpecFile = {
    id: 'unchecked',
    file,
    spec,
    source,
    table: 'programBudgets',
    perSector: false,
  };
  const ds = await dataset();
  const tables = deriveTableSet(ds);
  const [instance] = chartInstances([specFile], tables, ds);
  if (!instance) throw new Error('no instance');
  return { file, text, ...(await renderChart(instance, tables, ds, await theme(), testFonts)) };
}

describe('chart expressions may not use regular expressions', () => {
  it('refuses a regex literal, regexp(), test() and a formatType of test, each at its line', () => {
    const { file, text, spec, diagnostics } = check('everywhere.vl.json');
    expect(spec).toBeUndefined();
    const at = (needle: string, path: string) => ({
      code: 'CHART_EXPRESSION',
      file,
      path,
      ...positionOf(text, needle),
    });
    expect(
      diagnostics.map(({ code, file, path, line, column }) => ({ code, file, path, line, column })),
    ).toEqual([
      at('"test"', 'encoding.x.axis.formatType'),
      at(`"regexp('(a+)+$')"`, 'params[0].expr'),
      at('"test(/(a+)+$/', 'transform[0].filter'),
      at(`"_test(`, 'transform[1].filter.not.and[1]'),
      at('"replace(datum.name, /(a|aa)+$/g', 'transform[2].calculate'),
      at('"split(datum.label, /', 'encoding.y.axis.labelExpr'),
      at(`"test('b+'`, 'encoding.color.condition.test'),
    ]);
    expect(diagnostics[2]).toMatchObject({
      message:
        'the expression uses a regular expression (test()); chart expressions may not: one can run for hours on a long text',
      hint: expect.stringContaining('indexof('),
    });
    expect(diagnostics[4]?.message).toContain('(/(a|aa)+$/)');
  });

  it('still draws text matched with strings: replace, split and indexof with a string argument', async () => {
    const { spec, diagnostics } = check('literal-text.vl.json');
    expect(diagnostics).toEqual([]);
    if (!spec) throw new Error('literal-text did not parse');
    const ds = await dataset();
    const tables = deriveTableSet(ds);
    const [instance] = chartInstances([spec], tables, ds);
    if (!instance) throw new Error('no instance');
    const render = await renderChart(instance, tables, ds, await theme(), testFonts);
    expect(render.diagnostics).toEqual([]);
    expect(render.chart?.svg).toContain('AI investment Fund');
  });

  it('refuses a regex in an event filter, which no expression key names, before vega runs it', async () => {
    const { spec, diagnostics } = check('event-filter.vl.json');
    expect(diagnostics).toEqual([]);
    if (!spec) throw new Error('event-filter did not parse');
    const ds = await dataset();
    const tables = deriveTableSet(ds);
    const [instance] = chartInstances([spec], tables, ds);
    if (!instance) throw new Error('no instance');
    const render = await renderChart(instance, tables, ds, await theme(), testFonts);
    const text = readFileSync(join(REGEX, 'event-filter.vl.json'), 'utf8');
    expect(render.chart).toBeUndefined();
    expect(render.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        path: 'params[0].select.on',
        ...positionOf(text, '"click['),
        message: expect.stringContaining('regular expression (test())'),
      }),
    ]);
  });

  it('refuses, while drawing, a regex the spec checks did not see, at the expression that holds it', async () => {
    const { text, chart, diagnostics } = await drawUnchecked('unchecked.vl.json');
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        path: 'transform[0].calculate',
        ...positionOf(text, '"test(/a/'),
        message: expect.stringContaining('(test())'),
      }),
    ]);
  });

  // Before the fix this build never finished (and SIGTERM did not stop it); now it is refused
  // before any chart is drawn: exit 1 at the spec's line, nothing published, lock released.
  it('a build with a catastrophic pattern exits 1 at the spec line and releases the lock', () => {
    const dir = makeProject();
    const spec = join('templates', 'charts', 'program-budgets.vl.json');
    copyFileSync(join(REGEX, 'catastrophic.vl.json'), join(dir, spec));
    const text = readFileSync(join(dir, spec), 'utf8');
    const run = spawnSync(process.execPath, [CLI, 'build', '--only', 'deck'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH },
    });
    const { line, column } = positionOf(text, '"test(');
    expect(run.stderr).toContain(`${spec}:${line}:${column}`);
    expect(run.stderr).toContain('CHART_EXPRESSION');
    expect(run.status).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, '.briefkit', 'out', 'lock'))).toBe(false);
  });
});
