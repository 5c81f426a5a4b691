/**
 * The one HTML head writer (src/text/html-head.ts) of out/index.html and the preview's own
 * pages: each page keeps its policy, title and additions, element for element as before.
 */
import { describe, expect, it } from 'vitest';
import { failurePage, waitingPage } from '../../src/cli/preview-pages.js';
import { htmlHead } from '../../src/text/html-head.js';

describe('htmlHead', () => {
  it('writes doctype to </head>: charset, policy, viewport, meta, title, additions, in that order', () => {
    expect(
      htmlHead({
        language: 'ko',
        csp: "default-src 'none'",
        meta: [['referrer', 'no-referrer']],
        title: 'Korea: documents',
        after: ['<style>p{}</style>'],
      }),
    ).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="ko">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<title>Korea: documents</title>',
        '<style>p{}</style>',
        '</head>',
        '',
      ].join('\n'),
    );
  });

  it('escapes the language, policy, meta and title; writes the additions as they are', () => {
    const head = htmlHead({
      language: 'en"><script>',
      csp: 'a"b',
      meta: [['x"', '<y>']],
      title: '</title><script>alert(1)</script>',
      after: ['<script src="/r.js" defer></script>'],
    });
    expect(head).toContain('<html lang="en&quot;&gt;&lt;script&gt;">');
    expect(head).toContain('content="a&quot;b"');
    expect(head).toContain('<meta name="x&quot;" content="&lt;y&gt;">');
    expect(head).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(head).toContain('<script src="/r.js" defer></script>\n</head>');
    expect(head.match(/<script/g)).toHaveLength(1);
  });

  it("gives the preview's pages their own title, policy, style and reload script", () => {
    for (const [page, title] of [
      [waitingPage(), 'Building: briefkit preview'],
      [failurePage([]), 'Build failed: briefkit preview'],
    ] as const) {
      expect(page).toMatch(
        new RegExp(
          [
            '^<!DOCTYPE html>',
            '<html lang="en">',
            '<head>',
            '<meta charset="utf-8">',
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'self'; connect-src 'self'">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            `<title>${title}</title>`,
            '<style>[^<]+</style>',
            '<script src="/__briefkit/reload.js" defer></script>',
            '</head>',
            '<body>',
            '<main>\n',
          ].join('\n'),
        ),
      );
    }
  });
});
