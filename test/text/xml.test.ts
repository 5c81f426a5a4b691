import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/text/xml.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('escapeXml', () => {
  it('escapes markup and quotes, and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`R&D <"x"> it's`)).toBe("R&amp;D &lt;&quot;x&quot;&gt; it's");
    expect(escapeXml('bell\u0007 ok\uD800')).toBe('bell ok');
  });

  it('writes apostrophes as entities only when asked', () => {
    expect(escapeXml("O'Neil & Co", { apostrophe: true })).toBe('O&apos;Neil &amp; Co');
  });

  it('is the only XML escaper in src/', () => {
    const root = join(import.meta.dirname, '../../src');
    const writers = sourceFiles(root)
      .filter((file) => readFileSync(file, 'utf8').includes("'&amp;'"))
      .map((file) => relative(root, file));
    expect(writers).toEqual(['text/xml.ts']);
  });
});
