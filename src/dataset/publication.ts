/**
 * Front and back matter of a publication: who publishes it, who wrote it, its edition and date,
 * its licence, how to cite it and whom to contact. Everything is optional; a document shows only
 * what is given, and never makes up a publisher.
 */
import { z } from 'zod';
import { isoDate, text, webAddress } from './values.js';

export const Publisher = z.strictObject({
  name: text,
  url: webAddress.optional(),
  address: text.optional().describe('A postal address, on one line.'),
});

export const Author = z.strictObject({
  name: text,
  affiliation: text.optional(),
});

export const Licence = z.strictObject({
  name: text.describe('The licence as it is usually written: "CC BY 4.0".'),
  url: webAddress.optional(),
});

export const Publication = z
  .strictObject({
    publisher: Publisher.optional(),
    authors: z.array(Author).default([]),
    edition: text.optional().describe('"First edition", "Second edition".'),
    version: text.optional().describe('"1.0", "1.1".'),
    published: isoDate
      .optional()
      .describe('The date of publication; distinct from meta.asOf, the date the data describes.'),
    licence: Licence.optional(),
    contact: text.optional().describe('An e-mail address or a web page for questions.'),
    citation: text
      .optional()
      .describe(
        'The recommended citation, when the generated one (authors, year, title, publisher) will not do.',
      ),
  })
  .describe('Front and back matter: publisher, authors, edition, date, licence, citation, contact.');

export type Publisher = z.output<typeof Publisher>;
export type Author = z.output<typeof Author>;
export type Licence = z.output<typeof Licence>;
export type Publication = z.output<typeof Publication>;
