/**
 * Live links only for http:/https: (src/dataset/links.ts): a `javascript:`, `file:` or `smb:`
 * URL that reaches a model, in a paragraph or a source, is drawn as text and never becomes
 * a link annotation in the PDF or a hyperlink relationship in the deck.
 */
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSafeLink } from '../../src/dataset/links.js';
import type { Block, Inline } from '../../src/document/model.js';
import { sampleDeck, sampleCharts as sampleDeckCharts } from '../fixtures/decks/sample-deck.js';
import { sampleBriefing, sampleCharts } from '../fixtures/models/briefing.js';
import { testFonts } from '../support/theme.js';
import { allText, DATE, defaultTheme, open, raw, render } from './pdf/read.js';
import { renderDeck, unzip } from './pptx/deck-helpers.js';

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  'java\nscript:alert(1)',
  'file:///etc/passwd',
  'smb://attacker.example/share',
  'data:text/html,<script>alert(1)</script>',
  'https:evil.example',
  ' https://padded.example/',
  // A right-to-left override makes the address read as something else.
  'https://example.org/\u202Efdp.exe',
];
const SAFE = 'https://www.example.org/report';

const link = (url: string, label: string): Inline => ({
  type: 'link',
  url,
  children: [{ type: 'text', text: label }],
});

/** One paragraph linking every hostile URL (labelled "hostile N") and one web address. */
function linkParagraph(): Block {
  const children: Inline[] = [{ type: 'text', text: 'Links: ' }];
  for (const [i, url] of HOSTILE.entries())
    children.push(link(url, `hostile ${i + 1}`), { type: 'text', text: ', ' });
  children.push(link(SAFE, 'the report'));
  return { type: 'paragraph', children };
}

describe('isSafeLink', () => {
  it('accepts absolute web addresses only', () => {
    expect(isSafeLink(SAFE)).toBe(true);
    expect(isSafeLink('http://example.org')).toBe(true);
    for (const url of HOSTILE) expect(isSafeLink(url), JSON.stringify(url)).toBe(false);
    expect(isSafeLink('')).toBe(false);
    expect(isSafeLink('/relative/path')).toBe(false);
    expect(isSafeLink('https://')).toBe(false);
  });
});

describe('PDF links', () => {
  it('writes no link annotation for a non-web URL, in the body or the sources list', async () => {
    const model = sampleBriefing();
    model.sections[0]?.blocks.push(linkParagraph());
    model.sources.push({
      number: model.sources.length + 1,
      id: 'hostile',
      title: 'Hostile',
      url: HOSTILE[3],
    });
    const { bytes } = await render(model, sampleCharts());
    const pdf = await open(bytes);
    const urls: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      for (const a of (await (await pdf.getPage(p)).getAnnotations()) as {
        url?: string;
        unsafeUrl?: string;
      }[])
        if (a.url ?? a.unsafeUrl) urls.push(a.url ?? a.unsafeUrl ?? '');
    }
    const webSources = sampleBriefing().sources.flatMap((source) => (source.url ? [source.url] : []));
    expect(new Set(urls)).toEqual(new Set([SAFE, ...webSources]));
    // pdfjs hides some unsafe URLs from `url`: the raw file must hold no URI action but web ones.
    const uriActions = [...raw(bytes).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1] ?? '');
    expect(new Set(uriActions)).toEqual(new Set([SAFE, ...webSources]));
    // The text is still there, as text.
    const text = (await allText(pdf)).join('\n');
    for (let i = 1; i <= HOSTILE.length; i++) expect(text).toContain(`hostile ${i}`);
    expect(text).toContain('file:///etc/passwd');
  });
});

describe('deck links', () => {
  it('writes no hyperlink relationship for a non-web URL', async () => {
    const theme = await defaultTheme();
    const deck = sampleDeck();
    const slide = deck.slides[1];
    if (!slide) throw new Error('sample deck has no second slide');
    slide.blocks = [...slide.blocks, linkParagraph()];
    const parts = unzip(
      await renderDeck(deck, sampleDeckCharts(theme), theme, { fonts: testFonts, date: DATE }),
    );
    const targets = Object.entries(parts)
      .filter(([name]) => name.endsWith('.rels'))
      .flatMap(([, data]) =>
        [...strFromU8(data).matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*>/g)].map(
          (m) => /Target="([^"]*)"/.exec(m[0])?.[1] ?? '',
        ),
      );
    expect(new Set(targets)).toEqual(new Set([SAFE]));
  });
});
