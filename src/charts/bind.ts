/**
 * Binding: a spec file + its derived table + the theme → a self-contained Vega-Lite spec
 * (rows inlined as `datasets`, theme as `config`, tokens filled in). Pure: no vega here.
 */

import type { Dataset } from '../dataset/schema.js';
import type { DerivedTable } from '../derive/types.js';
import { type Diagnostic, error, formatPath } from '../diagnostics.js';
import type { TextMeasurer } from '../theme/metrics.js';
import type { Theme } from '../theme/schema.js';
import { applyUnitRule } from './axis-unit.js';
import type { ChartInstance } from './catalogue.js';
import { applyColourKey } from './colour-key.js';
import { gridLayout, gridRule, placeInGrid } from './grid.js';
import { applyMeasures, applyWraps, type WrapContext, wrapRules } from './label-wrap.js';
import { layoutSpec } from './layout.js';
import { applyScaleRule, chooseScale, LOG_AXIS_ROOM, type LogLabels, scaleMeta } from './scale-rule.js';
import { shareDomains } from './shared-domains.js';
import { briefkitMeta, isObject, type Json, type JsonObject, specTableNames } from './spec-file.js';
import { vegaLiteConfig } from './theme-config.js';
import { specTokens, substitute } from './tokens.js';
import { applyYearAxis } from './year-axis.js';

export interface BoundSpec {
  spec?: JsonObject;
  /** `usermeta.briefkit` with placeholders filled in (native chart colours, wraps). */
  meta: JsonObject;
  diagnostics: Diagnostic[];
  /** Whether the scale rule drew the figures on a log axis, whose labels depend on the plot's width. */
  logAxis?: boolean;
}

/** Theme config first, the spec's own config on top, one level deep (e.g. config.axis.labelAngle). */
function mergeConfig(theme: JsonObject, spec: Json | undefined): JsonObject {
  if (!isObject(spec)) return theme;
  const merged: JsonObject = { ...theme };
  for (const [key, value] of Object.entries(spec)) {
    const base = merged[key];
    merged[key] = isObject(base) && isObject(value) ? { ...base, ...value } : value;
  }
  return merged;
}

/**
 * The drawing carries no title: whatever places the chart titles it in its own type (the
 * PDF's numbered caption, the slide's title), and a second title inside the drawing only
 * repeated it. The subtitle stays, in its own style, as the line that explains the marks.
 * The spec's title text remains the chart's title (catalogue, captions, alt text).
 */
export function keyLine(title: Json | undefined, theme: Theme): JsonObject | undefined {
  if (!isObject(title) || title.subtitle === undefined || title.subtitle === null) return undefined;
  const {
    text: _text,
    subtitle,
    subtitleFont,
    subtitleFontSize,
    subtitleColor,
    subtitleFontWeight,
    ...rest
  } = title;
  for (const key of ['subtitleFontStyle', 'subtitleLineHeight', 'subtitlePadding']) delete rest[key];
  return {
    ...rest,
    text: subtitle,
    font: subtitleFont ?? theme.fonts.family,
    fontSize: subtitleFontSize ?? theme.sizes.chartLabel,
    color: subtitleColor ?? theme.colours.muted,
    fontWeight: subtitleFontWeight ?? 'normal',
  };
}

/** Whether the scale rule draws these rows on a log axis (scale-rule.ts). */
function scaleChoice(scale: Json | undefined, rows: DerivedTable['rows']): boolean {
  const rule = scaleMeta(scale);
  if (!rule) return false;
  return chooseScale(rows.map((r) => r[rule.field]).filter((v) => typeof v === 'number')).log;
}

export interface BindOptions {
  /** The plot's width for a log axis' labels, px, once a drawing has measured it (draw-charts.ts). */
  logAxisRoom?: number;
}

export function bindSpec(
  instance: ChartInstance,
  tables: Record<string, DerivedTable>,
  dataset: Dataset,
  theme: Theme,
  measurer: TextMeasurer,
  options: BindOptions = {},
): BoundSpec {
  const { spec: file } = instance;
  const diagnostics: Diagnostic[] = [];
  const filled = substitute(file.spec, specTokens(dataset, instance.sector, theme), (token, path) => {
    diagnostics.push(
      error('CHART_SPEC_INVALID', `unknown placeholder {{${token}}}`, {
        file: file.file,
        ...file.source.locate(path),
        path: formatPath(path),
        hint: 'placeholders are {{currency}}, {{currencySymbol}}, {{country}}, {{sector}}, {{programEvents}}, {{colour.<name>}} and {{colour.palette.<n>}}',
      }),
    );
  });
  if (diagnostics.length > 0 || !isObject(filled)) return { meta: {}, diagnostics };
  const meta = briefkitMeta(filled);
  const rules = wrapRules(meta.wrap);
  // A part of a continued chart takes its scale from all the rows drawn, so its parts agree (page-fit.ts).
  const scaleRows = (instance.whole ?? instance.table).rows;
  // Linear from zero, or dots on a log axis: the one rule the native chart follows too (scale-rule.ts).
  // A log axis' labels spaced on the plot's width, measured with the theme's font (scale-rule.ts).
  const labels: LogLabels = {
    room: options.logAxisRoom ?? LOG_AXIS_ROOM,
    measure: (text) => measurer.width(text, theme.sizes.chartLabel, false),
  };
  const scaleRuled = applyScaleRule(filled, meta.scale, scaleRows, instance.part !== undefined, labels);
  // One colour per category, at most the palette's (colour-key.ts); a year axis whose ticks hold every year (year-axis.ts).
  const ruled = applyYearAxis(
    applyColourKey(scaleRuled, meta.colourKey, scaleRows, theme),
    meta.years,
    scaleRows,
  );
  // Years, positions and colours that mean the same in every part (shared-domains.ts).
  const scaled = instance.part !== undefined ? shareDomains(ruled, scaleRows) : ruled;
  // Axis labels in the unit the text says them in ("€ billion"), as the native chart's (axis-unit.ts).
  const log = scaleChoice(meta.scale, scaleRows);
  const unitised = applyUnitRule(scaled, meta.unit, scaleRows, log, labels);
  const { usermeta: _usermeta, config, title, ...rest } = unitised;
  const chartWidth = typeof rest.width === 'number' ? rest.width : theme.chart.width;
  const grid = gridRule(meta.grid);
  const layout = grid ? gridLayout(instance.table.rows.length, grid.maxColumns) : undefined;
  const context: WrapContext = {
    measurer,
    size: theme.sizes.chartLabel,
    chartWidth,
    ...(layout ? { cellWidth: chartWidth / layout.columns } : {}),
  };
  const datasets: JsonObject = {};
  for (const name of specTableNames(filled)) {
    // A per-sector spec names the generic table; it gets this sector's rows.
    const main = name === file.table;
    const table = main ? instance.table : tables[name];
    if (!table) continue;
    // Only the spec's own table is laid out as cards.
    const rows = main && layout ? placeInGrid(table.rows, layout) : table.rows;
    const wrapped = applyWraps(rows, rules, main ? context : { ...context, cellWidth: undefined });
    datasets[name] = main ? applyMeasures(wrapped, meta.measure, context) : wrapped;
  }
  const key = keyLine(title, theme);
  const spec: JsonObject = {
    width: theme.chart.width,
    height: theme.chart.height,
    autosize: { type: 'fit-x', contains: 'padding' },
    ...rest,
    ...(key ? { title: key } : {}),
    datasets,
    config: mergeConfig(vegaLiteConfig(theme), config),
  };
  // Label space, band heights and the legend from the rows drawn (layout.ts).
  const laidOut = layoutSpec(spec, {
    measurer,
    theme,
    chartWidth,
    table: file.table,
    rules,
    continued: instance.part !== undefined,
  });
  return { spec: laidOut, meta, diagnostics, logAxis: log };
}
