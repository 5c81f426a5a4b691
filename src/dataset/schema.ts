/**
 * The policy dataset schema: the single source of the dataset's TypeScript types
 * and of the generated JSON Schema (data/policy-dataset.schema.json).
 *
 * Every record that states a fact carries `cite`: the source id and the sentence it
 * was taken from, so an output can always point back to the source.
 */
import { z } from 'zod';
import { currencyCode } from './amounts.js';
import { Analysis } from './analysis.js';
import { Publication } from './publication.js';
import { Indicator, Investment, localName, Program, Target } from './records.js';
import { Partner } from './relations.js';
import { cite, id, isoDate, text, webAddress } from './values.js';

export { Money, Qualifier, Quantity, Scale } from './amounts.js';
export { Analysis, Implication, Judgement, Limit, WatchItem } from './analysis.js';
export { Actor, Basis, FigureStatus, FigureVerb, Modality, Period } from './figure-terms.js';
export { Author, Licence, Publication, Publisher } from './publication.js';
export { BudgetScope, Indicator, Investment, Program, ProgramKind, Target } from './records.js';
export {
  Counterparty,
  CounterpartyKind,
  Instrument,
  MoneyAlternative,
  Partner,
  QuantityAlternative,
} from './relations.js';
export { Citation } from './values.js';

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

export const Administration = z.strictObject({
  id,
  name: text,
  localName,
  leader: text.optional().describe('The head of the government, when the source names one.'),
  start: isoDate.optional(),
  end: isoDate.optional(),
  former: z
    .boolean()
    .optional()
    .describe(
      'true when a source calls it former ("former Prime Minister …") and gives no `end`: the documents say what it did in the past tense ("pledged", not "has pledged").',
    ),
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
  inSentence: text
    .optional()
    .describe(
      'The short name (or the name) as it reads mid-sentence, when that is not as written: `power chips` for `Power chips`. Without it a name prints as written also mid-sentence, as a proper noun or acronym must ("AI compute", "Post-5G", "Kyushu").',
    ),
  fields: z.array(id).default([]).describe('Ids of the strategic fields this focus sector belongs to.'),
  summary: text,
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
export type Channel = z.output<typeof Channel>;
export type Risk = z.output<typeof Risk>;
export type StrategicField = z.output<typeof StrategicField>;
export type Administration = z.output<typeof Administration>;
