/**
 * `usermeta.briefkit.unit: {field, of}`: the spec's `field` holds amounts in the unit `of`
 * ("billion"). The drawing's axes of that field are then labelled in the unit the figures read
 * best in (native-scale.ts `valueScale`, the rule the deck's native chart follows too): a
 * €6,000–40,000 million axis reads 6 … 40 under "€ billion". Every `{unit}` in the spec's
 * text becomes that unit's word, so a title written `"{{currencySymbol}} {unit}"` says
 * "€ billion" or "JP¥ trillion" as the briefing's sentences do, for any currency.
 *
 * Only the axis labels are divided (a `labelExpr`); the data, the marks and the scale rule
 * (scale-rule.ts) see the field as it is.
 */
import type { Row } from '../derive/types.js';
import { isUnit, type Unit, valueScale } from './native-scale.js';
import { LOG_AXIS_ROOM, type LogLabels, labelledOnly, logDomain } from './scale-rule.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

export interface UnitRule {
  field: string;
  of: Unit;
}

export function unitRule(meta: Json | undefined): UnitRule | undefined {
  if (!isObject(meta) || typeof meta.field !== 'string' || !isUnit(meta.of)) return undefined;
  return { field: meta.field, of: meta.of };
}

const POSITION = ['x', 'y'] as const;
const UNIT_TOKEN = /\s*\{unit\}/g;

/** The axis label of a tick at `factor` times its value, grouped, with the digits it has. */
function labelExpr(factor: number): string {
  // Dividing by a power of ten keeps 2000 → 2 exact, where multiplying by 0.001 would not.
  const value = factor < 1 ? `datum.value / ${Math.round(1 / factor)}` : `datum.value * ${factor}`;
  return `format(${value}, ',~r')`;
}

const word = (unit: string) => (unit === 'one' ? '' : unit);
const withWord = (text: string, unit: string) => text.replace(UNIT_TOKEN, unit ? ` ${unit}` : '').trim();

/**
 * The field's axes labelled in the drawn unit. The axis carries the drawn unit's title; the
 * encoding keeps the field's own ("€ million"), because a mark's accessible label reads the
 * field's value under the encoding's title ("€ million: 6,000"), never a value of another unit.
 */
/** A log axis' labels (scale-rule.ts) with the figures' extent. */
interface LabelRoom extends LogLabels {
  domain: [number, number] | undefined;
}

function relabel(
  node: JsonObject,
  rule: UnitRule,
  factor: number,
  unit: string,
  room: LabelRoom,
): JsonObject {
  const out: JsonObject = { ...node };
  if (isObject(out.encoding)) {
    const encoding = { ...out.encoding };
    for (const channel of POSITION) {
      const enc = encoding[channel];
      // Labelled even at factor 1: ',~r' writes 1,000,000 where a ',~g' axis format writes 1e+6.
      if (!isObject(enc) || enc.field !== rule.field) continue;
      const given = isObject(enc.axis) ? enc.axis : {};
      const format = labelExpr(factor);
      // A log axis' ticks (scale-rule.ts) keep a label only where the labels fit, in this unit.
      const ticks = Array.isArray(given.values) ? given.values.filter((v) => typeof v === 'number') : [];
      const scaled = (v: number) => (factor < 1 ? v / Math.round(1 / factor) : v * factor);
      const logScale = isObject(enc.scale) && enc.scale.type === 'log';
      const axis: JsonObject = {
        ...given,
        labelExpr:
          logScale && ticks.length > 0 ? labelledOnly(ticks, scaled, format, room, room.domain) : format,
      };
      const title = enc.title;
      if (typeof title === 'string' && title.includes('{unit}')) {
        if (axis.title === undefined) axis.title = withWord(title, unit);
        encoding[channel] = { ...enc, title: withWord(title, word(rule.of)), axis };
      } else encoding[channel] = { ...enc, axis };
    }
    out.encoding = encoding;
  }
  if (Array.isArray(out.layer))
    out.layer = out.layer.map((layer) =>
      isObject(layer) ? relabel(layer, rule, factor, unit, room) : layer,
    );
  return out;
}

/** Every `{unit}` of the spec's strings (not its usermeta) as `unit`; "€ {unit}" with no unit reads "€". */
function fillUnit(node: Json, unit: string): Json {
  if (typeof node === 'string') return node.includes('{unit}') ? withWord(node, unit) : node;
  if (Array.isArray(node)) return node.map((item) => fillUnit(item, unit));
  if (isObject(node))
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === 'usermeta' ? value : fillUnit(value, unit)]),
    );
  return node;
}

/**
 * The spec with its unit rule applied over `rows`; `log` is the scale rule's choice for them.
 * A spec without `unit` is as written.
 */
export function applyUnitRule(
  spec: JsonObject,
  meta: Json | undefined,
  rows: readonly Row[],
  log: boolean,
  labels: LogLabels = { room: LOG_AXIS_ROOM },
): JsonObject {
  const rule = unitRule(meta);
  if (!rule) return spec;
  const values = rows.map((r) => r[rule.field]).filter((v): v is number => typeof v === 'number');
  const { factor, unit } = valueScale(values, rule.of, log);
  const filled = fillUnit(relabel(spec, rule, factor, unit, { ...labels, domain: logDomain(values) }), unit);
  return isObject(filled) ? filled : spec;
}
