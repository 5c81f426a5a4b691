/**
 * `{{token}}` placeholders in spec strings, so a spec's fixed wording carries no
 * dataset-specific text or colour: `{{currency}}` (the ISO code), `{{currencySymbol}}` (€, JP¥), `{{country}}`, `{{sector}}`,
 * `{{colour.target}}`, `{{colour.palette.0}}`…
 */
import type { Dataset, Sector } from '../dataset/schema.js';
import { currencySymbol } from '../dataset/wording.js';
import { sectorName } from '../derive/sectors.js';
import type { Theme } from '../theme/schema.js';
import type { Json } from './spec-file.js';

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

export function specTokens(dataset: Dataset, sector?: Sector, theme?: Theme): Map<string, string> {
  const tokens = new Map<string, string>([
    ['currency', dataset.meta.currency],
    // "€", "JP¥", "CHF": the symbol the briefing's sentences write (dataset/wording.ts).
    ['currencySymbol', currencySymbol(dataset.meta.currency).trim()],
    ['country', dataset.meta.country],
  ]);
  if (sector) {
    tokens.set('sector', sectorName(sector));
    tokens.set('sectorId', sector.id);
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
