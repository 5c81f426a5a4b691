import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/document/model.js';
import { xmlSafe } from '../../../src/render/pptx/index.js';
import { oneLine } from '../../../src/render/pptx/sanitize.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import type { FixtureChart } from '../../fixtures/figures.js';
import { propertyRuns } from '../../support/property-runs.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme, renderDeck, runs } from './deck-helpers.js';
import { xmlProblem } from './xml-check.js';

/** What breaks XML: markup characters and controls. */
const XML_HAZARDS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '&amp;',
  ']]>',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001f',
];
/** Lone surrogates, U+FFFE/FFFF, breaks, non-Latin text, bidi. */
const TEXT_HAZARDS = [
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ufffe',
  '\uffff',
  '\t',
  '\n',
  '\r',
  '₩',
  '한국',
  '😀',
  '\u202e',
];
const HAZARDS = [...XML_HAZARDS, ...TEXT_HAZARDS];

/** Strings rich in HAZARDS. */
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(...XML_HAZARDS),
      fc.constantFrom(...TEXT_HAZARDS),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const wellFormed = (bytes: Uint8Array): string[] => {
  const problems: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/\.(xml|rels)$/.test(name)) {
      const problem = xmlProblem(strFromU8(data));
      if (problem) problems.push(`${name}: ${problem}`);
    }
    if (name.endsWith('.xlsx')) {
      for (const [inner, d] of Object.entries(unzipSync(data))) {
        const problem = /\.(xml|rels)$/.test(inner) ? xmlProblem(strFromU8(d)) : undefined;
        if (problem) problems.push(`${name}/${inner}: ${problem}`);
      }
    }
  }
  return problems;
};

function poisoned(s: string[], base: Deck, charts: Map<string, FixtureChart>): Deck {
  const deck = structuredClone(base);
  const [a = '', b = '', c = '', d = '', e = '', f = ''] = s;
  deck.meta.title = a;
  deck.meta.author = b;
  deck.meta.subject = c;
  deck.meta.organisation = d;
  deck.meta.asOfLabel = e;
  deck.slides[0] = { ...(deck.slides[0] as Deck['slides'][0]), title: a, subtitle: f, notes: b };
  const bullets = deck.slides[1];
  if (bullets) {
    bullets.title = c;
    bullets.notes = f;
    bullets.blocks = [
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'text', text: d }],
          [{ type: 'link', url: e, children: [{ type: 'text', text: f }] }],
        ],
      },
    ];
  }
  const kpi = deck.slides[2];
  if (kpi) kpi.blocks = [{ type: 'kpi', items: [{ value: a, label: b, note: c, citations: [1] }] }];
  const table = deck.slides[5];
  if (table)
    table.blocks = [
      {
        type: 'table',
        header: [[{ type: 'text', text: d }]],
        rows: [[[{ type: 'text', text: e }]]],
        align: [null],
      },
    ];
  const source = deck.sources[0];
  if (source) deck.sources[0] = { ...source, title: f, author: a };
  const bars = charts.get('programme-budgets');
  if (bars?.plot) {
    bars.description = b;
    bars.plot = {
      ...bars.plot,
      categories: [c, d, e, f, a],
      series: [{ name: f, points: [1, 2, 3, 4, 5].map((value) => ({ value })), colour: '#0072B2' }],
      axisTitles: { category: a, value: b },
    };
  }
  const robots = charts.get('robot-density');
  if (robots) robots.description = c;
  return deck;
}

describe('XML safety', () => {
  it('xmlSafe leaves only XML characters, is idempotent and keeps clean text as it is', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const clean = xmlSafe(s);
        expect(xmlProblem(`<a>${clean.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</a>`)).toBeUndefined();
        expect(xmlSafe(clean)).toBe(clean);
      }),
      { numRuns: 500 },
    );
    expect(xmlSafe('₩6.8 조 😀 a\tb')).toBe('₩6.8 조 😀 a\tb');
    expect(xmlSafe('a\u0000b\ud800c\udc00d\ufffe')).toBe('abcd');
  });

  it('fuzzed titles, labels, notes, cells, metadata and chart text still give well-formed parts', async () => {
    const theme = await defaultTheme();
    const base = sampleDeck();
    const pristine = sampleCharts(theme);
    await fc.assert(
      fc.asyncProperty(fc.array(nasty, { minLength: 6, maxLength: 6 }), async (strings) => {
        const charts = new Map([...pristine].map(([k, v]) => [k, structuredClone(v)]));
        const deck = poisoned(strings, base, charts);
        const bytes = await renderDeck(deck, charts, theme, { fonts: testFonts, date: DATE });
        expect(wellFormed(bytes)).toEqual([]);
        // Nothing is dropped but the illegal characters: the cleaned title is on the cover.
        const cover = strFromU8(unzipSync(bytes)['ppt/slides/slide1.xml'] ?? new Uint8Array());
        const title = oneLine(strings[0] ?? '');
        if (title !== '') expect(runs(cover).join('')).toContain(title);
      }),
      // Each case renders a whole deck. The example puts every hazard, between letters, in all six
      // places (every field the deck writes), so each run checks each hazard in each part;
      // the random cases then look for the mixes. 6 of them (25 deep) keep that search
      // going on every run at a quarter of the cost.
      {
        numRuns: propertyRuns(6, 25),
        examples: [[Array.from({ length: 6 }, (_, i) => `T${i}${HAZARDS.join('x')}z`)]],
      },
    );
  }, 120_000);
});
