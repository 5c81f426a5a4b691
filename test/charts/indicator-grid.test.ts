/**
 * The indicator cards adapt to the number of indicators: from one to six, every label stays
 * inside its card and no two texts overlap (four cards of a fixed 210 px wrap overlapped).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gridLayout } from '../../src/charts/grid.js';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Theme } from '../../src/theme/schema.js';
import { dataset, renderEvery, theme } from './support.js';

const FIXTURE = 'test/fixtures/datasets/veloria-test-fixture.yaml';

let base: Dataset;
let pool: Dataset['indicators'];
let th: Theme;

beforeAll(async () => {
  base = await dataset(FIXTURE);
  const korea = await dataset();
  th = await theme();
  // Veloria's four indicators, then Korea's two as whole-economy ones (no Korean sector ids).
  pool = [...base.indicators, ...korea.indicators.map((i) => ({ ...i, sector: undefined, sectors: [] }))];
});

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The card rectangles of the chart's first layer, from the SVG (`M x,y h w v h h -w Z`), in the
 * SVG's coordinates as the text boxes are (src/charts/draw.ts): moved by the root group's offset.
 */
function cards(svg: string): Box[] {
  const offset = /<g[^>]*transform="translate\(([\d.-]+),([\d.-]+)\)"/.exec(svg);
  const [dx, dy] = [Number(offset?.[1] ?? 0), Number(offset?.[2] ?? 0)];
  const layer = /<g class="mark-rect role-mark layer_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...layer.matchAll(/d="M([\d.-]+),([\d.-]+)h([\d.-]+)v([\d.-]+)h/g)].map((m) => {
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    return { x1: x + dx, y1: y + dy, x2: x + dx + w, y2: y + dy + h };
  });
}

const inside = (a: Box, card: Box) =>
  a.x1 >= card.x1 - 0.5 && a.x2 <= card.x2 + 0.5 && a.y1 >= card.y1 - 0.5 && a.y2 <= card.y2 + 0.5;

const overlap = (a: Box, b: Box) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

describe('indicator cards', () => {
  it('lay out in rows of at most four, spread evenly', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => gridLayout(n, 4))).toEqual([
      { columns: 1, rows: 1 },
      { columns: 2, rows: 1 },
      { columns: 3, rows: 1 },
      { columns: 4, rows: 1 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 4, rows: 2 },
      { columns: 3, rows: 3 },
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'keep every text of %i indicators inside its card, none overlapping',
    async (n) => {
      const data = { ...base, indicators: pool.slice(0, n) };
      const renders = await renderEvery(data, th);
      const render = renders.find((r) => r.chart?.id === 'indicator-highlights');
      expect(render?.diagnostics).toEqual([]);
      const rects = cards(render?.chart?.svg ?? '');
      expect(rects).toHaveLength(n);
      const texts = (render?.textBoxes ?? []).filter((b) => b.role === 'mark');
      // A label, a figure, a sector-and-year line at least, per card.
      expect(texts.length).toBeGreaterThanOrEqual(3 * n);
      const outside = texts.filter((t) => !rects.some((r) => inside(t, r))).map((t) => t.text);
      expect(outside).toEqual([]);
      const clashes: string[] = [];
      for (const [i, a] of texts.entries())
        for (const b of texts.slice(i + 1)) if (overlap(a, b)) clashes.push(`"${a.text}" × "${b.text}"`);
      expect(clashes).toEqual([]);
    },
  );
});
