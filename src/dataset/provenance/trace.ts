/**
 * The figures of a dataset as an output prints them, each with its citations: what
 * `briefkit build --emit provenance` lists (pipeline/emit-provenance.ts), and what it looks
 * for in the outputs' text to say where each figure appears. Years are left out: "2030" is
 * printed in too many places (dates, headings) to be told apart.
 */
import { formatPath } from '../../diagnostics.js';
import type { Money, Quantity, ShapedDataset } from '../schema.js';
import { formatMoney, formatQuantity } from '../wording.js';
import { citedGroups } from './stated.js';

export interface TracedCitation {
  source: string;
  /** The source's title, as the sources list prints it. */
  title?: string;
  quote: string;
  translation?: string;
  locator?: string;
}

export interface TracedFigure {
  /** `<list>/<record id>`, e.g. "investments/chips-act-2023". */
  record: string;
  /** Where the figure is in the dataset, e.g. "investments[3].amount". */
  path: string;
  /** The figure as the documents print it, e.g. "up to ¥732 billion". */
  printed: string;
  /** Set on a figure of the record's `alternatives`: the other source's value. */
  alternative?: boolean;
  /** How a computed figure was derived; it has no quote of its own. */
  computed?: string;
  citations: TracedCitation[];
  /** The forms looked for in the outputs' text, the printed one first. */
  forms: string[];
}

/**
 * The forms a figure is printed in, always with its qualifier (the templates never drop it):
 * the whole figure, and for a quantity also the number alone, as a KPI prints it above its label.
 */
function formsOf(money: Money | undefined, quantity: Quantity | undefined): string[] {
  const forms = money
    ? [formatMoney(money)]
    : quantity
      ? [formatQuantity(quantity), formatQuantity(quantity, true, 'figure')]
      : [];
  // A bare number of one or two characters ("3") would be found on every page.
  return [...new Set(forms)].filter((form, i) => i === 0 || form.length >= 3);
}

export function tracedFigures(data: ShapedDataset): TracedFigure[] {
  const titles = new Map(data.sources.map((s) => [s.id, s.title]));
  const traced: TracedFigure[] = [];
  for (const group of citedGroups(data)) {
    const citations: TracedCitation[] = group.cite.map((c) => ({
      source: c.source,
      ...(titles.has(c.source) ? { title: titles.get(c.source) } : {}),
      quote: c.quote,
      ...(c.translation ? { translation: c.translation } : {}),
      ...(c.locator ? { locator: c.locator } : {}),
    }));
    for (const figure of group.figures) {
      const stated = figure.money ?? figure.quantity;
      if (!stated) continue;
      const forms = formsOf(figure.money, figure.quantity);
      traced.push({
        record: `${group.collection}/${group.id}`,
        path: formatPath(figure.path),
        printed: forms[0] ?? '',
        ...(group.alternative !== undefined ? { alternative: true } : {}),
        ...(stated.computed ? { computed: stated.computed } : {}),
        citations,
        forms,
      });
    }
  }
  return traced;
}
