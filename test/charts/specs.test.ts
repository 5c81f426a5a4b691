import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg } from '../../src/charts/draw.js';
import { loadEngine, refusingLoader } from '../../src/charts/engine.js';
import { listChartSpecs } from '../../src/charts/index.js';
import { parseSpecText } from '../../src/charts/spec-file.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { SECTOR_TABLE, TABLE_NAMES } from '../../src/derive/index.js';
import { chartJobs } from '../../src/pipeline/chart-step.js';
import type { Theme } from '../../src/theme/schema.js';
import { buildCharts } from '../support/charts.js';
import { staticPackageImports } from '../support/static-imports.js';
import { testFonts } from '../support/theme.js';
import { decodePng, inkPixels } from './png.js';
import { CHARTS_DIR, dataset, FIXTURES, ROOT, theme } from './support.js';

const TABLES = new Set(TABLE_NAMES);

/** Every chart of a folder as the build plans and draws it, with every diagnostic on the way. */
async function drawAll(data: Dataset, th: Theme, chartsDir: string) {
  const built = await buildCharts(data, th, chartsDir);
  return { charts: [...built.drawn.values()], diagnostics: built.diagnostics, catalogue: built.catalogue };
}

describe('chart specs an analyst gets wrong are refused with positions, not crashes', () => {
  it('refuses data.url (file:///etc/passwd) at the url key', async () => {
    const { charts, diagnostics } = await drawAll(await dataset(), await theme(), join(FIXTURES, 'bad-url'));
    expect(charts).toEqual([]);
    expect(diagnostics).toMatchObject([
      {
        code: 'CHART_EXTERNAL_DATA',
        severity: 'error',
        file: join(FIXTURES, 'bad-url', 'external.vl.json'),
        line: 3,
        column: 13,
        path: 'data.url',
        message: expect.stringContaining('may not load a URL or a file'),
      },
    ]);
  });

  it('refuses a url anywhere in the spec, e.g. an image mark in a layer', () => {
    const text =
      '{\n  "data": {"name": "programBudgets"},\n  "layer": [\n    {"mark": "image", "encoding": {"url": {"value": "https://example.org/x.png"}}}\n  ]\n}';
    const parsed = parseSpecText(text, 'x.vl.json', 'x', TABLES, SECTOR_TABLE);
    expect(parsed.spec).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([
      { code: 'CHART_EXTERNAL_DATA', line: 4, column: 36, path: 'layer[0].encoding.url' },
    ]);
  });

  it('refuses an unknown table name with a did-you-mean hint', async () => {
    const { specs, diagnostics } = await listChartSpecs(join(FIXTURES, 'bad-table'));
    expect(specs).toEqual([]);
    expect(diagnostics).toMatchObject([
      {
        code: 'CHART_UNKNOWN_TABLE',
        line: 3,
        column: 21,
        path: 'data.name',
        message: 'no derived table or dataset list named "programBudget"',
        hint: 'did you mean "programBudgets"?',
      },
    ]);
  });

  it('refuses an expression calling an unknown function, pointing at the expression', async () => {
    const { charts, diagnostics } = await drawAll(
      await dataset(),
      await theme(),
      join(FIXTURES, 'bad-expression'),
    );
    expect(charts).toEqual([]);
    expect(diagnostics).toMatchObject([
      {
        code: 'CHART_EXPRESSION',
        line: 4,
        column: 32,
        message: 'the expression calls readFile(), which is not a Vega expression function',
      },
    ]);
  });

  it('reports broken JSON and unknown placeholders as diagnostics', async () => {
    const broken = parseSpecText(
      '{\n  "data": {"name": "programBudgets",\n}',
      'b.vl.json',
      'b',
      TABLES,
      SECTOR_TABLE,
    );
    expect(broken.spec).toBeUndefined();
    expect(broken.diagnostics[0]).toMatchObject({ code: 'YAML_SYNTAX', file: 'b.vl.json' });
    expect(broken.diagnostics[0]?.line).toBeGreaterThan(1);

    const { chartInstances } = await import('../../src/charts/catalogue.js');
    const { bindSpec } = await import('../../src/charts/bind.js');
    const { deriveTableSet } = await import('../../src/derive/index.js');
    const { textMeasurer } = await import('../../src/theme/metrics.js');
    const text =
      '{\n  "data": {"name": "programBudgets"},\n  "mark": {"type": "bar", "color": "{{colour.nope}}"}\n}';
    const parsed = parseSpecText(text, 'p.vl.json', 'p', TABLES, SECTOR_TABLE);
    const data = await dataset();
    const th = await theme();
    const tables = deriveTableSet(data);
    const [instance] = chartInstances(parsed.spec ? [parsed.spec] : [], tables, data);
    if (!instance) throw new Error('no instance');
    const bound = bindSpec(instance, tables, data, th, textMeasurer(testFonts.stack(th)));
    expect(bound.spec).toBeUndefined();
    expect(bound.diagnostics).toMatchObject([
      {
        code: 'CHART_SPEC_INVALID',
        message: 'unknown placeholder {{colour.nope}}',
        line: 3,
        column: 36,
        path: 'mark.color',
      },
    ]);
  });

  it('runs vega with a loader that refuses files and URLs even if a spec got past the checks', async () => {
    await expect(
      (refusingLoader() as { load: (u: string) => Promise<unknown> }).load('file:///etc/passwd'),
    ).rejects.toThrow(/not allowed/);
    const engine = await loadEngine();
    const parsed = parseSpecText(
      '{"data": {"name": "programBudgets"}}',
      'v.vl.json',
      'v',
      TABLES,
      SECTOR_TABLE,
    );
    if (!parsed.spec) throw new Error('fixture did not parse');
    const vegaSpec = {
      data: [{ name: 'secret', url: 'file:///etc/passwd', format: { type: 'dsv', delimiter: ':' } }],
      marks: [{ type: 'text', from: { data: 'secret' }, encode: { update: { text: { field: 'root' } } } }],
    };
    const th = await theme();
    const { textMeasurer } = await import('../../src/theme/metrics.js');
    const result = await renderSvg(engine, vegaSpec, parsed.spec, textMeasurer(testFonts.stack(th)));
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/not allowed/);
    expect(result.svg ?? '').not.toMatch(/root:x|bin\/bash/);
  });
});

describe('the chart catalogue', () => {
  it('lists ids, titles and alt texts, per-sector charts included', async () => {
    const data = await dataset();
    // Planning's catalogue: no chart is drawn for it.
    const { catalogue } = await chartJobs(data, await theme(), CHARTS_DIR, testFonts);
    expect(catalogue.map((c) => c.id)).toEqual([
      'indicator-highlights',
      'influence-matrix',
      'investment-trend',
      'program-budgets',
      'sector-summary',
      ...data.sectors.map((s) => `sector-${s.id}`),
      'targets-timeline',
    ]);
    expect(catalogue.find((c) => c.id === 'sector-quantum')).toMatchObject({
      title: 'Quantum: programmes, targets and indicators by year',
      description: expect.stringContaining('1,000 quantum experts'),
    });
  });

  it('imports no vega, vega-lite or resvg statically on the way to the catalogue', () => {
    const { files, packages } = staticPackageImports(join(ROOT, 'src', 'charts', 'index.ts'));
    expect(files.size).toBeGreaterThan(5);
    expect(packages.filter((p) => /→ (vega|vega-lite|vega-interpreter|@resvg\/resvg-js)$/.test(p))).toEqual(
      [],
    );
  });
});

describe('Hangul and the won sign come out as glyphs', () => {
  it('draws 한, 글 and ₩ as distinct inked glyphs in the PNG (a missing glyph would be blank or one box)', async () => {
    const engine = await loadEngine();
    const th = await theme();
    const fonts = testFonts.stack(th);
    const draw = (text: string) =>
      decodePng(
        renderPng(
          engine,
          `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><text x="10" y="45" font-family="${th.fonts.family}" font-size="40">${text}</text></svg>`,
          th,
          fonts,
        ),
      );
    const han = draw('한');
    const geul = draw('글');
    const won = draw('₩');
    for (const pixels of [han, geul, won]) expect(inkPixels(pixels)).toBeGreaterThan(150);
    expect(Buffer.from(han.data).equals(Buffer.from(geul.data))).toBe(false);
    expect(Buffer.from(han.data).equals(Buffer.from(won.data))).toBe(false);
  });

  it('renders every chart of a synthetic dataset with Hangul names and another currency', async () => {
    const data = await dataset('test/fixtures/charts/tiny.yaml');
    const { charts, diagnostics } = await drawAll(data, await theme(), CHARTS_DIR);
    expect(diagnostics).toEqual([]);
    expect(charts.map((c) => c.id)).toContain('sector-robo');
    const robo = charts.find((c) => c.id === 'sector-robo');
    expect(robo?.title).toBe('로봇 산업: programmes, targets and indicators by year');
    // The title is the caption's (see bind); the Hangul labels inside the drawing come out.
    expect(robo?.svg).toContain('로봇 비율');
    // €750,000 to €2.5 billion on a log axis: in thousands, so that no figure is below one (axis-unit.ts).
    expect(charts.find((c) => c.id === 'program-budgets')?.svg).toContain('€ thousand (log scale)');
    expect(charts.find((c) => c.id === 'investment-trend')?.description).toContain(
      'at least €4 billion (target)',
    );
  });
});
