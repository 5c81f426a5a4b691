/**
 * `npx tsx test/fuzz/dump-rows.ts <rows> [outDir] [chart…]`: draws the shipped charts (or the
 * named ones) of the rows dataset (rows-data.ts) with their continued parts, as SVG and PNG,
 * with the fuzz checks' problems: one chart at 1, 5, 25 or 60 rows in seconds, where
 * chart-sheets.sh builds every document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindCharts } from '../../src/charts/catalogue.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartParts } from '../../src/charts/page-fit.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { loadTheme } from '../../src/theme/load.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { testFonts } from '../support/theme.js';
import { rowsDatasetYaml } from './rows-data.js';

const ROOT = join(import.meta.dirname, '..', '..');
const rows = Number(process.argv[2] ?? 25);
const out = process.argv[3] ?? join('/tmp', `briefkit-rows-${rows}`);
const only = process.argv.slice(4);
const theme = (await loadTheme(join(ROOT, 'templates', 'theme.yaml'), testFonts)).theme;
if (!theme) throw new Error('theme did not load');
const data = validateDatasetText(rowsDatasetYaml(rows), 'rows.yaml').dataset;
if (!data) throw new Error('invalid dataset');
mkdirSync(out, { recursive: true });
const bound = await bindCharts(data, join(ROOT, 'templates', 'charts'));
const measurer = textMeasurer(testFonts.stack(theme));
for (const whole of bound.instances) {
  if (only.length > 0 && !only.includes(whole.id)) continue;
  for (const instance of chartParts(whole, data, theme, measurer).instances) {
    const render = await renderChart(instance, bound.tables, data, theme, testFonts);
    for (const d of render.diagnostics) console.log(`${instance.id}: ${d.message}`);
    if (!render.chart) continue;
    writeFileSync(join(out, `${instance.id}.svg`), render.chart.svg);
    writeFileSync(join(out, `${instance.id}.png`), render.chart.png);
    console.log(`${instance.id}: ${render.chart.width}×${render.chart.height}`);
  }
}
