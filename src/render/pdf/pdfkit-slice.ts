/**
 * The library boundary: the narrow slice of pdfkit (and svg-to-pdfkit) the renderer uses,
 * typed here once. @types/pdfkit lacks or mistypes several of these (subset, struct
 * elements, outline destinations, raw fonts), so the document is cast at creation only.
 * Private members (underscored) are not part of this slice: see adapters/pdfkit.ts.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

/** An opaque pdfkit object reference (`n 0 R`) whose dictionary we may set entries on. */
export interface PdfRef {
  data: Record<string, unknown>;
}

/** A marked-content sequence on a page, handed to a structure element. */
export interface PdfContent {
  readonly refs: unknown[];
}

export interface PdfStruct {
  add(child: PdfStruct | PdfContent): PdfStruct;
  end(): void;
  readonly dictionary: PdfRef;
}

export interface PdfOutlineItem {
  addItem(title: string, options?: { pageNumber?: number; expanded?: boolean }): PdfOutlineItem;
  readonly outlineData: Record<string, unknown>;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly dictionary: PdfRef;
}

export interface PdfDoc {
  page: PdfPage;
  readonly outline: PdfOutlineItem;
  readonly info: Record<string, unknown>;
  addPage(options?: Record<string, unknown>): PdfDoc;
  switchToPage(n: number): PdfPage;
  bufferedPageRange(): { start: number; count: number };
  registerFont(name: string, src: unknown): PdfDoc;
  font(name: string, size?: number): PdfDoc;
  fontSize(size: number): PdfDoc;
  widthOfString(text: string): number;
  fillColor(colour: string, opacity?: number): PdfDoc;
  strokeColor(colour: string, opacity?: number): PdfDoc;
  lineWidth(width: number): PdfDoc;
  dash(length: number, options: { space: number }): PdfDoc;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): PdfDoc;
  rect(x: number, y: number, w: number, h: number): PdfDoc;
  roundedRect(x: number, y: number, w: number, h: number, r: number): PdfDoc;
  moveTo(x: number, y: number): PdfDoc;
  lineTo(x: number, y: number): PdfDoc;
  fill(colour?: string): PdfDoc;
  stroke(colour?: string): PdfDoc;
  save(): PdfDoc;
  restore(): PdfDoc;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PdfDoc;
  link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): PdfDoc;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): PdfDoc;
  addNamedDestination(name: string, fit: 'XYZ', left: number, top: number, zoom: null): void;
  struct(type: string, options?: Record<string, unknown>): PdfStruct;
  addStructure(element: PdfStruct): PdfDoc;
  markContent(tag: string, options?: Record<string, unknown>): PdfDoc;
  markStructureContent(tag: string, options?: Record<string, unknown>): PdfContent;
  endMarkedContent(): PdfDoc;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfDoc;
  on(event: 'end' | 'error', listener: (error?: Error) => void): PdfDoc;
  end(): void;
  appendXML(xml: string, newline?: boolean): void;
  /** Writes raw content-stream operators (svg-to-pdfkit draws through it). */
  addContent(data: string): PdfDoc;
  ref(data: Record<string, unknown>): PdfRef & { end(): void };
}

// pdfkit's private members are used only in the pdfkit adapter.
export { type LayoutCache, shareLayoutCache } from '../../adapters/pdfkit.js';

/** A tagged list item (LI holding its Lbl and LBody) added to `list`: what lists draw into. */
export function addListItem(doc: PdfDoc, list: PdfStruct): { label: PdfStruct; body: PdfStruct } {
  const li = doc.struct('LI');
  const label = doc.struct('Lbl');
  const body = doc.struct('LBody');
  list.add(li);
  li.add(label);
  li.add(body);
  return { label, body };
}

export function newDocument(options: Record<string, unknown>): PdfDoc {
  // Cast at the library boundary: see the file comment.
  return new PDFDocument(options) as unknown as PdfDoc;
}

/** Collects the document's bytes; resolves once pdfkit has written the trailer. */
export function finish(doc: PdfDoc): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('error', (error) => reject(error));
    doc.on('end', () => {
      // A plain Uint8Array (not a pooled Buffer): callers and readers may keep or transfer it.
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(out);
    });
    doc.end();
  });
}

export interface SvgOptions {
  width: number;
  height: number;
  fontCallback: (family: string, bold: boolean, italic: boolean, flags: { fauxBold: boolean }) => string;
  imageCallback: (link: string) => string;
  documentCallback: (file: string) => null;
  warningCallback: (message: string) => void;
}

export function drawSvg(doc: PdfDoc, svg: string, x: number, y: number, options: SvgOptions): void {
  SVGtoPDF(doc as unknown as PDFKit.PDFDocument, svg, x, y, { ...options });
}
