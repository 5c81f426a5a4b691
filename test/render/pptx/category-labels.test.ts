/**
 * Every category of a native deck chart is labelled (issue 11): the Japan deck's programme
 * budgets, a dot plot on a log axis, labelled every other dot. The axis now skips no label
 * (tickLblSkip 1) and each label wraps to its category's room, measured with the real font.
 */
import { describe, expect, it } from 'vitest';
import { chartJobs } from '../../../src/pipeline/chart-step.js';
import { MAX_ACROSS_LINES, nativeChartOptions, nativeLabels } from '../../../src/render/pptx/draw-chart.js';
import { BODY_BOX } from '../../../src/render/pptx/geometry.js';
import { nativeChart } from '../../../src/render/pptx/native-chart.js';
import { textMeasurer } from '../../../src/theme/metrics.js';
import { CHARTS_DIR, dataset, theme } from '../../charts/support.js';
import { testFonts } from '../../support/theme.js';

describe('native deck charts with many categories', () => {
  it('label every category of the Japan programme budgets, each label within its room', async () => {
    const th = await theme();
    const japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
    const plan = await chartJobs(japan, th, CHARTS_DIR, testFonts);
    const m = textMeasurer(testFonts.stack(th));
    const entry = plan.catalogue.find((e) => e.id === 'program-budgets');
    const plots = [entry, ...(entry?.continued ?? [])].flatMap((e) =>
      e?.figure.plot ? [e.figure.plot] : [],
    );
    expect(plots.length).toBeGreaterThan(0);
    // Many categories in all (the budgets may continue over parts, one of them short).
    expect(plots.reduce((n, plot) => n + nativeChart(plot).categories.length, 0)).toBeGreaterThan(6);
    const size = Math.max(10, th.sizes.chartLabel);
    for (const plot of plots) {
      const native = nativeChart(plot);
      expect(native.categories.length).toBeGreaterThan(0);
      expect(nativeChartOptions(native, 'alt', BODY_BOX, th).catAxisLabelFrequency).toBe('1');
      // Labels that do not fit across in a few lines: the deck shows the drawing instead.
      const labels = nativeLabels(native, BODY_BOX, th, m);
      if (!labels) continue;
      expect(labels).toHaveLength(native.categories.length);
      for (const label of labels) expect(label.split('\n').length).toBeLessThanOrEqual(MAX_ACROSS_LINES);
      const room = native.type === 'bar' ? BODY_BOX.w * 72 * 0.38 : ((BODY_BOX.w - 1) * 72) / labels.length;
      for (const [i, label] of labels.entries()) {
        // The whole name, wrapped: no word lost.
        expect(label.replace(/\n/g, ' ')).toBe(native.categories[i]?.replace(/\s+/g, ' ').trim());
        for (const line of label.split('\n'))
          if (line.includes(' ')) expect(m.width(line, size), line).toBeLessThanOrEqual(Math.max(room, 36));
      }
    }
  });

  it('keeps short labels across native: the Japan years, every one labelled and upright', async () => {
    const th = await theme();
    const japan = await dataset('test/fixtures/datasets/japan-semiconductors-ai.yaml');
    const plan = await chartJobs(japan, th, CHARTS_DIR, testFonts);
    const plot = plan.catalogue.find((e) => e.id === 'investment-trend')?.figure.plot;
    if (!plot) throw new Error('no investment plot');
    const native = nativeChart(plot);
    const labels = nativeLabels(native, BODY_BOX, th, textMeasurer(testFonts.stack(th)));
    expect(labels).toHaveLength(native.categories.length);
    const opts = nativeChartOptions(native, 'alt', BODY_BOX, th);
    expect([opts.catAxisLabelFrequency, opts.catAxisLabelRotate]).toEqual(['1', 0]);
  });
});
