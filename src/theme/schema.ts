/**
 * The theme: one set of colours, fonts and sizes shared by charts, the PDF and the deck,
 * so every output looks like one publication. Validated like the dataset.
 */
import { z } from 'zod';
import { KNOWN_SCRIPTS } from '../text/runs.js';

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour as #RRGGBB');

/** A font file: a path inside an npm package, or (starting with ./ or ../) relative to the theme file. */
const fontFile = (what: string) =>
  z
    .string()
    .min(1)
    .describe(
      `${what}: a TrueType/OpenType file inside an npm package (resolved from node_modules), or a path starting with ./ or ../ relative to the theme file.`,
    );

/** A fallback face: drawn for the text the faces before it have no glyphs for. */
export const FallbackFont = z.strictObject({
  family: z.string().min(1).describe('Family name used in charts and in the deck.'),
  regular: fontFile('The regular font'),
  bold: fontFile('The bold font'),
  licence: fontFile('The font licence text, shipped with the outputs').optional(),
  scripts: z
    .array(z.enum(KNOWN_SCRIPTS))
    .default([])
    .describe(
      'Unicode scripts this face is preferred for, ahead of the faces before it that also have them (e.g. Han, so kana and kanji are drawn in one face).',
    ),
});

export const Theme = z.strictObject({
  name: z.string().min(1),
  fonts: z
    .strictObject({
      family: z.string().min(1).describe('Family name of the primary face, used in charts and in the deck.'),
      regular: fontFile('The regular font of the primary face'),
      bold: fontFile('The bold font of the primary face'),
      semibold: fontFile('The semibold font of the primary face').optional(),
      italic: z
        .union([z.literal('none'), fontFile('The italic font of the primary face')])
        .describe(
          'The italic font, or "none": the face has no italic and emphasis is drawn upright (never a slanted regular).',
        ),
      licence: fontFile('The font licence text, shipped with the outputs').optional(),
      fallbacks: z
        .array(FallbackFont)
        .max(16)
        .default([])
        .describe('Faces tried in order for text the primary face has no glyphs for, by script.'),
    })
    .describe(
      'The font stack: a primary face and fallbacks by script. Text is split into runs, each drawn in the first face with its glyphs; every face is embedded and subset in every output.',
    ),
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
