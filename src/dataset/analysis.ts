/**
 * The analyst's own judgement, kept apart from the facts: key judgements, implications, what to
 * watch and the limits of the method. Nothing here cites a source; instead each item names the
 * dataset records it rests on (`basedOn`), and the documents print those records, with their
 * citations, as its evidence. src/dataset/references.ts checks that every id resolves.
 */
import { z } from 'zod';
import { Period } from './figure-terms.js';
import { id, isoDate, text } from './values.js';

/** A message title a page or slide can carry: one full sentence. */
const MAX_JUDGEMENT_TITLE = 110;

const basedOn = z
  .array(id)
  .min(1, 'at least one record id')
  .describe(
    'Ids of the dataset records (programmes, targets, investments, indicators, partners, risks, …) this rests on.',
  );

export const Judgement = z.strictObject({
  id,
  title: text
    .max(MAX_JUDGEMENT_TITLE, `a title of at most ${MAX_JUDGEMENT_TITLE} characters`)
    .describe('The judgement as one full sentence: the message a reader takes away.'),
  text: text.describe('A short paragraph of the reasoning behind it.'),
  basedOn,
  sectors: z.array(id).default([]).describe('Ids of the focus sectors it concerns, if any.'),
});

export const Implication = z.strictObject({
  id,
  audience: text.describe(
    'Who it is an implication for, as it reads after "for": "the government", "partners".',
  ),
  text,
  basedOn,
});

export const WatchItem = z.strictObject({
  id,
  text: text.describe('What to watch for.'),
  when: z
    .union([isoDate, Period])
    .describe('When: a date (2026-06, 2028) or a period ({from: 2026, to: 2028}).'),
  basedOn,
});

export const Limit = z.strictObject({
  id,
  text: text.describe('A limit of the method or the sources, in a sentence or two.'),
});

export const Analysis = z
  .strictObject({
    judgements: z.array(Judgement).default([]).describe('The key judgements: three or four.'),
    implications: z.array(Implication).default([]),
    watch: z.array(WatchItem).default([]).describe('What to watch, each with a date or period.'),
    limits: z.array(Limit).default([]).describe('Methodology and limits.'),
  })
  .describe("The analyst's own assessment: never cited to a source, always based on the dataset's records.");

/** The lists of `analysis` whose items carry `basedOn`. */
export const BASED_ON_LISTS = ['judgements', 'implications', 'watch'] as const;

export type Judgement = z.output<typeof Judgement>;
export type Implication = z.output<typeof Implication>;
export type WatchItem = z.output<typeof WatchItem>;
export type Limit = z.output<typeof Limit>;
export type Analysis = z.output<typeof Analysis>;
