/**
 * The theme: one set of colours, fonts and sizes shared by charts, the PDF and the deck,
 * so every output looks like one publication. Validated like the dataset.
 */
import { z } from 'zod';

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour as #RRGGBB');

export const Theme = z.strictObject({
  name: z.string().min(1),
  fonts: z
    .strictObject({
      family: z.string().min(1).describe('Family name used in charts and in the deck.'),
      regular: z
        .string()
        .min(1)
        .describe('Package-relative path of the regular TTF, resolved from node_modules.'),
      bold: z.string().min(1),
      semibold: z.string().min(1).optional(),
      licence: z
        .string()
        .min(1)
        .describe('Package-relative path of the font licence text, shipped with the outputs.'),
    })
    .describe('One font with Latin, Hangul and the won sign; embedded and subset in every output.'),
  colours: z.strictObject({
    text: colour,
    muted: colour,
    background: colour,
    accent: colour.describe('Headings, rules and the deck master.'),
    accentLight: colour.describe('Callout and table-header backgrounds.'),
    grid: colour,
    /** A colour-blind-safe categorical palette (Okabe–Ito order by default). */
    palette: z.array(colour).min(4),
    target: colour.describe('Colour for targets and aims, drawn apart from stated figures.'),
  }),
  sizes: z.strictObject({
    body: z.number().positive().max(72),
    small: z.number().positive().max(72),
    h1: z.number().positive().max(96),
    h2: z.number().positive().max(96),
    h3: z.number().positive().max(96),
    chartLabel: z.number().positive().max(48),
    chartTitle: z.number().positive().max(48),
    slideTitle: z.number().positive().max(96),
    slideBody: z.number().positive().max(72),
  }),
  chart: z.strictObject({
    width: z.number().int().min(200).max(2000),
    height: z.number().int().min(100).max(2000),
    pngScale: z.number().min(1).max(4),
  }),
  page: z.strictObject({
    size: z.enum(['A4', 'LETTER']),
    marginMm: z.number().min(5).max(50),
  }),
  wordmark: z.string().min(1).max(40).optional().describe('Text shown in the deck master logo area.'),
});

export type Theme = z.output<typeof Theme>;
