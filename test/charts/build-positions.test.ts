/**
 * Chart-spec and theme-font errors through a whole `build()` (issue 10, items 11 and 13): the
 * report carries the diagnostic at the file's line and column, nothing is published, and the
 * lock is released. How the CLI maps the report to an exit code is src/cli's and render-step's.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIn, makeProject } from '../build/project.js';
import { FIXTURES, positionOf } from './support.js';

const SPEC = join('templates', 'charts', 'program-budgets.vl.json');

/** The project with only the deck (a full build, no --only, of fewer documents). */
function deckProject(): string {
  const dir = makeProject();
  writeFileSync(
    join(dir, 'briefkit.config.yaml'),
    [
      'datasets: [data/korea-emerging-tech.yaml]',
      'theme: templates/theme.yaml',
      'templates: templates',
      'charts: templates/charts',
      'out: out',
      'documents:',
      '  - { id: deck, template: deck.md.hbs, format: pptx, output: deck.pptx }',
      '',
    ].join('\n'),
  );
  return dir;
}

function expectNothingLeft(dir: string): void {
  expect(existsSync(join(dir, 'out'))).toBe(false);
  expect(existsSync(join(dir, '.briefkit', 'out', 'lock'))).toBe(false);
}

describe('a full build reports chart-spec and theme errors at their position', () => {
  it('a chart spec with href: CHART_LINK at the spec line, nothing published, lock released', async () => {
    const dir = deckProject();
    copyFileSync(join(FIXTURES, 'budgets', 'href.vl.json'), join(dir, SPEC));
    const text = readFileSync(join(dir, SPEC), 'utf8');
    const report = await buildIn(dir);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ code: 'CHART_LINK', file: SPEC, ...positionOf(text, '"href"') }),
      expect.objectContaining({ code: 'CHART_LINK', file: SPEC, ...positionOf(text, '"href"', 2) }),
    ]);
    expectNothingLeft(dir);
  });

  it('a chart spec over budget (sequence of 30,000,000 rows): CHART_BUDGET at the line of stop', async () => {
    const dir = deckProject();
    copyFileSync(join(FIXTURES, 'budgets', 'sequence.vl.json'), join(dir, SPEC));
    const text = readFileSync(join(dir, SPEC), 'utf8');
    const report = await buildIn(dir);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ code: 'CHART_BUDGET', file: SPEC, ...positionOf(text, '30000000') }),
    ]);
    expectNothingLeft(dir);
  });

  it('a theme font that is not a font: THEME_INVALID at the font line of the theme', async () => {
    const dir = deckProject();
    const theme = join(dir, 'templates', 'theme.yaml');
    const text = readFileSync(theme, 'utf8').replace(
      /regular: .*\n/,
      'regular: pretendard/dist/LICENSE.txt\n',
    );
    writeFileSync(theme, text);
    const report = await buildIn(dir);
    expect(report.status).toBe('invalid');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'THEME_INVALID',
        file: join('templates', 'theme.yaml'),
        path: 'fonts.regular',
        message: '"pretendard/dist/LICENSE.txt" is not a font file (TrueType or OpenType)',
        ...positionOf(text, 'pretendard/dist/LICENSE.txt'),
      }),
    ]);
    expectNothingLeft(dir);
  });

  // Found only while drawing, so the build is 'failed' (rendering began), not 'invalid'; the
  // diagnostic is an input error all the same (exit 1).
  it('a spec vega fails on while drawing: CHART_EXPRESSION at the failing expression in the report', async () => {
    const dir = deckProject();
    copyFileSync(join(FIXTURES, 'drawn', 'vega-error.vl.json'), join(dir, SPEC));
    const text = readFileSync(join(dir, SPEC), 'utf8');
    const report = await buildIn(dir);
    expect(report.status).toBe('failed');
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'CHART_EXPRESSION',
        file: SPEC,
        path: 'transform[0].calculate',
        ...positionOf(text, '"datum.missing.field"'),
      }),
    );
    expectNothingLeft(dir);
  });
});
