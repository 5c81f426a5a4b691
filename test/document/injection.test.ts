/**
 * Template injection: the published Handlebars advisory payloads and prototype tricks must
 * render nothing harmful, set no global, pollute no prototype and print nothing to the console.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { briefing, dataset, deck, firstParagraph } from './support.js';

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
    expect(result.model?.charts).toEqual([]);
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
