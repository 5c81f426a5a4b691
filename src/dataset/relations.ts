/**
 * The dataset's records of relations: partnerships and agreements with another country, an
 * organisation or a company, and what ties one figure to others (another source's statement of
 * it, the whole it is part of). src/dataset/schema.ts builds its sections from these.
 */
import { z } from 'zod';
import { Money, Quantity } from './amounts.js';
import { Period } from './figure-terms.js';
import { cite, id, isoDate, text } from './values.js';

export const Instrument = z
  .enum(['mou', 'moc', 'joint-statement', 'agreement', 'treaty', 'partnership', 'other'])
  .describe(
    'mou: a memorandum of understanding; moc: a memorandum of cooperation; joint-statement; agreement; treaty; ' +
      'partnership (a tie-up without a signed text); other: name it in `instrumentName`.',
  );

export const CounterpartyKind = z
  .enum(['country', 'organisation', 'company'])
  .describe(
    'country (or a bloc acting as one government), organisation (the EU, the G7, a UN body), company.',
  );

export const Counterparty = z
  .strictObject({
    name: text.describe(
      'The other side as it reads mid-sentence, printed as written: "the European Union", "the Netherlands", "IBM".',
    ),
    kind: CounterpartyKind,
  })
  .describe('The other side of the partnership.');

export const Partner = z.strictObject({
  id,
  counterparty: Counterparty,
  party: text
    .optional()
    .describe(
      'The home side when it is not the country itself, by name: "Rapidus", "the industry ministry".',
    ),
  date: isoDate.optional().describe('When it was signed or announced: a day, a month or a year.'),
  instrument: Instrument,
  instrumentName: text
    .optional()
    .describe(
      'The instrument as the source names it, as it reads after "signed": "a Memorandum of Cooperation"; needed for `other`.',
    ),
  term: Period.optional().describe('The years it runs, when the source says.'),
  subject: text.describe(
    'What it is about, as it reads after "on": "cooperation in the semiconductor field".',
  ),
  sectors: z.array(id).default([]),
  program: id.optional().describe('The programme record that also describes it, if there is one.'),
  cite,
});

/**
 * What sets another source's figure apart when it is not a disagreement: it covers more or other
 * things, or it was reported at another stage. The documents then word it as a difference
 * ("Source B reported €2 billion on 10 May 2024 for batteries and hydrogen"), never as "sources differ".
 */
const alternativeScope = text
  .optional()
  .describe(
    'What the other source\'s figure covers, in its words, when that is not what this record covers (it reads after "for"): "batteries and hydrogen". The documents then word it as a difference of scope, not as a disagreement.',
  );
const alternativeDate = isoDate
  .optional()
  .describe(
    "When the other source's figure was reported, when it is another stage of the figure (after a cabinet approved the draft): the documents then give the date, not a disagreement.",
  );

export const MoneyAlternative = z
  .strictObject({
    amount: Money,
    scope: alternativeScope,
    date: alternativeDate,
    cite,
  })
  .describe(
    'The same figure as another source states it: the documents print both, each with its citation; with `scope` or `date`, as a difference of scope or stage.',
  );

export const QuantityAlternative = z
  .strictObject({
    value: Quantity,
    scope: alternativeScope,
    date: alternativeDate,
    cite,
  })
  .describe(
    'The same target or indicator value as another source states it: the documents print both, each with its citation; with `scope` or `date`, as a difference of scope or stage.',
  );

export type Partner = z.output<typeof Partner>;
export type QuantityAlternative = z.output<typeof QuantityAlternative>;
export type Instrument = z.output<typeof Instrument>;
export type MoneyAlternative = z.output<typeof MoneyAlternative>;
