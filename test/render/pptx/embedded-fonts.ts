/**
 * Reading a deck's embedded fonts back, for the tests: the parts p:embeddedFontLst names, each
 * EOT header checked and its TrueType font parsed with fontkit.
 */
import { strFromU8 } from 'fflate';
import * as fontkit from 'fontkit';
import { expect } from 'vitest';
import type { FontStyle } from '../../../src/render/pptx/embed-fonts.js';

export interface EmbeddedPart {
  typeface: string;
  style: FontStyle;
  part: string;
  /** The TrueType bytes inside the EOT. */
  ttf: Uint8Array;
  font: fontkit.Font;
}

/** The TrueType font inside an EOT 2.2 header, after checking the header's fields. */
export function eotFont(eot: Uint8Array): Uint8Array {
  const view = new DataView(eot.buffer, eot.byteOffset, eot.byteLength);
  expect(view.getUint32(0, true)).toBe(eot.byteLength);
  expect(view.getUint32(8, true)).toBe(0x00020002);
  expect(view.getUint32(12, true)).toBe(0); // no compression, no XOR
  expect(view.getUint16(34, true)).toBe(0x504c);
  const size = view.getUint32(4, true);
  return eot.subarray(eot.byteLength - size);
}

/** The embedded faces of an unzipped deck, through presentation.xml, its relationships and content types. */
export function embeddedParts(parts: Record<string, Uint8Array>): EmbeddedPart[] {
  const read = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
  const presentation = read('ppt/presentation.xml');
  const rels = read('ppt/_rels/presentation.xml.rels');
  const out: EmbeddedPart[] = [];
  for (const [, body = ''] of presentation.matchAll(/<p:embeddedFont>([\s\S]*?)<\/p:embeddedFont>/g)) {
    const typeface = /<p:font typeface="([^"]*)"/.exec(body)?.[1] ?? '';
    for (const [, style, id] of body.matchAll(/<p:(regular|bold|italic|boldItalic) r:id="([^"]*)"\/>/g)) {
      const target = new RegExp(
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="([^"]*)"/>`,
      ).exec(rels)?.[1];
      expect(target, `relationship ${id}`).toMatch(/^fonts\/font\d+\.fntdata$/);
      const part = `ppt/${target}`;
      const data = parts[part];
      expect(data, part).toBeDefined();
      const ttf = eotFont(data ?? new Uint8Array());
      out.push({
        typeface,
        style: style as FontStyle,
        part,
        ttf,
        font: fontkit.create(Buffer.from(ttf)) as fontkit.Font,
      });
    }
  }
  return out;
}
