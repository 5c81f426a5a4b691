/**
 * Charts: a native, editable PowerPoint chart from the figure's plot (its data lands in the
 * chart's embedded workbook), else the figure's PNG. Both carry the figure's alt text.
 */
import type { Asset, FigureBlock } from '../../document/model.js';
import { breakWords, whitespaceWords } from '../../text/line-break.js';
import type { TextMeasurer } from '../../theme/metrics.js';
import type { Theme } from '../../theme/schema.js';
import { type ChartStyle, chartStyle } from './chart-style.js';
import type { Box } from './geometry.js';
import { type NativeChart, nativeChart } from './native-chart.js';
import type { ChartOpts, Pptx, PptxSlide } from './pptx-types.js';
import { hex } from './pptx-types.js';
import { oneLine, xmlSafe } from './sanitize.js';

/** Data labels only where they stay readable. */
const MAX_LABELLED_POINTS = 14;

function typeOf(pptx: Pptx, native: NativeChart) {
  switch (native.type) {
    case 'bar':
    case 'column':
      return pptx.ChartType.bar;
    case 'line':
    case 'dot':
      return pptx.ChartType.line;
    case 'area':
      return pptx.ChartType.area;
    case 'pie':
      return pptx.ChartType.pie;
  }
}

function axisOptions(native: NativeChart, theme: Theme): ChartOpts {
  const font = theme.fonts.family;
  const muted = hex(theme.colours.muted);
  const size = Math.max(10, theme.sizes.chartLabel);
  const opts: ChartOpts = {
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: size,
    catAxisLabelColor: muted,
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: size,
    valAxisLabelColor: muted,
    valAxisLabelFormatCode: native.axisFormat ?? native.numberFormat,
    valGridLine: { color: hex(theme.colours.grid), size: 0.75 },
    catGridLine: { style: 'none' },
    valAxisLineShow: false,
    catAxisLineColor: hex(theme.colours.grid),
  };
  const cat = native.axisTitles.category;
  const val = native.axisTitles.value;
  if (cat)
    Object.assign(opts, {
      showCatAxisTitle: true,
      catAxisTitle: oneLine(cat),
      catAxisTitleFontFace: font,
      catAxisTitleFontSize: size,
      catAxisTitleColor: muted,
    });
  if (val)
    Object.assign(opts, {
      showValAxisTitle: true,
      valAxisTitle: oneLine(val),
      valAxisTitleFontFace: font,
      valAxisTitleFontSize: size,
      valAxisTitleColor: muted,
    });
  if (native.logScale) opts.valAxisLogScaleBase = 10;
  // The crossing stays automatic: LibreOffice compares a log value with an explicit crossing
  // unscaled, and then puts every label on the wrong side of its bar.
  if (native.axisMin !== undefined) opts.valAxisMinVal = native.axisMin;
  return opts;
}

export function nativeChartOptions(native: NativeChart, alt: string, box: Box, theme: Theme): ChartOpts {
  const font = theme.fonts.family;
  const pie = native.type === 'pie';
  const points = native.categories.length * native.series.length;
  const colours = pie
    ? native.categories.map((_, i) =>
        hex(theme.colours.palette[i % theme.colours.palette.length] ?? '#000000'),
      )
    : native.series.map((s) => hex(s.colour));
  const opts: ChartOpts = {
    ...box,
    altText: alt,
    chartColors: colours,
    showTitle: false,
    showLegend: pie || native.series.length > 1,
    legendPos: 'b',
    legendFontFace: font,
    legendFontSize: Math.max(10, theme.sizes.chartLabel),
    legendColor: hex(theme.colours.text),
    showValue: points <= MAX_LABELLED_POINTS && native.type !== 'area',
    dataLabelFormatCode: native.numberFormat,
    dataLabelFontFace: font,
    dataLabelFontSize: Math.max(9, theme.sizes.chartLabel - 1),
    dataLabelColor: hex(theme.colours.text),
    ...(pie ? { dataLabelPosition: 'bestFit' as const } : axisOptions(native, theme)),
  };
  // Series that never share a category (stated vs target years) would leave holes beside each
  // bar; overlapping them draws one centred bar per category, as the Vega-Lite chart does.
  const disjoint = native.categories.every(
    (_, c) => native.series.filter((s) => s.values[c] != null).length <= 1,
  );
  if ((native.type === 'bar' || native.type === 'column') && disjoint && native.series.length > 1) {
    opts.barOverlapPct = 100;
  }
  if (native.type === 'bar' || native.type === 'column') {
    Object.assign(opts, {
      barDir: native.type === 'bar' ? 'bar' : 'col',
      barGrouping: 'clustered',
      barGapWidthPct: 60,
      dataLabelPosition: 'outEnd',
    });
  }
  // Every category labelled, as in the drawing: a viewer otherwise skips every other one when
  // they crowd. Labels wrap to their room (categoryLabels); the chart stage draws no more rows
  // than a page holds, the rest on continued slides (src/charts/page-fit.ts).
  if (!pie) opts.catAxisLabelFrequency = '1';
  // Labels across stay upright: they are wrapped to their room (nativeLabels), never turned.
  if (!pie && native.type !== 'bar') opts.catAxisLabelRotate = 0;
  // A dot plot: PowerPoint's line chart with markers and no line (figures on a log axis, where
  // a bar's length would start at an arbitrary power of ten; src/charts/scale-rule.ts).
  if (native.type === 'dot')
    Object.assign(opts, {
      lineSize: 0,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 9,
      dataLabelPosition: 'r',
    });
  if (native.type === 'line')
    Object.assign(opts, {
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 6,
      dataLabelPosition: 't',
    });
  return opts;
}

/**
 * PowerPoint draws a horizontal bar chart's first category (and first series) at the bottom;
 * Vega-Lite and a reader go top-down. Handing the data over in reverse puts it the right way
 * up in every viewer (a reversed axis moves the value axis to the top in LibreOffice).
 */
export function topDown(native: NativeChart): NativeChart {
  if (native.type !== 'bar') return native;
  const flip = <T>(items: readonly T[]): T[] => [...items].reverse();
  return {
    ...native,
    categories: flip(native.categories),
    series: flip(native.series).map((s) => ({
      ...s,
      values: flip(s.values),
      ...(s.labelFormats ? { labelFormats: flip(s.labelFormats) } : {}),
    })),
  };
}

/** Largest box of the chart's aspect ratio inside `box`, centred horizontally. */
export function containBox(box: Box, width: number, height: number): Box {
  const scale = Math.min(box.w / width, box.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y, w, h };
}

/**
 * Whether a native chart has anything to draw: PowerPoint would draw a chart of no value as an
 * empty frame. The chart stage refuses a native field its table lacks (charts/native-check.ts);
 * a table whose figures are all missing still gets the drawn picture instead.
 */
function hasValues(native: NativeChart): boolean {
  return (
    native.categories.length > 0 &&
    native.series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)))
  );
}

/**
 * Share of a horizontal bar chart's width its category labels may take, as in the drawing
 * (src/charts/layout-common.ts LABEL_SHARE): a longer label wraps onto more lines.
 */
const LABEL_SHARE = 0.38;

/** A category label wrapped by the font's widths to `width` pt at `size` pt, lines joined by "\n". */
export function wrapCategory(label: string, width: number, size: number, m: TextMeasurer): string {
  const space = m.width(' ', size);
  const words = whitespaceWords(oneLine(label)).map((text) => ({ text, width: m.width(text, size), space }));
  return breakWords(words, width)
    .map((line) => line.map((w) => w.text).join(' '))
    .join('\n');
}

/** Least width a category across gets for its label, pt: narrower columns wrap no further. */
const MIN_CATEGORY_PT = 36;

/**
 * The category labels as drawn: down the side of a bar chart, wrapped to the label column;
 * across (columns, dots, lines), wrapped to each category's share of the plot's width, so that
 * every category keeps its label and none overprints its neighbour (box in inches).
 */
export function categoryLabels(native: NativeChart, box: Box, theme: Theme, m?: TextMeasurer): string[] {
  const size = Math.max(10, theme.sizes.chartLabel);
  if (!m || native.type === 'pie') return native.categories.map(oneLine);
  if (native.type === 'bar')
    return native.categories.map((c) => wrapCategory(c, box.w * 72 * LABEL_SHARE, size, m));
  // The value axis and its title take about an inch of the box; the rest is shared by the categories.
  const across = Math.max(MIN_CATEGORY_PT, ((box.w - 1) * 72) / Math.max(1, native.categories.length) - 6);
  return native.categories.map((c) => wrapCategory(c, across, size, m));
}

/**
 * Lines a category label across may wrap to. Longer labels would be turned and thinned out by
 * the viewer (LibreOffice labelled every other of the Japan budgets' ten dots, slanted), so a
 * chart whose labels across need more gets its drawing instead, whose labels sit down the side.
 */
export const MAX_ACROSS_LINES = 4;

/** The category labels to draw natively, or undefined when they do not fit across (the picture then). */
export function nativeLabels(
  native: NativeChart,
  box: Box,
  theme: Theme,
  m?: TextMeasurer,
): string[] | undefined {
  const labels = categoryLabels(native, box, theme, m);
  if (native.type === 'bar' || native.type === 'pie') return labels;
  return labels.every((l) => l.split('\n').length <= MAX_ACROSS_LINES) ? labels : undefined;
}

/** Whether drawChart draws the figure as a native chart in `box` (else it places the picture). */
export function drawsNatively(figure: FigureBlock, box: Box, theme: Theme, m?: TextMeasurer): boolean {
  const native = figure.plot && topDown(nativeChart(figure.plot));
  return Boolean(native && nativeLabels(native, box, theme, m) && hasValues(native));
}

/** Draws the chart; for a native chart, returns what the package step must still write into its part. */
export function drawChart(
  pptx: Pptx,
  slide: PptxSlide,
  figure: FigureBlock,
  picture: Asset,
  box: Box,
  theme: Theme,
  m?: TextMeasurer,
): ChartStyle | undefined {
  const altText = oneLine(figure.alt);
  const native = figure.plot && topDown(nativeChart(figure.plot));
  const labels = native && nativeLabels(native, box, theme, m);
  if (native && labels && hasValues(native)) {
    const data = native.series.map((s) => ({
      name: oneLine(s.name),
      labels,
      values: s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
    }));
    slide.addChart(typeOf(pptx, native), data, nativeChartOptions(native, altText, box, theme));
    return chartStyle(native);
  }
  // Only the PNG bytes of the asset bag: never a path or URL (pptxgenjs would read or fetch it).
  const fitted = containBox(box, picture.width, picture.height);
  slide.addImage({
    data: `image/png;base64,${Buffer.from(picture.bytes).toString('base64')}`,
    ...fitted,
    altText: xmlSafe(altText),
  });
  return undefined;
}
