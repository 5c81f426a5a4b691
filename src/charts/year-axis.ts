/**
 * `usermeta.briefkit.years: {channel, maxTicks}`: a year axis that holds every year drawn. The
 * domain runs from a tick at or before the first year to a tick at or after the last, ticks a
 * round number of years apart (1, 2, 5, 10…), at most `maxTicks` of them, and the axis and its
 * grid are drawn at exactly those ticks: the Japan timeline's 2031 target sat past its last tick
 * and gridline (2030), as vega's own ticks leave the domain's ends unmarked. The years are
 * those of every quantitative field on the channel (a dashed line's start too), of all the rows
 * of a continued chart, so its parts share one axis.
 */
import type { Row } from '../derive/types.js';
import { encodingsOf, extent, positionFields } from './shared-domains.js';
import { isObject, type Json, type JsonObject } from './spec-file.js';

const STEPS = [1, 2, 5];

/** The first and last tick and the step between ticks for years `low`…`high`. */
export function yearTicks(low: number, high: number, maxTicks: number): number[] {
  for (let scale = 1; ; scale *= 10)
    for (const base of STEPS) {
      const step = base * scale;
      const first = Math.floor(low / step) * step;
      const last = Math.ceil(high / step) * step;
      const count = (last - first) / step + 1;
      if (count <= Math.max(2, maxTicks)) return Array.from({ length: count }, (_, i) => first + i * step);
    }
}

function rewrite(node: JsonObject, channel: string, ticks: number[]): JsonObject {
  const out: JsonObject = { ...node };
  if (isObject(out.encoding)) {
    const enc = out.encoding[channel];
    if (isObject(enc) && enc.type === 'quantitative') {
      const scale = isObject(enc.scale) ? enc.scale : {};
      const axis = isObject(enc.axis) ? { ...enc.axis, values: ticks } : enc.axis;
      out.encoding = {
        ...out.encoding,
        [channel]: {
          ...enc,
          scale: { ...scale, domain: [ticks[0] ?? 0, ticks.at(-1) ?? 0], nice: false },
          ...(axis !== undefined ? { axis } : {}),
        },
      };
    }
  }
  if (Array.isArray(out.layer))
    out.layer = out.layer.map((l) => (isObject(l) ? rewrite(l, channel, ticks) : l));
  return out;
}

export function applyYearAxis(spec: JsonObject, meta: Json | undefined, rows: readonly Row[]): JsonObject {
  if (!isObject(meta)) return spec;
  const channel = meta.channel === 'y' ? 'y' : 'x';
  const maxTicks = typeof meta.maxTicks === 'number' ? meta.maxTicks : 8;
  const fields = positionFields(encodingsOf(spec), channel);
  const range = extent(rows, fields);
  return range ? rewrite(spec, channel, yearTicks(range[0], range[1], maxTicks)) : spec;
}
