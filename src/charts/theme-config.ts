/** The theme as a Vega-Lite config: the charts share the documents' font, colours and sizes. */
import type { Theme } from '../theme/schema.js';
import type { JsonObject } from './spec-file.js';

export function vegaLiteConfig(theme: Theme): JsonObject {
  const { colours: c, sizes: s, fonts } = theme;
  const family = fonts.family;
  const label = { labelFont: family, labelFontSize: s.chartLabel, labelColor: c.text };
  const title = {
    titleFont: family,
    titleFontSize: s.chartLabel,
    titleColor: c.text,
    titleFontWeight: 'bold',
  };
  return {
    background: c.background,
    font: family,
    padding: 6,
    view: { stroke: null },
    title: {
      font: family,
      fontSize: s.chartTitle,
      fontWeight: 'bold',
      color: c.accent,
      anchor: 'start',
      subtitleFont: family,
      subtitleFontSize: s.chartLabel,
      subtitleColor: c.muted,
      offset: 12,
    },
    axis: { ...label, ...title, gridColor: c.grid, domainColor: c.muted, tickColor: c.muted, labelLimit: 0 },
    legend: { ...label, ...title, symbolStrokeWidth: 1.5 },
    header: { ...label, ...title },
    text: { font: family, fontSize: s.chartLabel, color: c.text },
    mark: { color: c.palette[0] ?? c.accent },
    range: { category: [...c.palette] },
  };
}
