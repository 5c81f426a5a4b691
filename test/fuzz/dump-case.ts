/**
 * `npx tsx test/fuzz/dump-case.ts <case> [seed] [outDir]`: writes one generated case's dataset
 * and every chart (SVG, PNG) with its problems, to look at what the fuzz script reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { loadTheme } from '../../src/theme/load.js';
import { testFonts } from '../support/theme.js';
import { caseArbitrary } from './chart-cases.js';
import { checkCase } from './chart-checks.js';

const ROOT = join(import.meta.dirname, '..', '..');
const index = Number(process.argv[2] ?? 0);
const seed = Number(process.argv[3] ?? 11);
const out = process.argv[4] ?? join('/tmp', `briefkit-case-${seed}-${index}`);
const theme = (await loadTheme(join(ROOT, 'templates', 'theme.yaml'), testFonts)).theme;
if (!theme) throw new Error('theme did not load');
const samples = fc.sample(caseArbitrary(join(ROOT, 'data', 'korea-emerging-tech.yaml')), {
  numRuns: index + 1,
  seed,
});
const yaml = samples[index] ?? '';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'dataset.yaml'), yaml);
const data = validateDatasetText(yaml, 'generated.yaml').dataset;
if (!data) throw new Error('invalid dataset');
const chartsDir = join(ROOT, 'templates', 'charts');
const bound = await bindCharts(data, chartsDir);
for (const instance of bound.instances) {
  const render = await renderChart(instance, bound.tables, data, theme, testFonts);
  if (!render.chart) continue;
  writeFileSync(join(out, `${instance.id}.svg`), render.chart.svg);
  writeFileSync(join(out, `${instance.id}.png`), render.chart.png);
}
const problems = await checkCase(yaml, { theme, chartsDir, layout: true, perSector: true });
writeFileSync(join(out, 'problems.txt'), `${problems.join('\n')}\n`);
console.log(`${out}: ${problems.length} problems`);
