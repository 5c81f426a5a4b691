/**
 * What every generated chart must satisfy (issue 11): every text box inside the canvas, no two
 * labels overlapping, one mark per data row, no "undefined"/"NaN"/"Infinity", and a native plot
 * with the same rows as the drawing. Returns the problems found, as lines to print.
 */
import { bindCharts } from '../../src/charts/catalogue.js';
import type { TextBox } from '../../src/charts/draw.js';
import { renderChart } from '../../src/charts/draw-charts.js';
import { chartEntry, drawnTable } from '../../src/charts/figure-content.js';
import { briefkitMeta } from '../../src/charts/spec-file.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import type { Row } from '../../src/derive/types.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { markCounts, svgTexts } from '../charts/support.js';
import { testFonts } from '../support/theme.js';

/** Layers that draw one mark per row (or per row and measure), by chart. */
export function expectedMarks(id: string, rows: readonly Row[]): Record<string, number> {
  const n = rows.length;
  switch (id) {
    case 'program-budgets':
      return { layer_0_marks: n };
    case 'investment-trend':
      return {
        layer_0_marks: rows.filter((r) => r.kind !== 'Target').length,
        layer_1_marks: rows.filter((r) => r.kind === 'Target').length,
      };
    case 'sector-summary':
      return { layer_0_marks: 3 * n };
    case 'targets-timeline':
      return { layer_1_marks: n };
    case 'influence-matrix':
    case 'indicator-highlights':
      return { layer_0_marks: n };
    default:
      return { layer_1_marks: n };
  }
}

function overlap(a: TextBox, b: TextBox): boolean {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 1 && h > 1;
}

/** Text boxes outside the canvas, and pairs of text boxes that overlap. */
export function layoutProblems(
  id: string,
  boxes: readonly TextBox[],
  width: number,
  height: number,
): string[] {
  const problems: string[] = [];
  for (const b of boxes)
    if (b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > width + 0.5 || b.y2 > height + 0.5)
      problems.push(`${id}: "${b.text.slice(0, 40)}" outside the ${width}×${height} canvas`);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as TextBox;
      const b = boxes[j] as TextBox;
      if (overlap(a, b)) problems.push(`${id}: "${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`);
    }
  return problems;
}

export interface CaseOptions {
  theme: Theme;
  chartsDir: string;
  /** Check per-sector charts too (slower: one chart per sector). */
  perSector?: boolean;
  /** Check text placement (boxes in the canvas, no overlaps). */
  layout?: boolean;
}

export async function checkCase(yaml: string, options: CaseOptions): Promise<string[]> {
  const loaded = validateDatasetText(yaml, 'generated.yaml');
  if (!loaded.dataset)
    return [`generated dataset invalid: ${loaded.diagnostics.map((d) => d.message).join('; ')}`];
  const data = loaded.dataset;
  const bound = await bindCharts(data, options.chartsDir);
  const problems: string[] = [];
  for (const instance of bound.instances) {
    if (instance.sector && !options.perSector) continue;
    const id = instance.id;
    const render = await renderChart(instance, bound.tables, data, options.theme, testFonts, undefined, {
      png: false,
    });
    for (const d of render.diagnostics) problems.push(`${id}: ${d.severity} ${d.code} ${d.message}`);
    const chart = render.chart;
    if (!chart) continue;
    const rows = drawnTable(instance, data, options.theme, textMeasurer(testFonts.stack(options.theme))).table
      .rows;
    for (const t of svgTexts(chart.svg))
      if (/\bundefined\b|\bNaN\b|Infinity/.test(t.text)) problems.push(`${id}: text "${t.text}"`);
    const counts = markCounts(chart.svg);
    for (const [layer, n] of Object.entries(
      expectedMarks(instance.spec.id === 'sector' ? 'sector' : id, rows),
    ))
      if ((counts[layer] ?? 0) !== n)
        problems.push(`${id}: ${layer} draws ${counts[layer] ?? 0} marks for ${n} rows`);
    if (options.layout) problems.push(...layoutProblems(id, render.textBoxes, chart.width, chart.height));
    const plot = chartEntry(
      instance,
      data,
      options.theme,
      { svg: 's', png: 'p' },
      textMeasurer(testFonts.stack(options.theme)),
    ).figure.plot;
    if (plot) {
      const json = JSON.stringify(plot);
      if (/undefined|NaN|Infinity|null,"max"/.test(json.replace(/"value":null/g, '')))
        problems.push(`${id}: plot holds ${json.slice(0, 80)}`);
      const native = briefkitMeta(instance.spec.spec).native as
        | { value?: string; values?: string[] }
        | undefined;
      const fields = native?.values ?? (native?.value ? [native.value] : []);
      const expected = rows.reduce(
        (sum, r) => sum + fields.filter((f) => typeof r[f] === 'number').length,
        0,
      );
      const drawn = plot.series.reduce((sum, s) => sum + s.points.filter((p) => p.value !== null).length, 0);
      if (drawn !== expected) problems.push(`${id}: native plot has ${drawn} points for ${expected} figures`);
    }
  }
  return problems;
}
