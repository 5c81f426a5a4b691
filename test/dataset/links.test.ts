/**
 * isSafeLink, the one filter for links (schema and renderers), and the dataset's `sources[].url`
 * built on it: only https: and http: addresses, written as they are parsed.
 */
import { describe, expect, it } from 'vitest';
import { isSafeLink } from '../../src/dataset/links.js';
import { validateDatasetText } from '../../src/dataset/load.js';

const MINIMAL = (url: string) => `meta:
  id: example
  title: Example
  country: Exampleland
  language: en
  asOf: 2025-07-15
  author: Analyst
  currency: KRW
sources:
  - id: report
    title: A report
    url: ${JSON.stringify(url)}
sectors:
  - id: ai
    name: AI
    summary: AI sector.
    cite:
      - source: report
        quote: AI matters.
`;

const SAFE = [
  'https://example.org/report',
  'http://example.org',
  'HTTPS://Example.org/a?b=c#d',
  'https://대한민국.kr/',
];

const UNSAFE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'file:///etc/passwd',
  'smb://server/share',
  'data:text/html,<script>alert(1)</script>',
  'mailto:a@example.org',
  'ftp://example.org/file',
  'vbscript:msgbox',
  'java\tscript:alert(1)',
  'https://exa mple.org',
  'https://example.org/\u202ereversed',
  'https://',
  'https:example.org',
  '//example.org',
  '',
];

/** zod's url() trims the text: the value kept (and later linked) is the address without the space. */
const PADDED = ' https://example.org ';

describe('isSafeLink', () => {
  it('refuses a link with spaces around it: the viewer would not see what was checked', () => {
    expect(isSafeLink(PADDED)).toBe(false);
  });

  it.each(SAFE)('accepts %s', (url) => {
    expect(isSafeLink(url)).toBe(true);
  });

  it.each(UNSAFE)('refuses %j', (url) => {
    expect(isSafeLink(url)).toBe(false);
  });
});

describe('sources[].url', () => {
  it.each(SAFE)('validates %s', (url) => {
    expect(validateDatasetText(MINIMAL(url), 'x.yaml').diagnostics).toEqual([]);
  });

  it.each(UNSAFE)('refuses %j at the url, naming the allowed schemes', (url) => {
    const { dataset, diagnostics } = validateDatasetText(MINIMAL(url), 'x.yaml');
    expect(dataset).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: 'sources[0].url', line: 12, column: 10 });
    expect(diagnostics[0]?.message).toMatch(/^expected a web address/);
  });

  it('keeps an address with spaces around it without them, so the kept value is a safe link', () => {
    const { dataset } = validateDatasetText(MINIMAL(PADDED), 'x.yaml');
    expect(dataset?.sources[0]?.url).toBe('https://example.org');
    expect(isSafeLink(dataset?.sources[0]?.url ?? '')).toBe(true);
  });

  it('hints at the scheme that was refused', () => {
    const [problem] = validateDatasetText(MINIMAL('smb://server/share'), 'x.yaml').diagnostics;
    expect(problem).toMatchObject({
      code: 'DATA_INVALID_VALUE',
      message: 'expected a web address starting with https:// or http://, got "smb://server/share"',
      hint: 'only https: and http: addresses become links; a smb: address would open something other than a web page',
    });
  });
});
