/**
 * A partial build (`--only`, `--shard`) publishes a manifest for the inputs it saw while the
 * other outputs stay from older inputs: the next plain build must not answer "up to date".
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtProject, cli, DATASET } from '../build/project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a partial build then a plain one', () => {
  it('rebuilds what the partial build left from older inputs', () => {
    const dir = builtProject();
    dirs.push(dir);
    const briefing = readFileSync(join(dir, 'out', 'briefing.pdf'));
    const dataset = join(dir, DATASET);
    // A change every document shows: the dataset's title.
    const text = readFileSync(dataset, 'utf8');
    const changed = text.replace(/^(\s*title:\s*)(.+)$/m, '$1$2 (revised)');
    expect(changed).not.toBe(text);
    writeFileSync(dataset, changed);
    const sector = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'))
      .outputs.map((o: { job: string }) => o.job)
      .find((job: string) => job.startsWith('sector-'));
    expect(cli(dir, ['build', '--only', sector]).status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'briefing.pdf')).equals(briefing)).toBe(true);
    const plain = cli(dir, ['build']);
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toMatch(/everything is up to date/);
    expect(readFileSync(join(dir, 'out', 'briefing.pdf')).equals(briefing)).toBe(false);
  });
});
