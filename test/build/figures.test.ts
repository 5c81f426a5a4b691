/**
 * A figure is one node of the model that every writer reads (issue 16, item 1): the PDF's
 * Figure alt text is the template's alt text, its appendix is titled by the caption, and
 * `--emit model` writes what the writers see: the figures' data and the asset bag's references.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/dataset/load.js';
import { investmentTrend } from '../../src/derive/index.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { build } from '../../src/pipeline/run-build.js';
import { allText, open, structRoles } from '../render/pdf/read.js';
import { buildIn, DATASET, EPOCH, makeProject } from './project.js';

const ALT = 'Stated investment and the target, as the author describes them';
const CAPTION = 'What the government says it will invest';

let dir: string;

beforeAll(() => {
  dir = makeProject();
  const file = join(dir, 'templates', 'briefing.md.hbs');
  const template = readFileSync(file, 'utf8');
  // The shipped template draws the investment chart only when its figures cover one thing
  // (else it sets them side by side in a table): this copy always draws it, with an alt text.
  const always = template.replace(
    '{{#if (or (gt this.length 6) (gt (length (distinct (pluck this "scope"))) 1))}}',
    '{{#if false}}',
  );
  if (always === template) throw new Error('the briefing template no longer chooses between table and chart');
  const placed = always.replace(
    /\{\{chart "investment-trend"[^}]*\}\}/,
    `![${ALT}](chart:investment-trend "${CAPTION}")`,
  );
  if (placed === always) throw new Error('the briefing template no longer places investment-trend');
  writeFileSync(file, placed);
});

describe('the briefing PDF reads its figures from the model', () => {
  it("gives the figure the template's alt text and titles its data by the caption", async () => {
    const report = await buildIn(dir, { only: ['briefing', 'briefing-evidence'] });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = await open(new Uint8Array(readFileSync(join(dir, 'out', 'briefing.pdf'))));
    const figures = (await structRoles(pdf)).filter((n) => n.role === 'Figure');
    expect(figures[0]?.alt).toBe(ALT);
    // The appendix, in the briefing's companion evidence file (the shipped config's), names the
    // data table as the figure is captioned.
    const evidence = await open(new Uint8Array(readFileSync(join(dir, 'out', 'briefing-evidence.pdf'))));
    const text = (await allText(evidence)).join(' ');
    expect(text.split(`Figure 1: ${CAPTION}`).length - 1).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

describe('--emit model writes everything a writer sees', () => {
  it("writes each figure's data, sources, notes and asset keys, and the bag as references", async () => {
    const report = await build({
      cwd: dir,
      configFile: 'briefkit.config.yaml',
      emitModel: true,
      only: ['briefing'],
      jobs: 1,
      env: { SOURCE_DATE_EPOCH: EPOCH },
      progress: silentProgress,
    });
    expect(report.diagnostics).toEqual([]);
    // Where the models go: the report's folder when the build names one, else out/models/.
    const named = (report as { modelsDir?: string }).modelsDir;
    const models = named ?? join(dir, 'out', 'models');
    const model = JSON.parse(readFileSync(join(models, 'briefing.model.json'), 'utf8'));
    const blocks = model.sections.flatMap((s: { blocks: unknown[] }) => s.blocks);
    const figure = blocks.find((b: { chartId?: string }) => b.chartId === 'investment-trend');
    const loaded = await loadDatasetFile(join(dir, DATASET));
    if (!loaded.dataset) throw new Error('the dataset does not load');
    const table = investmentTrend(loaded.dataset);
    expect(figure).toMatchObject({
      number: 1,
      caption: CAPTION,
      alt: ALT,
      table: {
        columns: table.columns,
        rows: table.rows.map((row) => table.columns.map((c) => row[c.name] ?? null)),
      },
      sources: table.sources,
      notes: table.notes,
      image: { svg: expect.stringMatching(/^[0-9a-f]{64}$/), png: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const assets = JSON.parse(readFileSync(join(models, 'briefing.assets.json'), 'utf8'));
    expect(assets[figure.image.svg]).toEqual({
      mime: 'image/svg+xml',
      chart: 'investment-trend',
      path: 'charts/investment-trend.svg',
    });
    expect(assets[figure.image.png]).toMatchObject({
      mime: 'image/png',
      path: 'charts/investment-trend.png',
    });
    // Every figure of the model has both its files in the bag, and nothing else is in it.
    const keys = blocks.flatMap((b: { type: string; image?: { svg: string; png: string } }) =>
      b.type === 'figure' && b.image ? [b.image.svg, b.image.png] : [],
    );
    expect(Object.keys(assets).sort()).toEqual([...new Set(keys)].sort());
    // The paths are where a build puts the drawings.
    await buildIn(dir, { only: ['charts'] });
    expect(existsSync(join(dir, 'out', 'charts', 'investment-trend.svg'))).toBe(true);
  }, 120_000);
});
