import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartRender } from '../../src/charts/draw-charts.js';
import type { DrawnChart } from '../../src/charts/types.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { deriveTableSet } from '../../src/derive/index.js';
import type { Row } from '../../src/derive/types.js';
import type { ChartEntry } from '../../src/document/template-data.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import type { Theme } from '../../src/theme/schema.js';
import { buildCharts } from '../support/charts.js';
import { expectGolden } from '../support/golden.js';
import { testFonts } from '../support/theme.js';
import { decodePng, inkPixels } from './png.js';
import { dataset, markCounts, renderEvery, svgTexts, theme } from './support.js';

let data: Dataset;
let th: Theme;
let renders: ChartRender[];
let catalogue: ChartEntry[];
const charts = () => renders.map((r) => r.chart).filter((c): c is DrawnChart => c !== undefined);
const chart = (id: string) => {
  const found = charts().find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};

beforeAll(async () => {
  data = await dataset();
  th = await theme();
  renders = await renderEvery(data, th);
  catalogue = (await buildCharts(data, th)).catalogue;
});

/** A chart's catalogue entry: what its figure carries, made before it is drawn. */
const entry = (id: string) => {
  const found = catalogue.find((c) => c.id === id);
  if (!found) throw new Error(`no catalogue entry ${id}`);
  return found;
};

const TABLE_OF: Record<string, string> = {
  'program-budgets': 'programBudgets',
  'investment-trend': 'investmentTrend',
  'sector-summary': 'sectorSummary',
  'targets-timeline': 'targetsTimeline',
  'influence-matrix': 'influenceMatrix',
  'indicator-highlights': 'indicatorHighlights',
};

/** How many items each data layer must draw, from the rows of the chart's table. */
function expectedMarks(id: string, rows: Row[]): Record<string, number> {
  const n = rows.length;
  const count = (test: (r: Row) => boolean) => rows.filter(test).length;
  const withStart = count((r) => r.start !== null);
  switch (id) {
    case 'program-budgets':
      return { layer_0_marks: n, layer_1_marks: n };
    case 'investment-trend':
      return {
        layer_0_marks: count((r) => r.kind !== 'Target'),
        layer_1_marks: count((r) => r.kind === 'Target'),
        layer_2_marks: count((r) => r.floor === 'yes'),
        layer_3_marks: n,
      };
    case 'sector-summary':
      return { layer_0_marks: 3 * n, layer_1_marks: 3 * n };
    case 'targets-timeline':
      // Layer 2: a target's value beside its diamond (empty where it does not fit).
      return {
        layer_0_marks: withStart,
        layer_1_marks: n,
        layer_2_marks: count((r) => r.kind === 'Target' && r.detail !== ''),
      };
    case 'influence-matrix':
      return { layer_0_marks: n };
    case 'indicator-highlights':
      return Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`layer_${i}_marks`, n]));
    default:
      return { layer_0_marks: withStart, layer_1_marks: n, layer_2_marks: n };
  }
}

/** The title each x/y axis draws: its `axis.title`, else its encoding's `title` (axis-unit.ts sets both). */
function positionTitles(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) positionTitles(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'x' || key === 'y') && value && typeof value === 'object' && 'field' in value) {
        const enc = value as { title?: unknown; axis?: { title?: unknown } };
        const title = enc.axis?.title ?? enc.title;
        if (typeof title === 'string') out.push(title);
      }
      positionTitles(value, out);
    }
  }
  return out;
}

describe('every chart of the shipped dataset', () => {
  it('renders the six issue charts and one chart per sector, without diagnostics', () => {
    expect(renders.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(charts().map((c) => c.id)).toEqual([
      'indicator-highlights',
      'influence-matrix',
      'investment-trend',
      'program-budgets',
      'sector-summary',
      ...data.sectors.map((s) => `sector-${s.id}`),
      'targets-timeline',
    ]);
  });

  it('matches the golden compiled Vega spec', () => {
    for (const r of renders)
      expectGolden(`charts/${r.chart?.id}.vg.json`, `${JSON.stringify(r.vega, null, 2)}\n`);
  });

  it('draws one mark per data row in each layer', () => {
    const tables = deriveTableSet(data);
    for (const c of charts()) {
      const table = tables[TABLE_OF[c.id] ?? `sectorProfile.${c.id.replace(/^sector-/, '')}`];
      expect(table, c.id).toBeDefined();
      expect(markCounts(c.svg), c.id).toEqual(expectedMarks(c.id, table?.rows ?? []));
    }
  });

  it('leaves its title to the caption, keeps its key line and every axis title, all in the theme family', () => {
    let keyed = 0;
    for (const r of renders) {
      const c = r.chart as DrawnChart;
      const texts = svgTexts(c.svg);
      // The PDF caption and the slide title name the chart; the drawing does not repeat it.
      expect(
        texts.map((t) => t.text),
        c.id,
      ).not.toContain(c.title);
      const key = (r.vegaLite?.title as { text?: string } | undefined)?.text;
      if (key) {
        keyed += 1;
        expect(
          texts.map((t) => t.text),
          `${c.id} key line`,
        ).toContain(key);
      }
      const axisTitles = positionTitles(r.vegaLite);
      for (const title of axisTitles)
        expect(
          texts.map((t) => t.text),
          `${c.id} axis title`,
        ).toContain(title);
      for (const t of texts)
        expect(t.attributes, `${c.id}: ${t.text}`).toContain(`font-family="${th.fonts.family}"`);
    }
    // Every shipped spec has a subtitle, so every chart keeps a key line.
    expect(keyed).toBe(renders.length);
    expect(svgTexts(chart('investment-trend').svg).map((t) => t.text)).toContain(
      'Solid bar: a stated figure. Dashed outline: a target; ▲ marks "over"',
    );
    // The axis-title check is not vacuous: these charts have titled axes.
    expect(svgTexts(chart('program-budgets').svg).map((t) => t.text)).toContain('₩ billion (log scale)');
    expect(svgTexts(chart('investment-trend').svg).map((t) => t.text)).toEqual(
      expect.arrayContaining(['Year', '₩ trillion']),
    );
  });

  it('lays out labels that do not overlap, by the font’s measured widths', () => {
    const overlaps: string[] = [];
    for (const r of renders) {
      const boxes = r.textBoxes;
      expect(boxes.length, r.chart?.id).toBeGreaterThan(3);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (!a || !b) continue;
          const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
          const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
          if (dx > 0.5 && dy > 0.5) overlaps.push(`${r.chart?.id}: "${a.text}" × "${b.text}"`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('uses measured widths, not vega’s 0.8 × size estimate', () => {
    const label = renders.flatMap((r) => r.textBoxes).find((b) => b.text === 'Semiconductors');
    expect(label).toBeDefined();
    const width = (label?.x2 ?? 0) - (label?.x1 ?? 0);
    const measured = textMeasurer(testFonts.stack(th)).width('Semiconductors', th.sizes.chartLabel);
    expect(width).toBeCloseTo(measured, 0);
    expect(width).toBeLessThan(0.8 * th.sizes.chartLabel * 'Semiconductors'.length * 0.8);
  });

  it('has a glyph in the embedded font for every character it draws, Hangul and ₩ included', () => {
    const measurer = textMeasurer(testFonts.stack(th));
    const all = charts().flatMap((c) => svgTexts(c.svg).map((t) => t.text));
    expect(all.some((t) => /[\uAC00-\uD7A3]/.test(t))).toBe(true);
    expect(all.some((t) => t.includes('₩'))).toBe(true);
    for (const text of all) {
      expect(measurer.missingGlyphs(text), text).toEqual([]);
      expect(measurer.missingGlyphs(text, true), text).toEqual([]);
    }
  });

  it('writes a PNG at the theme scale that is not blank', () => {
    for (const c of charts()) {
      const pixels = decodePng(c.png);
      expect(pixels.width, c.id).toBe(Math.round(c.width * th.chart.pngScale));
      expect(pixels.height, c.id).toBe(Math.round(c.height * th.chart.pngScale));
      expect(inkPixels(pixels) / (pixels.width * pixels.height), c.id).toBeGreaterThan(0.02);
    }
  });

  it('carries alt text with the key figures, its data, sources and notes', () => {
    const budgets = entry('program-budgets');
    expect(chart('program-budgets').description).toBe(budgets.description);
    expect(budgets.description).toContain('₩100 trillion');
    expect(budgets.description).toContain('about US$47 billion');
    expect(budgets.figure.table.columns.map((c) => c.name)).toEqual([
      'name',
      'year',
      'amountText',
      'statedText',
      'valueBn',
    ]);
    expect(budgets.figure.table.rows[0]).toEqual(['AI investment fund', 2025, '₩100 trillion', '', 100000]);
    expect(budgets.figure.sources).toEqual(['park-2025']);
    expect(budgets.figure.notes.join(' ')).toContain('our arithmetic');
    expect(chart('investment-trend').description).toContain('over ₩30 trillion (target)');
    expect(entry('sector-summary').figure.notes[0]).toMatch(/^Counts are ours/);
    expect(chart('indicator-highlights').description).toContain(
      '1,012 robots per 10,000 manufacturing workers',
    );
    expect(chart('sector-robotics').title).toBe('Robotics: programmes, targets and indicators by year');
  });

  it('plots categories × series where the spec asks, format-neutral: values, qualifiers, scale', () => {
    // ₩44 billion to ₩100 trillion spans 2,270×: dots on a log axis, never bars (scale-rule.ts).
    expect(entry('program-budgets').figure.plot).toMatchObject({
      mark: 'dot',
      scale: { log: true, min: 10, factor: 1 },
      categories: [
        'AI investment fund',
        'Digital New Deal',
        expect.any(String),
        'Quantum research centres and expert training',
      ],
      series: [{ name: 'Value (computed)' }],
    });
    const budgets = entry('program-budgets').figure.plot?.series[0]?.points;
    expect(budgets?.map((p) => p.value)).toEqual([100000, 58000, 6800, 44]);
    expect(budgets?.map((p) => p.qualifier)).toEqual(['exact', 'over', 'exact', 'over']);
    // 6.8 to 30 trillion spans 4.4×: bars from zero on a linear axis, in trillions as the text says them.
    expect(entry('investment-trend').figure.plot).toMatchObject({
      mark: 'column',
      scale: { log: false, min: 0, factor: 0.001, unit: 'trillion' },
      axisTitles: { value: '₩ trillion' },
    });
    expect(entry('investment-trend').figure.plot?.series).toEqual([
      {
        // A series per status: figures of one year are grouped, never stacked (grouped-years.test.ts).
        name: 'Planned',
        colour: th.colours.palette[0],
        points: [{ value: 6.8, qualifier: 'exact' }, { value: null }],
      },
      // An aim: drawn as an outline, keeping the source's "over".
      {
        name: 'Target',
        colour: th.colours.target,
        target: true,
        points: [{ value: null }, { value: 30, qualifier: 'over' }],
      },
    ]);
    expect(entry('sector-summary').figure.plot?.series.map((s) => [s.name, s.points[0]?.value])).toEqual([
      ['Programmes (computed count)', 9],
      ['Targets (computed count)', 1],
      ['Indicators (computed count)', 0],
    ]);
    expect(entry('influence-matrix').figure.plot).toBeUndefined();
    // No writer's vocabulary: the Excel label formats are made by the deck (render/pptx/native-chart.ts).
    expect(JSON.stringify(catalogue)).not.toContain('labelFormats');
  });

  it('renders byte-identical SVG and PNG on a second run', async () => {
    const again = await renderEvery(data, th);
    expect(again.map((r) => r.chart?.svg)).toEqual(renders.map((r) => r.chart?.svg));
    for (const [i, r] of again.entries()) {
      expect(
        Buffer.from(r.chart?.png ?? []).equals(Buffer.from(renders[i]?.chart?.png ?? [])),
        r.chart?.id,
      ).toBe(true);
    }
  });
});
