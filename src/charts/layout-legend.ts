/**
 * Colour legends laid out from the data (issue 11, layout.ts): a category gets a colour of its
 * own or none. When a colour field has more categories than the theme's palette (which would
 * repeat colours in one legend), or a label too long for the legend's row, the colour goes
 * and each row's label names its category instead ("direct labels"): the chart reads the same
 * with any number of categories. Categories longer than DIRECT_MAX go uncoloured: written into
 * every label they would triple its lines; the figure's data table names each row's. Otherwise the legend sits above the plot, in as many columns
 * as the measured labels allow, never cut short.
 */
import type { Row } from '../derive/types.js';
import { eachNode, LABEL_SHARE, type LayoutContext } from './layout-common.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

/** A legend entry's symbol and the gap before its label, and the gap between columns, px. */
const SYMBOL = 18;
const COLUMN_GAP = 12;
/** Longest category written into a row's label, characters (two lines of a 38% label column). */
const DIRECT_MAX = 60;

interface ColourUse {
  field: string;
  categories: string[];
  /** The spec names its own colours: the palette's length does not limit it. */
  ownRange: boolean;
}

function colourUse(spec: JsonObject, rows: readonly Row[]): ColourUse | undefined {
  let use: ColourUse | undefined;
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.color;
    if (use || !isObject(enc) || typeof enc.field !== 'string' || enc.legend === null) return;
    if (enc.type !== undefined && enc.type !== 'nominal' && enc.type !== 'ordinal') return;
    const scale = isObject(enc.scale) ? enc.scale : {};
    const field = enc.field;
    const fromRows = rows.some((r) => field in r);
    // A domain stated (or shared by a continued chart's parts, shared-domains.ts) is every
    // category the colours must tell apart, those of other parts included.
    const categories = Array.isArray(scale.domain)
      ? scale.domain.map(String)
      : fromRows
        ? [...new Set(rows.map((r) => String(r[field] ?? '')))]
        : [];
    use = { field, categories, ownRange: Array.isArray(scale.range) };
  });
  return use;
}

/** The wrap rule of the labels down the side, whose text can carry the category. */
function sideLabelSource(spec: JsonObject, context: LayoutContext): string | undefined {
  let source: string | undefined;
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.y;
    if (source || !isObject(enc) || typeof enc.field !== 'string') return;
    source = context.rules.find((r) => r.as === enc.field)?.field;
  });
  return source;
}

function setLegend(spec: JsonObject, field: string, legend: Json | undefined): void {
  eachNode(spec, (_node, encoding) => {
    const enc = encoding.color;
    if (!isObject(enc) || enc.field !== field) return;
    if (legend === undefined) delete encoding.color;
    else encoding.color = { ...enc, legend };
  });
}

export function layoutLegend(spec: JsonObject, rows: Row[], context: LayoutContext): void {
  const use = colourUse(spec, rows);
  if (!use || use.categories.length === 0) return;
  const size = context.theme.sizes.chartLabel;
  const widest = Math.max(...use.categories.map((c) => context.measurer.width(c, size)));
  const source = sideLabelSource(spec, context);
  // The legend starts where the plot does: right of a label column of up to LABEL_SHARE.
  const room = context.chartWidth * (source ? 1 - LABEL_SHARE : 1) - 24;
  const item = SYMBOL + widest + COLUMN_GAP;
  const palette = context.theme.colours.palette.length;
  const fits = (use.ownRange || use.categories.length <= palette) && item <= room;
  if (fits) {
    const columns = Math.max(1, Math.min(use.categories.length, Math.floor(room / item)));
    setLegend(spec, use.field, {
      orient: 'top',
      direction: 'horizontal',
      columns,
      labelLimit: Math.ceil(widest + 2),
      title: null,
    });
    return;
  }
  // Direct labels need labels to carry the name; a chart without them keeps its colours.
  if (!source) return;
  setLegend(spec, use.field, undefined);
  // A long category would make every label several lines more: the data table names it instead.
  if (use.categories.some((c) => c.length > DIRECT_MAX)) return;
  for (const row of rows) {
    const category = String(row[use.field] ?? '');
    if (category) row[source] = `${String(row[source] ?? '')} (${category})`;
  }
}
