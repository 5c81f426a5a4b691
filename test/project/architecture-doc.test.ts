/**
 * docs/architecture.md against the tree. Its rule on file names: a file name in src/ is unique
 * but for `index.ts` barrels and the files the "Names" section lists, each bullet one repeated
 * name; checked both ways, so the list can drift neither short (a name that came to repeat) nor
 * long. And every file it names (a path relative to the repository or to src/) exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

/** The bullets of the "## Names" section, each as the src/-relative paths it names. */
function listedExceptions(): string[][] {
  const section = DOC.split(/^## /m).find((part) => part.startsWith('Names\n'));
  if (!section) throw new Error('docs/architecture.md has no "## Names" section');
  return section
    .split(/^- /m)
    .slice(1)
    .map((bullet) => [...bullet.matchAll(/`([\w-]+(?:\/[\w-]+)+\.ts)`/g)].map((m) => m[1] as string));
}

const DOC = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

describe('the files docs/architecture.md names', () => {
  it('exist, relative to the repository or to src/', () => {
    const named = [...DOC.matchAll(/[\w-]+(?:\/[\w.-]+)+\.(?:ts|cjs|md)\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(0);
    const missing = named.filter((path) => !existsSync(join(ROOT, path)) && !existsSync(join(SRC, path)));
    expect(missing).toEqual([]);
  });
});

describe('file names in src/ (docs/architecture.md, "Names")', () => {
  const listed = listedExceptions();

  it('lists files that exist, each bullet one name repeated', () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const paths of listed) {
      expect(paths.length, `a bullet of ${paths.join(', ')}`).toBeGreaterThan(1);
      expect(new Set(paths.map((p) => basename(p))).size, paths.join(', ')).toBe(1);
      for (const path of paths) expect(existsSync(join(SRC, path)), path).toBe(true);
    }
  });

  it('lists exactly the files whose name repeats, index.ts barrels aside', () => {
    const byName = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const name = basename(file);
      if (name !== 'index.ts') byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    const repeated = [...byName.values()].filter((files) => files.length > 1).flat();
    expect(listed.flat().sort()).toEqual(repeated.sort());
  });
});
