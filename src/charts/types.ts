/**
 * What the chart stage hands on. Before drawing: a catalogue entry per chart (document/template-data.ts
 * `ChartEntry`: id, title, alt text and its figure's content, figure-content.ts). After: the drawing,
 * filed in the asset bag under the keys the figure names (figure-content.ts `chartAssets`).
 */

/** A drawn chart: the same chart as SVG (the PDF's vector figure) and as PNG (the deck's picture). */
export interface DrawnChart {
  id: string;
  title: string;
  /** Alt text: what the chart shows, with its key figures; never just "a bar chart". */
  description: string;
  /** Named with `<title>` and `<desc>` (draw-charts.ts `withAccessibleName`). */
  svg: string;
  /** PNG at theme.chart.pngScale × the SVG size. */
  png: Uint8Array;
  /** SVG size in CSS pixels (1 px = 0.75 pt). */
  width: number;
  height: number;
}
