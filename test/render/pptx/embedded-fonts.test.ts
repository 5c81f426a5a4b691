/**
 * The deck's fonts travel with it (issue 12): each face and style its text is drawn in is a
 * `ppt/fonts/fontN.fntdata` part (EOT around a subset), named in p:embeddedFontLst with its
 * relationship and content type; a face whose licence forbids embedding is left out with a
 * warning. The multi-script deck and LibreOffice: embedded-fonts-office.test.ts.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/diagnostics.js';
import { deckCharacters } from '../../../src/render/pptx/embed-fonts.js';
import { embeddingRefusal, fsTypeOf, toEot } from '../../../src/render/pptx/eot.js';
import { bulletFonts } from '../../../src/render/pptx/script-runs.js';
import { BuildFonts } from '../../../src/theme/build-fonts.js';
import { sampleCharts, sampleDeck } from '../../fixtures/decks/sample-deck.js';
import { testFonts } from '../../support/theme.js';
import { DATE, defaultTheme, renderDeck, unzip } from './deck-helpers.js';
import { embeddedParts, eotFont } from './embedded-fonts.js';

async function sample(fonts: BuildFonts = testFonts, diagnostics?: DiagnosticList): Promise<Uint8Array> {
  const theme = await defaultTheme();
  return renderDeck(sampleDeck(), sampleCharts(theme), theme, {
    fonts,
    date: DATE,
    ...(diagnostics ? { diagnostics } : {}),
  });
}

/** A build's fonts whose files at `paths` say (OS/2 fsType) that they may not be embedded. */
class RestrictedFonts extends BuildFonts {
  constructor(private readonly restricted: ReadonlySet<string>) {
    super();
  }
  override read(path: string): Buffer {
    const bytes = super.read(path);
    if (!this.restricted.has(path)) return bytes;
    const copy = Buffer.from(bytes);
    const count = copy.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      if (copy.toString('latin1', record, record + 4) === 'OS/2')
        copy.writeUInt16BE(0x0002, copy.readUInt32BE(record + 8) + 8);
    }
    return copy;
  }
}

describe('embedded fonts of the deck', () => {
  it('embeds each face and style the runs name, as PowerPoint does', async () => {
    const parts = unzip(await sample());
    const presentation = strFromU8(parts['ppt/presentation.xml'] ?? new Uint8Array());
    expect(presentation).toMatch(/<p:presentation\b[^>]*\bembedTrueTypeFonts="1"/);
    // CT_Presentation order: the list after p:notesSz, before p:defaultTextStyle.
    expect(presentation).toMatch(
      /<\/p:sldIdLst>[\s\S]*<p:notesSz\b[^>]*\/><p:embeddedFontLst>[\s\S]*<\/p:embeddedFontLst><p:defaultTextStyle>/,
    );
    expect(strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array())).toContain(
      '<Default Extension="fntdata" ContentType="application/x-fontdata"/>',
    );
    const embedded = embeddedParts(parts);
    const stack = testFonts.stack(await defaultTheme());
    const used = deckCharacters(parts, stack);
    // Every stack face the text is drawn in, in every style it is drawn in, and nothing else.
    const expected = stack.faces.flatMap((face) =>
      [...(used.get(face.family)?.keys() ?? [])].map((style) => `${face.family} ${style}`),
    );
    expect(embedded.map((e) => `${e.typeface} ${e.style}`).sort()).toEqual(expected.sort());
    expect(embedded.map((e) => `${e.typeface} ${e.style}`)).toContain('Pretendard bold');
    // Each a subset: every character drawn in it, far smaller than the file.
    for (const e of embedded) {
      const face = stack.faces.find((f) => f.family === e.typeface);
      const source = e.style === 'bold' ? face?.boldPath : face?.regularPath;
      expect(e.ttf.byteLength).toBeLessThan(statSync(source ?? '').size / 4);
      expect(e.font.familyName).toBe(e.typeface);
      const original = e.style === 'bold' ? face?.bold() : face?.regular();
      for (const code of used.get(e.typeface)?.get(e.style) ?? []) {
        if (original?.hasGlyphForCodePoint(code))
          expect(e.font.hasGlyphForCodePoint(code), String.fromCodePoint(code)).toBe(true);
      }
    }
    // The Hangul of the sample deck is among them.
    const regular = embedded.find((e) => e.typeface === 'Pretendard' && e.style === 'regular');
    for (const char of '반도체')
      expect(regular?.font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)).toBe(true);
  });

  it('gives the same bytes twice', async () => {
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(await sample())).toBe(sha(await sample(new BuildFonts())));
  });

  it('leaves out a face whose licence forbids embedding, with a warning naming its file', async () => {
    const stack = testFonts.stack(await defaultTheme());
    const boldPath = stack.faces[0]?.boldPath ?? '';
    const diagnostics = new DiagnosticList();
    const parts = unzip(await sample(new RestrictedFonts(new Set([boldPath])), diagnostics));
    const embedded = embeddedParts(parts).map((e) => `${e.typeface} ${e.style}`);
    expect(embedded).toContain('Pretendard regular');
    expect(embedded).not.toContain('Pretendard bold');
    const warnings = diagnostics.items.filter((d) => d.code === 'FONT_NOT_EMBEDDED');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: boldPath });
    expect(warnings[0]?.message).toContain('fsType 0x0002');
  });
});

describe('EOT and licence bits', () => {
  it('wraps the font unchanged after a header naming it', async () => {
    const stack = testFonts.stack(await defaultTheme());
    const ttf = new Uint8Array(testFonts.read(stack.faces[0]?.regularPath ?? ''));
    const eot = toEot(ttf);
    expect(Buffer.from(eotFont(eot)).equals(Buffer.from(ttf))).toBe(true);
    // The family name, as UTF-16LE after its size (EOT 2.2 FamilyName).
    expect(Buffer.from(eot).indexOf(Buffer.from('Pretendard', 'utf16le'))).toBeGreaterThan(82);
    expect(fsTypeOf(ttf)).toBe(0);
  });

  it('refuses restricted and bitmap-only faces, and only those', () => {
    expect(embeddingRefusal(0x0000)).toBeUndefined();
    expect(embeddingRefusal(0x0004)).toBeUndefined();
    expect(embeddingRefusal(0x0008)).toBeUndefined();
    expect(embeddingRefusal(0x0100)).toBeUndefined();
    expect(embeddingRefusal(0x0002)).toContain('restricted');
    expect(embeddingRefusal(0x0200)).toContain('bitmap');
  });
});

describe('bullets', () => {
  it('name the primary face where the paragraph names none', () => {
    const xml =
      '<a:p><a:pPr marL="0"><a:buSzPct val="100000"/><a:buChar char="•"/></a:pPr><a:r><a:t>x</a:t></a:r></a:p>' +
      '<a:p><a:pPr><a:buNone/></a:pPr></a:p>' +
      '<a:p><a:pPr><a:buFont typeface="Symbol"/><a:buChar char="·"/></a:pPr></a:p>';
    expect(bulletFonts(xml, 'Pretendard')).toBe(
      '<a:p><a:pPr marL="0"><a:buSzPct val="100000"/><a:buFont typeface="Pretendard"/><a:buChar char="•"/></a:pPr><a:r><a:t>x</a:t></a:r></a:p>' +
        '<a:p><a:pPr><a:buNone/></a:pPr></a:p>' +
        '<a:p><a:pPr><a:buFont typeface="Symbol"/><a:buChar char="·"/></a:pPr></a:p>',
    );
  });
});
