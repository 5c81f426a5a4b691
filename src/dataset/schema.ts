/**
 * The policy dataset schema: the single source of the dataset's TypeScript types
 * and of the generated JSON Schema (data/policy-dataset.schema.json).
 *
 * Every record that states a fact carries `cite`: the source id and the sentence it
 * was taken from, so an output can always point back to the source.
 */
import { z } from 'zod';
import { Analysis } from './analysis.js';
import { Publication } from './publication.js';
import { MoneyAlternative, Partner, QuantityAlternative } from './relations.js';
import {
  Actor,
  Basis,
  cite,
  currencyCode,
  FigureStatus,
  FigureVerb,
  id,
  isoDate,
  Modality,
  Money,
  Period,
  Quantity,
  text,
  webAddress,
  year,
} from './values.js';

export { Analysis, Implication, Judgement, Limit, WatchItem } from './analysis.js';
export { Author, Licence, Publication, Publisher } from './publication.js';
export {
  Counterparty,
  CounterpartyKind,
  Instrument,
  MoneyAlternative,
  Partner,
  QuantityAlternative,
} from './relations.js';
export {
  Actor,
  Basis,
  Citation,
  FigureStatus,
  FigureVerb,
  Modality,
  Money,
  Period,
  Qualifier,
  Quantity,
  Scale,
} from './values.js';

export const Source = z.strictObject({
  id,
  title: text,
  author: text.optional(),
  affiliation: text.optional(),
  publisher: text.optional(),
  date: isoDate.optional(),
  url: webAddress.optional().describe('A web address starting with https:// or http://.'),
  file: text.optional().describe('File name of the stored copy of the source.'),
  note: text.optional(),
});

export const Meta = z.strictObject({
  id,
  title: text,
  subtitle: text.optional(),
  shortTitle: text.optional().describe('Used in running headers.'),
  country: text,
  // BCP 47: language (2-3 letters), optional script (Hant) and region (BR, 419), as usually cased.
  language: z
    .string()
    .regex(
      /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/,
      'a BCP 47 language tag such as "en", "en-GB", "fil", "zh-Hant" or "pt-BR"',
    ),
  asOf: isoDate.describe('The date the data describes; outputs say "as of" this date.'),
  author: text,
  organisation: text.optional(),
  currency: currencyCode.describe('The home currency.'),
  fiscalYear: z
    .strictObject({
      startMonth: z.number().int().min(1).max(12).describe('The month the fiscal year starts: 4 for April.'),
      namedBy: z
        .enum(['start', 'end'])
        .default('start')
        .describe(
          'start: fiscal 2025 begins in 2025 (Japan, India); end: it ends in 2025 (the United States).',
        ),
    })
    .optional()
    .describe("The country's fiscal year, for records with `fiscal: true`."),
  keywords: z.array(text).default([]),
  sourceFolder: text
    .optional()
    .describe(
      "The folder of the sources' stored files (`file:`), relative to this dataset; sources/ beside it when left out.",
    ),
});

const localName = text.optional().describe('The name in the country language, e.g. 인공지능.');

export const Administration = z.strictObject({
  id,
  name: text,
  localName,
  leader: text.optional().describe('The head of the government, when the source names one.'),
  start: isoDate.optional(),
  end: isoDate.optional(),
  cite,
});

export const StrategicField = z.strictObject({
  id,
  number: z.number().int().positive().optional().describe('Its number in the official list, if it has one.'),
  name: text,
  localName,
  cite,
});

export const Sector = z.strictObject({
  id,
  name: text,
  localName,
  shortName: text.optional(),
  fields: z.array(id).default([]).describe('Ids of the strategic fields this focus sector belongs to.'),
  summary: text,
  cite,
});

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
    .describe('The budget as other sources state it, when they disagree; each with its own citation.'),
  budgetYear: year.optional(),
  budgetStatus: FigureStatus.optional(),
  budgetSameAs: id
    .optional()
    .describe(
      'The id of the investment that states this same money: derived tables and totals count it once, as that figure.',
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
    .describe('The value as other sources state it, when they disagree; each with its own citation.'),
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
      'The figure as other sources state it, when they disagree: "¥732 billion" here, "¥730 billion" there.',
    ),
  cite,
});

export const Indicator = z.strictObject({
  id,
  label: text,
  sector: id.optional().describe('The sector it describes; leave out for a whole-economy indicator.'),
  sectors: z.array(id).default([]).describe('Further sectors it describes, besides `sector`.'),
  value: Quantity,
  year,
  subject: text.optional().describe('Who the indicator is about, e.g. the companies measured.'),
  alternatives: z
    .array(QuantityAlternative)
    .default([])
    .describe('The value as other sources state it, when they disagree; each with its own citation.'),
  cite,
});

export const Channel = z.strictObject({
  id,
  name: text,
  summary: text,
  sectors: z.array(id).default([]),
  cite,
});

export const Risk = z.strictObject({
  id,
  name: text,
  description: text,
  kind: z
    .enum(['risk', 'challenge'])
    .default('risk')
    .describe(
      'risk: the source calls it a risk; challenge: the source names it a complexity, challenge or concern, not a risk.',
    ),
  cite,
});

export const PolicyDataset = z
  .strictObject({
    meta: Meta,
    sources: z.array(Source).min(1),
    administrations: z.array(Administration).default([]),
    fields: z.array(StrategicField).default([]),
    sectors: z.array(Sector).min(1),
    programs: z.array(Program).default([]),
    targets: z.array(Target).default([]),
    investments: z.array(Investment).default([]),
    indicators: z.array(Indicator).default([]),
    channels: z.array(Channel).default([]),
    partners: z.array(Partner).default([]),
    risks: z.array(Risk).default([]),
    analysis: Analysis.default({ judgements: [], implications: [], watch: [], limits: [] }).describe(
      "The analyst's own assessment (judgements, implications, what to watch, limits): never cited, based on the records above.",
    ),
    publication: Publication.default({ authors: [] }).describe(
      'Front and back matter; every field optional, shown only when given.',
    ),
  })
  .describe('A briefkit policy dataset: sources, programmes, figures and their effects.');

/** Input type: what a YAML file may contain before defaults are applied. */
export type RawDataset = z.input<typeof PolicyDataset>;
/** Output type of shape validation; not yet cross-checked. */
type ShapedDataset = z.output<typeof PolicyDataset>;
declare const validated: unique symbol;
/** A dataset that passed shape validation AND the cross-reference checks. */
export type Dataset = ShapedDataset & { readonly [validated]: true };
export type { ShapedDataset };

export type Source = z.output<typeof Source>;
export type Sector = z.output<typeof Sector>;
export type Program = z.output<typeof Program>;
export type Target = z.output<typeof Target>;
export type Investment = z.output<typeof Investment>;
export type Indicator = z.output<typeof Indicator>;
export type Channel = z.output<typeof Channel>;
export type Risk = z.output<typeof Risk>;
export type StrategicField = z.output<typeof StrategicField>;
export type Administration = z.output<typeof Administration>;
