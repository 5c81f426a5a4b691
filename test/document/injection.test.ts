/**
 * Template injection: the published Handlebars advisory payloads and prototype tricks must
 * render nothing harmful, set no global, pollute no prototype and print nothing to the console.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { buildBriefingModel, buildDeckModel, buildSectorModel } from '../../src/document/build-models.js';
import { figureBlocks } from '../../src/document/figures.js';
import type { Briefing, Deck } from '../../src/document/model.js';
import { testCatalogue } from './catalogue.js';
import { briefing, dataset, deck, firstParagraph, runsText, TEMPLATES } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await dataset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The RCE chain of the 2019 advisories (GHSA-q42p-pg8m-cqh6, CVE-2019-19919 family). */
const RCE_CHAIN = `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "return globalThis.briefkitPwned = process.mainModule;"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`;

const PAYLOADS: Record<string, string> = {
  'RCE chain through split/sub/constructor': RCE_CHAIN,
  'constructor of a string':
    '{{#with "x"}}{{constructor.constructor "return globalThis.briefkitPwned = 1"}}{{/with}}',
  'constructor through lookup': '{{lookup (lookup this "constructor") "constructor"}}',
  '__proto__ assignment': '{{#with __proto__}}{{polluted}}{{/with}}',
  '__proto__ via lookup': '{{#with (lookup this "__proto__")}}{{this}}{{/with}}',
  'prototype via path': '{{meta.constructor.prototype}}',
  '__defineGetter__ (CVE-2021-23383 family)':
    '{{#with this as |o|}}{{o.__defineGetter__ "x" o.valueOf}}{{/with}}',
  __lookupGetter__: '{{#with (__lookupGetter__ "__proto__")}}{{this}}{{/with}}',
  'helperMissing called directly': '{{helperMissing "x"}}',
  'blockHelperMissing called directly': '{{#blockHelperMissing this}}x{{/blockHelperMissing}}',
  'log writes to the console': '{{log "injected"}}',
  'dynamic partial': '{{> (lookup . "constructor")}}',
  decorator: '{{* decorator}}',
  'toString through block param': '{{#each sectors as |s|}}{{s.toString}}{{/each}}',
  'proto via @root': '{{@root.__proto__.polluted}}',
  'my helpers read own fields only':
    '{{join (pluck sectors "constructor") ","}}{{#each (sortBy sectors "__proto__")}}{{/each}}',
};

describe('published Handlebars payloads render nothing harmful', () => {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(name, () => {
      const console = [vi.spyOn(globalThis.console, 'error'), vi.spyOn(globalThis.console, 'log')];
      const result = briefing(data, `# T\n\nbefore\n\n${payload}\n\nafter\n`);
      // Refused before anything runs, with positioned diagnostics on the payload's lines.
      expect(result.model).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) {
        expect(d.code).toMatch(/^TEMPLATE_/);
        expect(d.line).toBeGreaterThanOrEqual(5);
      }
      expect((globalThis as Record<string, unknown>).briefkitPwned).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('x');
      for (const spy of console) expect(spy).not.toHaveBeenCalled();
    });
  }
});

describe('data cannot act as template or Markdown', () => {
  it('template syntax, directives, citations and charts in data stay text', () => {
    const odd = structuredClone(data);
    const sector = odd.sectors[0];
    if (!sector) throw new Error('no sector');
    sector.summary =
      '{{meta.country}} <!-- layout: title --> [^park-2025] ![x](chart:investment-trend) **b**';
    const result = briefing(odd, '# T\n\n{{#with (byId sectors "ai")}}{{summary}}{{/with}}\n');
    expect(result.diagnostics).toEqual([]);
    expect(firstParagraph(result.model)).toBe(sector.summary);
    expect(figureBlocks(result.model as Briefing)).toEqual([]);
    expect(result.model?.sources).toEqual([]);
  });

  it('a notes comment cannot be closed early by data, and notes come out unescaped', () => {
    const odd = structuredClone(data);
    const risk = odd.risks[0];
    if (!risk) throw new Error('no risk');
    risk.description = 'ends here --> # Injected heading * _x_';
    const result = deck(
      odd,
      '<!-- layout: bullets -->\n\n# Slide\n\n- a\n\n<!-- notes: {{#with (byId risks "over-centralisation")}}{{description}}{{/with}} -->\n',
    );
    expect(result.diagnostics).toEqual([]);
    const slide = result.model?.slides[0];
    expect(slide?.notes).toBe('ends here --> # Injected heading * _x_');
    expect(slide?.blocks).toHaveLength(1);
  });

  it('links other than http(s) and mailto are dropped, their text kept', () => {
    const result = briefing(
      data,
      '# T\n\n[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://example.org)\n',
    );
    const block = result.model?.sections[0]?.blocks[0];
    expect(block?.type === 'paragraph' && block.children).toEqual([
      { type: 'text', text: 'a b ' },
      { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: 'c' }] },
    ]);
  });
});

/**
 * Markdown in data (issue 10, item 8): a value substituted into a shipped template reaches the
 * model as the text it is, whatever Markdown it contains; newlines in it make no block or slide.
 */
const MARKDOWN_PAYLOAD = [
  'Plain start.',
  '',
  '---',
  '',
  'Injected',
  '====',
  '',
  '# Injected heading',
  '',
  '- injected item',
  '',
  '<!-- layout: title -->',
  'See www.example.org, <https://evil.example>, [link](https://evil.example) and *stars* | pipe.',
].join('\n');
/** What the payload prints as: itself, line breaks read as spaces (as in any paragraph). */
const PRINTED = MARKDOWN_PAYLOAD.replace(/\n/g, ' ');

function withTexts(clean: Dataset, text: string): Dataset {
  const odd = structuredClone(clean);
  for (const sector of odd.sectors) sector.summary = text;
  for (const channel of odd.channels) channel.summary = text;
  for (const risk of odd.risks) risk.description = text;
  return odd;
}

const injected = (clean: Dataset): Dataset => withTexts(clean, MARKDOWN_PAYLOAD);

function visitRuns(value: unknown, found: (run: { type: string; url?: string }) => void): void {
  if (Array.isArray(value)) for (const item of value) visitRuns(item, found);
  else if (typeof value === 'object' && value !== null) {
    const record = value as { type?: unknown; url?: unknown };
    if (typeof record.type === 'string') found(record as { type: string; url?: string });
    for (const child of Object.values(value)) visitRuns(child, found);
  }
}

function links(model: unknown): string[] {
  const urls: string[] = [];
  visitRuns(model, (run) => {
    if (run.type === 'link') urls.push(String(run.url));
  });
  return urls;
}

function blockTypes(model: Briefing): string[] {
  return model.sections.flatMap((s) => s.blocks.map((b) => b.type));
}

function briefingTexts(model: Briefing): string[] {
  return model.sections.flatMap((s) =>
    s.blocks.flatMap((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return [runsText(b.children)];
      if (b.type === 'list') return b.items.map(runsText);
      return [];
    }),
  );
}

describe('Markdown in data prints as written through the shipped templates', () => {
  const shipped = (d: Dataset) => ({ dataset: d, charts: testCatalogue(d), templatesDir: TEMPLATES });

  it('the briefing gets no page break, section, heading or link from data', () => {
    const clean = buildBriefingModel(shipped(data)).model as Briefing;
    const result = buildBriefingModel(shipped(injected(data)));
    expect(result.diagnostics).toEqual([]);
    const model = result.model as Briefing;
    expect(model.sections.map((s) => s.title)).toEqual(clean.sections.map((s) => s.title));
    expect(blockTypes(model)).toEqual(blockTypes(clean));
    expect(links(model)).toEqual([]);
    const texts = briefingTexts(model);
    expect(texts.some((t) => t.includes(PRINTED))).toBe(true);
    expect(texts.filter((t) => t.trim() === 'Injected' || t.startsWith('Injected heading'))).toEqual([]);
  });

  it('a one-pager keeps its sections and prints the summary as written', () => {
    const sectorId = data.sectors[0]?.id ?? '';
    // Against the same texts as plain words: a one-pager's channel lines depend on whether a
    // summary names the sector (templates/sector.md.hbs), which neither text does.
    const plain = withTexts(data, 'Plain words of a summary, with no name in them.');
    const clean = buildSectorModel({ ...shipped(plain), sectorId }).model as Briefing;
    const result = buildSectorModel({ ...shipped(injected(data)), sectorId });
    expect(result.diagnostics).toEqual([]);
    const model = result.model as Briefing;
    expect(model.sections.map((s) => s.title)).toEqual(clean.sections.map((s) => s.title));
    expect(blockTypes(model)).toEqual(blockTypes(clean));
    expect(briefingTexts(model)[0]).toContain(PRINTED);
  });

  it('the deck gets no slide, title or link from data, and notes keep the text', () => {
    const clean = buildDeckModel(shipped(data)).model as Deck;
    const result = buildDeckModel(shipped(injected(data)));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = result.model as Deck;
    expect(model.slides.map((s) => [s.layout, s.title])).toEqual(
      clean.slides.map((s) => [s.layout, s.title]),
    );
    expect(model.slides.map((s) => s.blocks.length)).toEqual(clean.slides.map((s) => s.blocks.length));
    expect(links(model)).toEqual([]);
    const bullets = model.slides.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'list' ? b.items.map(runsText) : [])),
    );
    expect(bullets.some((t) => t.includes(PRINTED))).toBe(true);
    expect(model.slides.some((s) => s.notes.includes(PRINTED))).toBe(true);
  });

  it('a name with Markdown syntax is a heading with exactly that text', () => {
    const odd = structuredClone(data);
    const sector = odd.sectors[0];
    if (!sector) throw new Error('no sector');
    sector.name = '**AI** & _data_ \\ [x](y) `code` 1. www.x.org';
    const model = buildBriefingModel(shipped(odd)).model as Briefing;
    const headings = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'heading' ? [runsText(b.children)] : [])),
    );
    expect(headings).toContain(sector.name);
    expect(links(model)).toEqual([]);
  });
});

describe("the template's own Markdown around printed data keeps working", () => {
  it('headings, emphasis, links, footnotes and charts built from data', () => {
    const odd = structuredClone(data);
    const source = odd.sources[0];
    if (!source) throw new Error('no source');
    // Parentheses and a space would end a link written into the Markdown text; printed, they cannot.
    source.url = 'https://example.org/report (2025)';
    const result = briefing(
      odd,
      [
        '# T',
        '',
        `{{#each (filterBy sources "id" "${source.id}")}}`,
        '## {{title}}',
        '',
        '**{{id}}** and *{{id}}*: [{{title}}]({{url}}) cited[^{{id}}].',
        '',
        '![{{@root.meta.country}}](chart:{{@root.charts.0.id}})',
        '{{/each}}',
        '',
      ].join('\n'),
    );
    expect(result.diagnostics).toEqual([]);
    const blocks = result.model?.sections[0]?.blocks ?? [];
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'figure']);
    const [heading, paragraph, chart] = blocks;
    expect(heading?.type === 'heading' && runsText(heading.children)).toBe(source.title);
    expect(paragraph?.type === 'paragraph' && paragraph.children).toEqual([
      { type: 'strong', children: [{ type: 'text', text: source.id }] },
      { type: 'text', text: ' and ' },
      { type: 'emphasis', children: [{ type: 'text', text: source.id }] },
      { type: 'text', text: ': ' },
      { type: 'link', url: source.url, children: [{ type: 'text', text: source.title }] },
      { type: 'text', text: ' cited' },
      { type: 'citation', number: 1, sourceId: source.id },
      { type: 'text', text: '.' },
    ]);
    expect(chart).toMatchObject({
      type: 'figure',
      chartId: testCatalogue(data)[0]?.id,
      alt: data.meta.country,
    });
  });

  it('a footnote printed into speaker notes is numbered; one inside data is not', () => {
    const odd = structuredClone(data);
    const risk = odd.risks[0];
    const source = odd.sources[0];
    if (!risk || !source) throw new Error('no risk or source');
    risk.description = `see [^${source.id}]`;
    const result = deck(
      odd,
      `<!-- layout: bullets -->\n\n# S\n\n- a\n\n<!-- notes: [^{{@root.sources.0.id}}] {{#with (byId risks "${risk.id}")}}{{description}}{{/with}} -->\n`,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.slides[0]?.notes).toBe(`[1] see [^${source.id}]`);
  });
});
