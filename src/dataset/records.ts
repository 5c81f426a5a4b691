/**
 * The records that state figures: programmes with their budgets, targets, investments and
 * indicators. src/dataset/schema.ts assembles them into the dataset and re-exports them.
 */
import { z } from 'zod';
import { Money, Quantity } from './amounts.js';
import { Actor, Basis, FigureStatus, FigureVerb, Modality, Period } from './figure-terms.js';
import { MoneyAlternative, QuantityAlternative } from './relations.js';
import { cite, id, isoDate, text, year } from './values.js';

/** The name in the country language (shared with schema.ts's fields and sectors). */
export const localName = text.optional().describe('The name in the country language, e.g. 인공지능.');

export const ProgramKind = z.enum([
  'strategy',
  'programme',
  'fund',
  'initiative',
  'body',
  'vision',
  'policy',
  'law',
  'regulation',
  'plan',
]);

const recipients = z
  .array(text)
  .default([])
  .describe('Named firms or bodies that receive the money, as written: "Rapidus", "Kioxia".');
const places = z
  .array(text)
  .default([])
  .describe(
    'Places inside the country the money goes to, as written: "Chitose, Hokkaido", "Kumamoto Prefecture".',
  );

export const BudgetScope = z
  .strictObject({
    covers: text.describe(
      'What the budget is for, in the source\'s words, as it reads after "which covers": "broadband, data centres and digital public services".',
    ),
    beyondSectors: z
      .boolean()
      .default(false)
      .describe(
        "true when the budget covers more than the programme's `sectors` (the sector's is one of several aims): the documents give it as the programme's budget as a whole, and a sector's headline figures leave it out.",
      ),
  })
  .describe('What a programme budget covers, when the source says and it is not the programme alone.');

export const Program = z.strictObject({
  id,
  name: text,
  localName,
  kind: ProgramKind,
  year: year.optional().describe('The year it was introduced, when the source says.'),
  date: isoDate.optional(),
  administration: id
    .optional()
    .describe(
      'The administration that launched it; when left out, the one in office at its `date` (or all its `year`), if the data says.',
    ),
  sectors: z.array(id).default([]),
  budget: Money.optional().describe('The budget as the source states it, in its currency.'),
  budgetStated: z
    .array(Money)
    .default([])
    .describe('Equivalents the source itself states (e.g. "approximately $47 billion USD"); never computed.'),
  budgetAlternatives: z
    .array(MoneyAlternative)
    .default([])
    .describe(
      'The budget as other sources state it, when they disagree or give it for another scope or date (`scope`, `date`); each with its own citation.',
    ),
  budgetScope: BudgetScope.optional(),
  budgetYear: year.optional(),
  budgetPeriod: Period.optional().describe(
    'The years the budget covers, when it is for more than one: "over five years" is {years: 5}, "over fiscal 2022–2025" {from: 2022, to: 2025}.',
  ),
  budgetStatus: FigureStatus.optional(),
  budgetSameAs: id
    .optional()
    .describe(
      'The id of the investment that states this same money: derived tables and totals count it once, as that figure.',
    ),
  budgetIncludes: z
    .array(id)
    .default([])
    .describe(
      'Ids of investments this budget is the total of, or includes, as the source says ("totals about 1.2 trillion yen, including up to 476 billion yen for the first plant"): outputs say "including …", charts draw them beside it and never add them.',
    ),
  budgetOverlaps: z
    .array(id)
    .default([])
    .describe(
      'Ids of investments this budget may include, where the source does not say (the second plant\'s aid, which the total likely holds): outputs say "may include …" and never add them.',
    ),
  recipients,
  places,
  goals: z.array(text).default([]),
  modality: Modality.optional().describe(
    'How sure the source is of it: "is expected to strengthen support" is `expected`; a programme in force has none.',
  ),
  cite,
});

export const Target = z.strictObject({
  id,
  program: id.optional(),
  sectors: z.array(id).default([]),
  description: text,
  value: Quantity.optional(),
  baselineYear: year.optional(),
  year,
  fiscal: z
    .boolean()
    .optional()
    .describe('The year is a fiscal year (see meta.fiscalYear): "by fiscal 2027".'),
  modality: Modality.optional(),
  alternatives: z
    .array(QuantityAlternative)
    .default([])
    .describe(
      'The value as other sources state it, when they disagree or give it for another scope or date (`scope`, `date`); each with its own citation.',
    ),
  cite,
});

export const Investment = z.strictObject({
  id,
  label: text,
  year: year.optional().describe('The year the figure is for (or the target year); or give `period`.'),
  period: Period.optional().describe('The years a multi-year figure covers, instead of `year`.'),
  fiscal: z.boolean().optional().describe('The years are fiscal years (see meta.fiscalYear).'),
  basis: Basis.optional().describe('For a period: a total over it (the default) or an amount a year.'),
  baselineYear: year.optional(),
  status: FigureStatus.optional().describe(
    'What stage the money is at, when the source says: "plans to", "allocated", "pledged". Left out, the documents state the amount and say nothing of its stage.',
  ),
  date: isoDate
    .optional()
    .describe(
      'When the figure was decided or announced: the documents name the administration in office then (see `administrations`).',
    ),
  administration: id
    .optional()
    .describe('The administration that decided it, when a source says so; otherwise found from `date`.'),
  actor: Actor.optional().describe('Who spends the money; the government when left out.'),
  actorName: text
    .optional()
    .describe('The one who spends, by name: "TSMC", "the Ministry of Economy, Trade and Industry".'),
  modality: Modality.optional(),
  verb: FigureVerb.optional(),
  amount: Money,
  scope: text
    .optional()
    .describe('What the figure covers, e.g. "12 strategic technology fields", when the source says.'),
  fields: z.array(id).default([]).describe('Strategic fields covered; the figure is a total, never split.'),
  recipients,
  places,
  partOf: id
    .optional()
    .describe(
      'The id of the investment this figure is part of: outputs say "of which", and never add the two.',
    ),
  alternatives: z
    .array(MoneyAlternative)
    .default([])
    .describe(
      'The figure as other sources state it, when they disagree ("¥732 billion" here, "¥730 billion" there) or give it for another scope or date (`scope`, `date`).',
    ),
  cite,
});

export const Indicator = z.strictObject({
  id,
  label: text,
  sector: id.optional().describe('The sector it describes; leave out for a whole-economy indicator.'),
  sectors: z.array(id).default([]).describe('Further sectors it describes, besides `sector`.'),
  value: Quantity,
  year: year
    .optional()
    .describe(
      "The year the value is for, when the source says; left out, the documents give the value without a year (an article's date is not the year of its figure).",
    ),
  subject: text.optional().describe('Who the indicator is about, e.g. the companies measured.'),
  alternatives: z
    .array(QuantityAlternative)
    .default([])
    .describe(
      'The value as other sources state it, when they disagree or give it for another scope or date (`scope`, `date`); each with its own citation.',
    ),
  cite,
});

export type Program = z.output<typeof Program>;
export type BudgetScope = z.output<typeof BudgetScope>;
export type Target = z.output<typeof Target>;
export type Investment = z.output<typeof Investment>;
export type Indicator = z.output<typeof Indicator>;
