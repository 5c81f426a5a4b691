/**
 * Upgrade test for src/adapters/pdfkit.ts (and the outline internals render/pdf/pdfkit-slice.ts
 * types): fails when pdfkit's private members the adapter relies on change. After a pdfkit
 * upgrade, re-check the adapter, then update ADAPTER_CHECKED_AGAINST.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  glyphCodes,
  type LayoutCache,
  replaceXmpInfoWriter,
  shareLayoutCache,
  wrapFontEncode,
} from '../../src/adapters/pdfkit.js';
import { finish, newDocument } from '../../src/render/pdf/pdfkit-slice.js';
import { ADAPTER_CHECKED_AGAINST, versions } from './pinned.js';

const require = createRequire(import.meta.url);
const font = readFileSync(
  require.resolve('pretendard/dist/public/static/alternative/Pretendard-Regular.ttf'),
);

describe('pdfkit adapter (upgrade test)', () => {
  it('was checked against the installed and pinned pdfkit', () => {
    expect(versions('pdfkit')).toEqual({
      installed: ADAPTER_CHECKED_AGAINST.pdfkit,
      pinned: ADAPTER_CHECKED_AGAINST.pdfkit,
    });
  });

  it('finds a selected font in _fontFamilies with a layoutCache that shaping fills', async () => {
    const doc = newDocument({ autoFirstPage: true });
    doc.registerFont('Body', font);
    doc.font('Body');
    const families = (doc as unknown as { _fontFamilies: Record<string, { layoutCache?: unknown }> })
      ._fontFamilies;
    expect(typeof families.Body?.layoutCache).toBe('object');
    const shared: LayoutCache = Object.create(null) as LayoutCache;
    shareLayoutCache(doc, 'Body', shared);
    doc.text('shaped once', 10, 10);
    expect(Object.keys(shared).length).toBeGreaterThan(0);
    await finish(doc);
  });

  it('wraps a selected font’s encode (text → hex glyph ids and positions) with its resource id, and undoes it', async () => {
    const doc = newDocument({ autoFirstPage: true });
    doc.registerFont('Body', font);
    doc.font('Body');
    const seen: { id: string; text: string; glyphs: string[]; advance?: number }[] = [];
    const undo = wrapFontEncode(doc, 'Body', (id, text, encoded) => {
      seen.push({ id, text, glyphs: encoded[0], advance: encoded[1][0]?.advanceWidth });
      return encoded;
    });
    expect(undo).toBeDefined();
    doc.text('Ab', 10, 10);
    expect(seen[0]?.id).toMatch(/^F\d+$/);
    expect(seen[0]?.text).toBe('Ab');
    expect(seen[0]?.glyphs.every((g) => /^[0-9a-f]{4}$/.test(g))).toBe(true);
    expect(seen[0]?.advance).toBeGreaterThan(0);
    undo?.();
    doc.text('Cd', 10, 30);
    expect(seen).toHaveLength(1);
    await finish(doc);
  });

  it('gives a glyph a second code with its own ToUnicode text (subset.glyphs, unicode, widths)', async () => {
    const doc = newDocument({ autoFirstPage: true, compress: false });
    doc.registerFont('Body', font);
    doc.font('Body');
    const codes = glyphCodes(doc, 'Body');
    expect(codes).toBeDefined();
    let alias = '';
    const undo = wrapFontEncode(doc, 'Body', (_id, _text, [glyphs, positions]) => {
      alias = codes?.alias(glyphs[0] ?? '', 'Z') ?? '';
      return [[alias], positions];
    });
    doc.text('A', 10, 10);
    undo?.();
    expect(codes?.textOf(alias)).toBe('Z');
    const bytes = Buffer.from(await finish(doc)).toString('latin1');
    // The alias is drawn and the ToUnicode CMap names it Z (U+005A).
    expect(bytes).toContain(`<${alias}>`);
    expect(bytes).toMatch(/<005a>/i);
  });

  it('writes XMP info through _addInfo when the document has metadata', async () => {
    const doc = newDocument({ subset: 'PDF/A-2b', pdfVersion: '1.7' });
    doc.registerFont('Body', font);
    doc.font('Body');
    expect(typeof (doc as unknown as { _addInfo?: unknown })._addInfo).toBe('function');
    let written = false;
    replaceXmpInfoWriter(doc, () => {
      written = true;
      doc.appendXML('<rdf:Description rdf:about="" xmlns:x="urn:x"><x:probe>1</x:probe></rdf:Description>');
    });
    doc.text('x', 10, 10);
    const pdf = Buffer.from(await finish(doc)).toString('latin1');
    expect(written).toBe(true);
    expect(pdf).toContain('<x:probe>1</x:probe>');
  });

  it('keeps an outline item destination in outlineData.Dest', async () => {
    const doc = newDocument({});
    const item = doc.outline.addItem('Heading');
    expect(Array.isArray(item.outlineData.Dest)).toBe(true);
    await finish(doc);
  });
});
