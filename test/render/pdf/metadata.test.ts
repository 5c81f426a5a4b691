import { describe, expect, it } from 'vitest';
import { xmpInfoXml } from '../../../src/render/pdf/xmp.js';
import { escapeXml } from '../../../src/text/xml.js';
import { sampleBriefing, sampleCharts } from '../../fixtures/models/briefing.js';
import { open, raw, render } from './read.js';

const NASTY = 'R&D <b>"quoted"</b> & 반도체·디스플레이 ₩6.8 trillion';

describe('PDF metadata', () => {
  it('keeps &, <, quotes and Hangul intact in the Info dictionary and a well-formed XMP', async () => {
    const model = sampleBriefing({ title: NASTY });
    model.meta.author = 'Kim & <Lee> "team"';
    model.meta.subject = 'Subject with & and < and 한글';
    model.meta.keywords = ['a&b', '<c>', '양자'];
    const { bytes } = await render(model, sampleCharts());
    const { info, metadata } = await (await open(bytes)).getMetadata();
    const i = info as Record<string, unknown>;
    expect(i.Title).toBe(NASTY);
    expect(i.Author).toBe('Kim & <Lee> "team", Policy Lab');
    expect(i.Subject).toBe('Subject with & and < and 한글');
    expect(i.Keywords).toBe('a&b, <c>, 양자');
    expect(i.Creator).toMatch(/^briefkit /);
    // pdfjs parses the XMP with its XML parser: a broken packet gives no metadata at all.
    expect(metadata?.get('dc:title')).toBe(NASTY);
    expect(metadata?.get('dc:creator')).toEqual(['Kim & <Lee> "team", Policy Lab']);
    expect(metadata?.get('pdf:keywords')).toBe('a&b, <c>, 양자');
    expect(raw(bytes)).not.toContain('<rdf:li xml:lang="x-default">R&D <b>');
  });

  it('escapes XML text and drops characters XML forbids', () => {
    expect(escapeXml('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
    expect(escapeXml('bell\u0007 ok\uD800')).toBe('bell ok');
    const xml = xmpInfoXml({
      title: '<x>',
      author: 'a',
      subject: 's',
      keywords: 'k',
      creator: 'c',
      producer: 'p',
      language: 'ko',
      date: new Date('2025-07-15T00:00:00Z'),
    });
    expect(xml).toContain('&lt;x&gt;');
    expect(xml).toContain('<dc:language><rdf:Bag><rdf:li>ko</rdf:li></rdf:Bag></dc:language>');
    expect(xml).toContain('<xmp:ModifyDate>2025-07-15T00:00:00Z</xmp:ModifyDate>');
  });

  it('claims PDF/A-2b only when asked, in PDF 1.7 with XMP and an output intent', async () => {
    const { bytes } = await render(sampleBriefing(), sampleCharts(), { pdfa: true });
    const text = raw(bytes);
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(text).not.toContain('pdfuaid');
    expect(text).toContain('/OutputIntents');
    expect(text).toContain('/S /GTS_PDFA1');
    const { metadata } = await (await open(bytes)).getMetadata();
    expect(metadata?.get('dc:title')).toBe(sampleBriefing().meta.title);
  });
});
