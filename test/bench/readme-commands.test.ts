/**
 * The README's commands are the fast ones (issue 18): `npx briefkit` in briefkit's own folder
 * finds no installed bin and goes through npx's install cache (0.6–1.0 s a call), so the README
 * runs the package's bin with node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe("the README's commands", () => {
  it('never run briefkit through npx', () => {
    expect(readme).not.toMatch(/npx briefkit/);
  });

  it('run the bin package.json declares', () => {
    const bin = pkg.bin.briefkit;
    const commands = readme.split('\n').filter((line) => /^\s*(- run: .*)?node \S+\/main\.js/.test(line));
    expect(commands.length).toBeGreaterThan(5);
    for (const line of commands) expect(line).toContain(`node ${bin} `);
  });
});
