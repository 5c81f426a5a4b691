/**
 * `{{token}}` placeholders in spec strings, so a spec's fixed wording carries no
 * dataset-specific text or colour: `{{currency}}` (the ISO code), `{{currencySymbol}}` (€, JP¥), `{{country}}`, `{{sector}}`,
 * `{{colour.target}}`, `{{colour.palette.0}}`…, `{{programEvents}}` (what the timelines' dots stand for).
 */
import type { Dataset, Sector } from '../dataset/schema.js';
import { currencySymbol } from '../dataset/wording.js';
import { compareText } from '../derive/compare-text.js';
import { sectorName } from '../derive/sectors.js';
import { programEvent } from '../derive/timeline.js';
import type { Theme } from '../theme/schema.js';
import type { Json } from './spec-file.js';

/**
 * What a timeline's programme dots stand for, from the events drawn ("launched", "launched or
 * pledged"): a legend saying "launched" over a fund the source only says was pledged was untrue.
 */
function programEvents(dataset: Dataset, sector?: Sector): string {
  const words = new Set(
    dataset.programs
      .filter((p) => p.year !== undefined && (!sector || p.sectors.includes(sector.id)))
      .map((p) => programEvent(p).toLowerCase()),
  );
  const list = [...words].sort((a, b) => (a === 'launched' ? -1 : b === 'launched' ? 1 : compareText(a, b)));
  if (list.length === 0) return 'launched';
  return list.length === 1 ? (list[0] ?? 'launched') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

export function specTokens(dataset: Dataset, sector?: Sector, theme?: Theme): Map<string, string> {
  const tokens = new Map<string, string>([
    ['currency', dataset.meta.currency],
    // "€", "JP¥", "CHF": the symbol the briefing's sentences write (dataset/wording.ts).
    ['currencySymbol', currencySymbol(dataset.meta.currency).trim()],
    ['country', dataset.meta.country],
    ['programEvents', programEvents(dataset)],
  ]);
  if (sector) {
    tokens.set('sector', sectorName(sector));
    tokens.set('sectorId', sector.id);
    tokens.set('programEvents', programEvents(dataset, sector));
  }
  if (theme) {
    for (const [key, value] of Object.entries(theme.colours)) {
      if (typeof value === 'string') tokens.set(`colour.${key}`, value);
    }
    theme.colours.palette.forEach((colour, i) => {
      tokens.set(`colour.palette.${i}`, colour);
    });
  }
  return tokens;
}

/** Replaces tokens in every string; reports each unknown one with its path. */
export function substitute(
  node: Json,
  tokens: ReadonlyMap<string, string>,
  unknown: (token: string, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): Json {
  if (typeof node === 'string') {
    return node.replace(TOKEN, (whole, name: string) => {
      const value = tokens.get(name);
      if (value === undefined) {
        unknown(name, path);
        return whole;
      }
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item, i) => substitute(item, tokens, unknown, [...path, i]));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, substitute(value, tokens, unknown, [...path, key])]),
    );
  }
  return node;
}
