/**
 * What pptxgenjs cannot say per series, written into the chart part after it: a target series
 * as a dashed outline over a light tint (an aim, not a figure, as the Vega-Lite chart draws it),
 * and a data label that keeps its qualifier ("over 30,000") through a per-point number
 * format, so the label still follows the value when a presenter edits the chart's data.
 * pptxgenjs 4.0.1 has one fill opacity, one border and one label format for all series.
 */
import { escapeXml } from '../../text/xml.js';
import type { NativeChart } from './native-chart.js';
import { hex } from './pptx-types.js';

export interface SeriesStyle {
  /** The series' index in the chart (`c:ser/c:idx`). */
  index: number;
  colour: string;
  target: boolean;
  /** Per point: the label's number format, or null to keep the series' format. */
  labelFormats: (string | null)[];
}

/** One entry per native chart, in the order the charts were added to the deck. */
export interface ChartStyle {
  series: SeriesStyle[];
}

export function chartStyle(native: NativeChart): ChartStyle {
  return {
    series: native.series.map((s, index) => ({
      index,
      colour: hex(s.colour),
      target: s.target === true,
      labelFormats: s.values.map((_, i) => s.labelFormats?.[i] ?? null),
    })),
  };
}

/** True when the style changes nothing pptxgenjs wrote. */
export function isPlain(style: ChartStyle): boolean {
  return style.series.every((s) => !s.target && s.labelFormats.every((f) => f === null));
}

/** Tint and dashed outline in the series' colour. */
function targetShape(colour: string): string {
  return (
    `<c:spPr><a:solidFill><a:srgbClr val="${colour}"><a:alpha val="14000"/></a:srgbClr></a:solidFill>` +
    `<a:ln w="19050"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>`
  );
}

/**
 * Per-point labels (`c:dLbl`, before the series' own settings as CT_DLbls orders them):
 * the series' label settings with the point's number format.
 */
function pointLabels(dLbls: string, formats: readonly (string | null)[]): string {
  const inner = /^<c:dLbls>([\s\S]*)<\/c:dLbls>$/.exec(dLbls)?.[1];
  if (inner === undefined) return dLbls;
  // CT_DLbl has no showLeaderLines; the rest of the series' settings apply as they are.
  const settings = inner.replace(/<c:numFmt\b[^>]*\/>/, '').replace(/<c:showLeaderLines\b[^>]*\/>/, '');
  const points = formats
    .map((format, idx) =>
      format === null
        ? ''
        : `<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>${settings}</c:dLbl>`,
    )
    .join('');
  return `<c:dLbls>${points}${inner}</c:dLbls>`;
}

function styleSeries(ser: string, style: SeriesStyle): string {
  let out = ser;
  if (style.target) out = out.replace(/<c:spPr>[\s\S]*?<\/c:spPr>/, targetShape(style.colour));
  if (style.labelFormats.some((f) => f !== null))
    out = out.replace(/<c:dLbls>[\s\S]*?<\/c:dLbls>/, (dLbls) => pointLabels(dLbls, style.labelFormats));
  return out;
}

/** Applies `style` to a chart part pptxgenjs wrote (`ppt/charts/chartN.xml`). */
export function styleChartXml(xml: string, style: ChartStyle): string {
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const index = Number(/<c:idx val="(\d+)"\/>/.exec(ser)?.[1]);
    const s = style.series.find((x) => x.index === index);
    return s ? styleSeries(ser, s) : ser;
  });
}
