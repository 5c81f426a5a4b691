/**
 * Issue 11: a chart continued over several figures spreads its rows evenly over the parts
 * (src/charts/page-fit.ts), and an A4 page holds more rows than US Letter (rowsRoomOf).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindCharts } from '../../src/charts/catalogue.js';
import { pageSplit, ROWS_ROOM, rowsRoomOf } from '../../src/charts/page-fit.js';
import { validateDatasetText } from '../../src/dataset/load.js';
import { textMeasurer } from '../../src/theme/metrics.js';
import { testFonts } from '../support/theme.js';
import { CHARTS_DIR, ROOT, theme } from './support.js';

describe('continued charts', () => {
  it('spread their rows evenly over the parts, and an A4 page holds more than US Letter', async () => {
    const th = await theme();
    expect(rowsRoomOf({ ...th, page: { ...th.page, size: 'LETTER' } })).toBe(ROWS_ROOM);
    expect(rowsRoomOf({ ...th, page: { ...th.page, size: 'A4' } })).toBeGreaterThan(ROWS_ROOM);
    // The Japan fixture's budgets: every row's band is its longest name's, so even parts all fit.
    const file = join(ROOT, 'test', 'fixtures', 'datasets', 'japan-semiconductors-ai.yaml');
    const data = validateDatasetText(readFileSync(file, 'utf8'), file).dataset;
    if (!data) throw new Error('no dataset');
    const bound = await bindCharts(data, CHARTS_DIR);
    const budgets = bound.instances.find((i) => i.id === 'program-budgets');
    if (!budgets) throw new Error('no budgets chart');
    const split = pageSplit(budgets, data, th, textMeasurer(testFonts.stack(th)));
    const sizes = split.parts.map((p) => p.rows.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(split.kept.rows.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  }, 120_000);
});
