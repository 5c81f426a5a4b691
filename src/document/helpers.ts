/**
 * The Handlebars helpers analysts use. Each checks its arguments and reports a
 * TEMPLATE_HELPER_ARGS diagnostic at the call's position instead of throwing; none touches
 * the file system, the network or any global.
 */
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPlural,
  formatQuantity,
  isFigureStatus,
  lowerFirst,
  pluralNoun,
  statusVerb,
} from '../dataset/wording.js';
import {
  asNumber,
  asString,
  describe,
  fail,
  type HelperTable,
  isMoney,
  isQuantity,
  truthy,
} from './helper-args.js';
import { registerAlternativeHelpers } from './helpers-alternatives.js';
import { registerDeckHelpers } from './helpers-deck.js';
import { registerFigureHelpers } from './helpers-figures.js';
import { registerLeadFigureHelpers } from './helpers-lead-figures.js';
import { registerListHelpers } from './helpers-lists.js';
import { registerRelatedSectorHelpers } from './helpers-related-sectors.js';
import { registerRelationHelpers } from './helpers-relations.js';
import { registerSectorBriefHelpers } from './helpers-sector-brief.js';
import { registerSourceHelpers } from './helpers-sources.js';
import { registerTileHelpers } from './helpers-tiles.js';
import type { RenderState } from './render-state.js';

function optionalNumber(hash: Record<string, unknown>, key: string): number | undefined {
  return hash[key] === undefined ? undefined : asNumber(hash[key], `${key}=`);
}

/** Figures: money, numbers, percentages, quantities, dates, plurals. */
const figureHelpers: HelperTable = {
  money([value], { hash }) {
    if (!isMoney(value))
      return fail(`money needs an amount of money (amount, currency, scale), got ${describe(value)}`);
    const rate = optionalNumber(hash, 'rate');
    const to = hash.to === undefined ? undefined : asString(hash.to, 'to=');
    if ((rate === undefined) !== (to === undefined)) fail('a conversion needs both to="USD" and rate=…');
    if (rate !== undefined && rate <= 0) fail('rate= must be a positive number');
    const conversion = rate !== undefined && to !== undefined ? { to, rate } : undefined;
    return formatMoney(value, conversion, hash.qualifier !== false);
  },
  number([value], { hash }) {
    return formatNumber(asNumber(value, 'number'), optionalNumber(hash, 'decimals'));
  },
  percent([value], { hash }) {
    return formatPercent(asNumber(value, 'percent'), optionalNumber(hash, 'decimals'), hash.ratio === true);
  },
  quantity([value], { hash }) {
    if (!isQuantity(value))
      return fail(`quantity needs a value with amount and unit, got ${describe(value)}`);
    const part = hash.part ?? 'all';
    if (part !== 'all' && part !== 'figure' && part !== 'unit') fail('part= must be "figure" or "unit"');
    return formatQuantity(value, hash.qualifier !== false, part);
  },
  /** "plans to invest", "pledged to mobilise"…: the verb for a figure's status. */
  statusVerb([value]) {
    if (!isFigureStatus(value))
      return fail(`statusVerb needs a figure status such as "planned" or "pledged", got ${describe(value)}`);
    return statusVerb(value);
  },
  date([value]) {
    if (typeof value !== 'string' && typeof value !== 'number')
      return fail(`date needs a date, got ${describe(value)}`);
    return formatDate(value) ?? fail(`"${value}" is not a date as YYYY-MM-DD, YYYY-MM or YYYY`);
  },
  plural([count, singular, plural], { hash }) {
    const n = Array.isArray(count) ? count.length : asNumber(count, 'plural count');
    const one = asString(singular, 'the singular noun');
    const many = plural === undefined ? undefined : asString(plural, 'the plural noun');
    if (hash.count === false) return n === 1 ? one : pluralNoun(one, many);
    return formatPlural(n, one, many, hash.words === true);
  },
};

/** Comparison and logic, for `{{#if (gt a b)}}`. */
const logicHelpers: HelperTable = {
  eq: ([a, b]) => a === b,
  ne: ([a, b]) => a !== b,
  lt: ([a, b]) => asNumber(a, 'lt') < asNumber(b, 'lt'),
  lte: ([a, b]) => asNumber(a, 'lte') <= asNumber(b, 'lte'),
  gt: ([a, b]) => asNumber(a, 'gt') > asNumber(b, 'gt'),
  gte: ([a, b]) => asNumber(a, 'gte') >= asNumber(b, 'gte'),
  and: (args) => args.every(truthy),
  or: (args) => args.some(truthy),
  not: ([a]) => !truthy(a),
  add: ([a, b]) => asNumber(a, 'add') + asNumber(b, 'add'),
  default: ([a, b]) => (a === null || a === undefined || a === '' ? b : a),
  concat: (args) => args.map((a) => (typeof a === 'number' ? String(a) : asString(a, 'concat'))).join(''),
  lower: ([a]) => asString(a, 'lower').toLowerCase(),
  lowerFirst: ([a]) => lowerFirst(asString(a, 'lowerFirst')),
  /** Whether text contains other text, case aside: a row that already names a programme does not name it again. */
  includes: ([a, b]) => asString(a, 'includes').toLowerCase().includes(asString(b, 'includes').toLowerCase()),
  upperFirst: ([a]) => {
    const text = asString(a, 'upperFirst');
    const [first = ''] = [...text];
    return first.toUpperCase() + text.slice(first.length);
  },
};

/** Helpers that write Markdown (a footnote reference, a chart image): their output is not printed as text. */
export const MARKDOWN_HELPERS: ReadonlySet<string> = new Set(['cite', 'chart']);

export function allHelpers(state: RenderState): HelperTable {
  return {
    ...figureHelpers,
    ...logicHelpers,
    ...registerListHelpers(),
    ...registerLeadFigureHelpers(),
    ...registerSourceHelpers(state),
    ...registerFigureHelpers(state),
    ...registerRelationHelpers(state),
    ...registerAlternativeHelpers(state),
    ...registerTileHelpers(),
    ...registerRelatedSectorHelpers(),
    ...registerSectorBriefHelpers(),
    ...registerDeckHelpers(state),
  };
}
