/**
 * A figure's plot (document/model.ts `FigurePlot`) as PowerPoint draws it natively: series with
 * Excel number formats for their data labels (the qualifier's word, the decimals a figure
 * needs, a range's upper end: label-format.ts) and an axis format that does not round small
 * ticks to "0". Only the deck needs these; the chart stage's plot is format-neutral.
 */
import type { FigurePlot } from '../../document/model.js';
import { axisFormat, pointLabelFormat } from './label-format.js';

export interface NativeSeries {
  name: string;
  values: (number | null)[];
  colour: string;
  /** An aim, not a figure: drawn as a dashed outline, as the Vega-Lite chart draws it. */
  target?: boolean;
  /**
   * Per point, the data label's Excel number format when the chart's own would not say it
   * right (a qualifier's word, more decimals, a range's upper end): `"over "#,##0.00`,
   * `"about "#,##0"–5"`; null keeps `numberFormat`. Aligned with `values`.
   */
  labelFormats?: (string | null)[];
}

/** A chart PowerPoint can draw natively (editable, data in the chart sheet). */
export interface NativeChart {
  type: FigurePlot['mark'];
  categories: string[];
  series: NativeSeries[];
  axisTitles: { category?: string; value?: string };
  /** Excel number format for values and data labels, e.g. '#,##0.0'. */
  numberFormat: string;
  logScale?: boolean;
  /** Where the value axis starts (a log axis: the power of ten below the smallest value). */
  axisMin?: number;
  /** The value axis' number format when `numberFormat` would round its ticks (0.1 → "0"). */
  axisFormat?: string;
}

export function nativeChart(plot: FigurePlot): NativeChart {
  const { numberFormat, scale } = plot;
  const series = plot.series.map((s): NativeSeries => {
    const labelFormats = s.points.map((point) => pointLabelFormat(point, numberFormat));
    return {
      name: s.name,
      values: s.points.map((point) => point.value),
      colour: s.colour,
      // A target's dashed outline is a bar's; a dot plot tells targets by colour and legend.
      ...(s.target && plot.mark !== 'dot' ? { target: true } : {}),
      ...(labelFormats.some((f) => f !== null) ? { labelFormats } : {}),
    };
  });
  return {
    type: plot.mark,
    categories: plot.categories,
    series,
    axisTitles: plot.axisTitles,
    numberFormat,
    ...(scale.log ? { logScale: true } : {}),
    ...(scale.min === undefined
      ? {}
      : { axisMin: scale.min, axisFormat: axisFormat(numberFormat, scale.min) }),
  };
}
