/**
 * The shipped deck template over the multi-script fixture
 * (test/fixtures/datasets/veloria-scripts-test-fixture.yaml): its embedded fonts cover and
 * shape every run, and LibreOffice given only those fonts draws the deck as it does with the
 * full font files (issue 12, "fonts travel with the deck").
 *
 * LibreOffice itself cannot be the reader here: its PPTX import of p:embeddedFontLst
 * (EmbeddedFontListContext in LibreOffice's oox/source/ppt) is newer than the 7.4 of Debian
 * bookworm and the 25.2 of bookworm-backports; neither reads the list. So the test takes the fonts out of the deck
 * (EOT → TrueType) and hands exactly those to LibreOffice through an empty fontconfig, as a
 * reader of embedded fonts would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8 } from 'fflate';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { slotOf } from '../../../src/render/pptx/script-runs.js';
import { scriptOf } from '../../../src/text/runs.js';
import { decodeEntities } from '../../../src/text/xml.js';
import type { StackFace } from '../../../src/theme/stack.js';
import { cli, scriptsProject } from '../../build/project.js';
import { defaultTheme, testFonts } from '../../support/theme.js';
import { endToEndTools } from '../tools.js';
import { slideNames, unzip } from './deck-helpers.js';
import { embeddedParts } from './embedded-fonts.js';
import { pdfFontNames, sofficePdf } from './office.js';

// The shipped deck prints names, not local names: this copy's deck adds a slide of the local
// names (Japanese, Devanagari, Arabic, Chinese, Hangul), so every script is drawn in the deck.
function localNamesProject(): string {
  return scriptsProject({
    deckSlides:
      '<!-- layout: bullets -->\n\n# The sectors and programmes carry names in their own scripts.\n\n' +
      '{{#each sectors}}\n- {{name}}{{#if localName}}: {{localName}}{{/if}}{{cite this}}\n{{/each}}\n' +
      '{{#each programs}}\n- {{name}}{{#if localName}}: {{localName}}{{/if}}{{cite this}}\n{{/each}}\n\n' +
      '<!-- notes: The local names as the dataset writes them. -->\n\n---\n\n' +
      // A native chart whose category labels carry the sectors' local names.
      '<!-- layout: chart -->\n\n# The chart counts the records of each sector.\n\n{{chart "sector-summary"}}\n\n' +
      '<!-- notes: Counts from the dataset. -->\n\n---\n\n',
  });
}

interface Run {
  text: string;
  bold: boolean;
  faces: string[];
}

/** Every text run of the slides and notes, read from the XML (not through the package step's own parser). */
function deckRuns(parts: Record<string, Uint8Array>): Run[] {
  const names = Object.keys(parts).filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n));
  return names.flatMap((name) =>
    [
      ...strFromU8(parts[name] ?? new Uint8Array()).matchAll(
        /<a:r><a:rPr\b([^>]*)>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g,
      ),
    ].map((m) => ({
      text: decodeEntities(m[3] ?? ''),
      bold: /\bb="1"/.test(m[1] ?? ''),
      faces: [...(m[2] ?? '').matchAll(/<a:(?:latin|ea|cs) typeface="([^"]*)"/g)].map((f) => f[1] ?? ''),
    })),
  );
}

interface Shaped {
  glyphs: number[];
  advance: number;
}

function shape(bytes: Uint8Array, text: string): Shaped {
  const face = new hb.Face(new hb.Blob(bytes));
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const glyphs = buffer.getGlyphInfos().map((g) => g.codepoint);
  const advance = buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0);
  return { glyphs, advance };
}

// One build of the deck serves both describes: the LibreOffice test only reads it.
const dir = localNamesProject();
const build = cli(dir, ['build', '--only', 'deck']);
const deck = join(dir, 'out', 'deck.pptx');
const parts = build.status === 0 ? unzip(readFileSync(deck)) : {};

describe('the multi-script deck’s embedded fonts', () => {
  it('name, in the slot of each script of every run, the face the stack draws it in', async () => {
    expect(build.status, build.stderr).toBe(0);
    const stack = testFonts.stack(await defaultTheme());
    const names = Object.keys(parts).filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n));
    let checked = 0;
    for (const name of names) {
      for (const [, props = '', body = ''] of strFromU8(parts[name] ?? new Uint8Array()).matchAll(
        /<a:r><a:rPr\b[^>]*>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g,
      )) {
        const slots = Object.fromEntries(
          [...props.matchAll(/<a:(latin|ea|cs) typeface="([^"]*)"/g)].map((m) => [m[1], m[2]]),
        );
        for (const piece of stack.runs(decodeEntities(body))) {
          for (const char of piece.text) {
            const script = scriptOf(char);
            if (script === '') continue;
            expect(slots[slotOf([script])], `${char} in “${piece.text}” (${name})`).toBe(
              stack.families[piece.face],
            );
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('embed, for each face and style a run names, a subset that has and shapes every character drawn in it', async () => {
    expect(build.status, build.stderr).toBe(0);
    const stack = testFonts.stack(await defaultTheme());
    const embedded = embeddedParts(parts);
    const partOf = (family: string, bold: boolean) =>
      embedded.find((e) => e.typeface === family && e.style === (bold ? 'bold' : 'regular'));
    const runs = deckRuns(parts);
    // The typefaces embedded are exactly the stack faces the runs name in their slots.
    const named = new Set(runs.flatMap((r) => r.faces).filter((f) => stack.families.includes(f)));
    expect(new Set(embedded.map((e) => e.typeface))).toEqual(named);
    expect([...named].sort()).toEqual([
      'Noto Sans Arabic',
      'Noto Sans Devanagari',
      'Noto Sans SC',
      'Pretendard',
    ]);
    const shaped = new Set<string>();
    for (const run of runs) {
      for (const piece of stack.runs(run.text)) {
        const face = stack.faces[piece.face] as StackFace;
        const part = partOf(face.family, run.bold);
        expect(part, `${face.family} ${run.bold ? 'bold' : 'regular'} for “${piece.text}”`).toBeDefined();
        const original = run.bold ? face.bold() : face.regular();
        for (const char of piece.text) {
          const code = char.codePointAt(0) ?? 0;
          if (original.hasGlyphForCodePoint(code))
            expect(part?.font.hasGlyphForCodePoint(code), char).toBe(true);
        }
        // Shaped from the subset as from the file: the same glyph count and advance, no .notdef
        // (the Arabic joining forms and the Devanagari conjuncts were kept).
        const script = ['Arabic', 'Devanagari', 'Han', 'Hangul'].find((name) =>
          new RegExp(`\\p{Script=${name}}`, 'u').test(piece.text),
        );
        if (script) {
          const full = shape(testFonts.read(run.bold ? face.boldPath : face.regularPath), piece.text);
          const subset = shape(part?.ttf ?? new Uint8Array(), piece.text);
          expect(subset.glyphs.length, piece.text).toBe(full.glyphs.length);
          expect(subset.advance, piece.text).toBe(full.advance);
          expect(subset.glyphs, piece.text).not.toContain(0);
          shaped.add(script);
        }
      }
    }
    expect([...shaped].sort()).toEqual(['Arabic', 'Devanagari', 'Han', 'Hangul']);
    // A native chart's labels: one face per slot for the whole chart, so a Devanagari label in
    // a chart whose complex-script slot names the Arabic face is found in the Devanagari subset.
    const charts = Object.keys(parts).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    const labels = charts.flatMap((name) =>
      [...strFromU8(parts[name] ?? new Uint8Array()).matchAll(/<(?:c:v|a:t)>([^<]*)<\//g)].map((m) =>
        decodeEntities(m[1] ?? ''),
      ),
    );
    expect(labels.some((label) => /\p{Script=Devanagari}/u.test(label))).toBe(true);
    for (const label of labels) {
      for (const piece of stack.runs(label)) {
        const face = stack.faces[piece.face] as StackFace;
        for (const char of piece.text) {
          const code = char.codePointAt(0) ?? 0;
          if (face.regular().hasGlyphForCodePoint(code)) {
            expect(partOf(face.family, false)?.font.hasGlyphForCodePoint(code), `${char} of “${label}”`).toBe(
              true,
            );
          }
        }
      }
    }
  });
});

const office = endToEndTools(
  'the embedded-font LibreOffice test',
  'soffice',
  'pdffonts',
  'pdftotext',
  'pdftoppm',
);

describe.skipIf(!office)('the multi-script deck in LibreOffice with only its embedded fonts', () => {
  it('draws every slide as with the full font files, each script in its embedded face', async () => {
    expect(build.status, build.stderr).toBe(0);
    const fontDir = join(dir, 'embedded-fonts');
    mkdirSync(fontDir);
    for (const [i, e] of embeddedParts(parts).entries())
      writeFileSync(join(fontDir, `font${i + 1}.ttf`), e.ttf);
    const stack = testFonts.stack(await defaultTheme());
    const fullDirs = stack.faces.flatMap((face) => [dirname(face.regularPath), dirname(face.boldPath)]);
    const fromDeck = sofficePdf(deck, join(dir, 'embedded'), dir, { dirs: [fontDir] }, 'embedded');
    const fromFiles = sofficePdf(deck, join(dir, 'files'), dir, { dirs: fullDirs }, 'files');
    expect(fromDeck.run.status, fromDeck.run.stderr).toBe(0);
    expect(fromFiles.run.status, fromFiles.run.stderr).toBe(0);
    // No substitute: the faces in the PDF are the embedded ones, as with the files.
    expect(pdfFontNames(fromDeck.pdf)).toEqual(pdfFontNames(fromFiles.pdf));
    expect(new Set(pdfFontNames(fromDeck.pdf).map((n) => n.split('-')[0]))).toEqual(
      new Set(['NotoSansArabic', 'NotoSansDevanagari', 'NotoSansSC', 'Pretendard']),
    );
    const text = spawnSync('pdftotext', [fromDeck.pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const phrase of ['次世代水素', 'ग्रिड भंडारण', 'الرياح البحرية']) expect(text).toContain(phrase);
    // Pixel for pixel, so no tofu and the same line breaks. A native chart's axis names one
    // complex-script face for Arabic and Devanagari labels (script-runs.ts chartFonts), and
    // LibreOffice's fallback inside it differs with the fonts it has: chart slides are left out.
    for (const [tag, pdf] of [
      ['embedded', fromDeck.pdf],
      ['files', fromFiles.pdf],
    ] as const) {
      mkdirSync(join(dir, `${tag}-png`));
      expect(spawnSync('pdftoppm', ['-r', '40', '-png', pdf, join(dir, `${tag}-png`, 'p')]).status).toBe(0);
    }
    const pages = readdirSync(join(dir, 'files-png')).sort();
    const slides = slideNames(parts);
    expect(pages).toHaveLength(slides.length);
    let compared = 0;
    for (const [i, page] of pages.entries()) {
      if (strFromU8(parts[slides[i] ?? ''] ?? new Uint8Array()).includes('<c:chart ')) continue;
      const same = readFileSync(join(dir, 'embedded-png', page)).equals(
        readFileSync(join(dir, 'files-png', page)),
      );
      expect(same, `slide ${i + 1}`).toBe(true);
      compared += 1;
    }
    // Every slide but the chart slides: the deck has ten to twelve (templates/deck.md.hbs).
    expect(compared).toBeGreaterThanOrEqual(6);
  }, 300_000);
});
