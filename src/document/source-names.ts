/** How a source is named in a short reference, for every writer: who it is by and its year. */
import type { SourceEntry } from './model.js';

/** Who a source is by: its author, else its publisher, else its title. */
export const sourceWho = (source: SourceEntry): string => source.author ?? source.publisher ?? source.title;

/** The year of its date, when the date names one. */
export const sourceYear = (source: SourceEntry): string | undefined =>
  /\b(\d{4})\b/.exec(source.date ?? '')?.[1];
