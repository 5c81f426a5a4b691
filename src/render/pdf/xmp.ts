/**
 * XMP metadata written by us, escaped: pdfkit's own writer puts the title, author and
 * subject into the XML unescaped, so `&` or `<` breaks it (adapters/pdfkit.ts). The values mirror
 * the Info dictionary, as PDF/A requires.
 */
import { replaceXmpInfoWriter } from '../../adapters/pdfkit.js';
import { escapeXml } from '../../text/xml.js';
import type { PdfDoc } from './pdfkit-slice.js';

export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  language: string;
  date: Date;
}

export function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

export function xmpInfoXml(info: XmpInfo): string {
  const e = escapeXml;
  const date = xmpDate(info.date);
  const lang = e(info.language);
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${e(info.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${e(info.keywords)}</pdf:Keywords>`,
    '</rdf:Description>',
  ].join('\n');
}

/** Replaces pdfkit's unescaped writer on this document only. */
export function installXmp(doc: PdfDoc, info: XmpInfo): void {
  replaceXmpInfoWriter(doc, () => doc.appendXML(xmpInfoXml(info)));
}
