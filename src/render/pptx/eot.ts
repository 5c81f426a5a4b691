/**
 * PowerPoint's embedded font part (`ppt/fonts/fontN.fntdata`) is an Embedded OpenType file: an
 * EOT header, then the TrueType font. LibreOffice reads it that way (its PPTX import hands the
 * part to libeot, `eot = true`) and writes it that way on export: version 0x00020002, no
 * compression, no XOR, the names from the font's name table (vcl/source/font/EOTConverter.cxx
 * in LibreOffice's sources). This writes the same header (W3C EOT submission, 2008; all fields
 * little-endian) from the font's own OS/2, head and name tables, with DEFAULT_CHARSET (1) where
 * LibreOffice writes ANSI (0): the face is not limited to one code page.
 */

/** The sfnt tables of a TrueType/OpenType font, by tag. */
function tables(font: Uint8Array): Map<string, DataView> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const out = new Map<string, DataView>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    out.set(tag, new DataView(font.buffer, font.byteOffset + offset, length));
  }
  return out;
}

/** OS/2 fsType: the embedding licence bits (0 installable, 2 restricted, 4 preview & print, 8 editable). */
export function fsTypeOf(font: Uint8Array): number {
  const os2 = tables(font).get('OS/2');
  return os2 ? os2.getUint16(8) : 0;
}

/** Why the face may not be embedded at all, or undefined when it may (OS/2 fsType, OpenType spec). */
export function embeddingRefusal(fsType: number): string | undefined {
  if ((fsType & 0x000f) === 0x0002) return 'restricted licence embedding';
  if (fsType & 0x0200) return 'bitmap embedding only';
  return undefined;
}

/** The face may be embedded, but only whole (fsType bit 8, "no subsetting"). */
export const forbidsSubsetting = (fsType: number): boolean => (fsType & 0x0100) !== 0;

/** The PANOSE bytes as `p:font panose` writes them: 20 hex digits. */
export function panoseHex(font: Uint8Array): string | undefined {
  const os2 = tables(font).get('OS/2');
  if (!os2 || os2.byteLength < 42) return undefined;
  let hex = '';
  for (let i = 0; i < 10; i++)
    hex += os2
      .getUint8(32 + i)
      .toString(16)
      .padStart(2, '0');
  return hex.toUpperCase();
}

/** A name (Windows platform, Unicode BMP, US English) as UTF-16 code units, or undefined. */
function windowsName(name: DataView | undefined, id: number): number[] | undefined {
  if (!name) return undefined;
  const count = name.getUint16(2);
  const strings = name.getUint16(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const [platform, encoding, language, nameId] = [0, 2, 4, 6].map((o) => name.getUint16(r + o));
    if (platform !== 3 || encoding !== 1 || language !== 0x409 || nameId !== id) continue;
    const length = name.getUint16(r + 8);
    const offset = strings + name.getUint16(r + 10);
    const units: number[] = [];
    for (let j = 0; j + 1 < length; j += 2) units.push(name.getUint16(offset + j));
    return units;
  }
  return undefined;
}

class LittleEndian {
  readonly bytes: number[] = [];
  u8(value: number): void {
    this.bytes.push(value & 0xff);
  }
  u16(value: number): void {
    this.u8(value);
    this.u8(value >>> 8);
  }
  u32(value: number): void {
    this.u16(value & 0xffff);
    this.u16(value >>> 16);
  }
}

/** Padding, size and the null-terminated UTF-16LE string, as LibreOffice writes each EOT name. */
function writeName(out: LittleEndian, units: readonly number[] | undefined): void {
  out.u16(0);
  if (!units) {
    out.u16(0);
    return;
  }
  out.u16(units.length * 2 + 2);
  for (const unit of units) out.u16(unit);
  out.u16(0);
}

/** The font wrapped as an uncompressed EOT 2.2 file (the `.fntdata` of a PPTX). */
export function toEot(font: Uint8Array): Uint8Array {
  const all = tables(font);
  const os2 = all.get('OS/2');
  const head = all.get('head');
  const name = all.get('name');
  const out = new LittleEndian();
  out.u32(0); // EOTSize, set below
  out.u32(font.byteLength);
  out.u32(0x00020002);
  out.u32(0); // flags: no subset flag, no compression, no XOR
  for (let i = 0; i < 10; i++) out.u8(os2 && os2.byteLength >= 42 ? os2.getUint8(32 + i) : 0);
  out.u8(1); // DEFAULT_CHARSET
  out.u8(os2 ? os2.getUint16(62) & 0x01 : 0);
  out.u32(os2 ? os2.getUint16(4) : 400);
  out.u16(os2 ? os2.getUint16(8) : 0);
  out.u16(0x504c); // magic
  for (const offset of [42, 46, 50, 54]) out.u32(os2 ? os2.getUint32(offset) : 0);
  for (const offset of [78, 82]) out.u32(os2 && os2.byteLength >= offset + 4 ? os2.getUint32(offset) : 0);
  out.u32(head ? head.getUint32(8) : 0); // checkSumAdjustment
  for (let i = 0; i < 4; i++) out.u32(0); // reserved
  for (const id of [1, 2, 5, 4]) writeName(out, windowsName(name, id));
  out.u16(0); // padding 5
  out.u16(0); // root string size
  out.u32(0x50475342); // root string checksum of an empty root string
  out.u32(1252); // EUDC code page
  out.u16(0); // padding 6
  out.u16(0); // signature size
  out.u32(0); // EUDC flags
  out.u32(0); // EUDC font size
  const header = Uint8Array.from(out.bytes);
  const eot = new Uint8Array(header.byteLength + font.byteLength);
  eot.set(header, 0);
  eot.set(font, header.byteLength);
  new DataView(eot.buffer).setUint32(0, eot.byteLength, true);
  return eot;
}
