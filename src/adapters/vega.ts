/**
 * The vega adapter: the one place that replaces part of vega's internals. Its upgrade test
 * (test/adapters/vega.test.ts) checks that vega still lays text out through the function
 * replaced here, so a vega upgrade fails there first.
 *
 * Internal used (vega 6.4.0): `textMetrics.width(item, text)`, exported by vega-scenegraph and
 * re-exported by vega but not declared by vega-typings; the axis, legend and text-mark layout
 * (and vega's own `limit` truncation) measure text through it.
 */
type Vega = typeof import('vega');

/** The part of vega's text metrics replaced here. */
export interface VegaTextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number;
}

/** What the measured widths come from (theme/metrics.ts's TextMeasurer fits). */
export interface WidthSource {
  width(text: string, size: number, bold?: boolean): number;
}

export function vegaTextMetrics(vega: Vega): VegaTextMetrics {
  // Narrow cast at the library boundary: `textMetrics` is exported but untyped.
  return (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
}

function isBold(weight: string | number | undefined): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (weight !== undefined && Number(weight) >= 600);
}

/**
 * Text widths from the real font: vega's estimate without canvas (0.8 × size per
 * character) lays labels out wrongly. No truncation here: vega calls this to truncate.
 * vega's text metrics are one object per process, so the last measurer installed wins:
 * charts/draw.ts installs its measurer before every chart it lays out.
 */
export function useMeasuredText(vega: Vega, measurer: WidthSource): void {
  vegaTextMetrics(vega).width = (item, text) => {
    const value = text == null ? '' : String(text).trim();
    return measurer.width(value, item.fontSize ?? 11, isBold(item.fontWeight));
  };
}
