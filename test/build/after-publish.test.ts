/**
 * Once out/ is swapped, the build is published: a step after the swap that fails (pruning an
 * old build folder, writing `.briefkit/last-build.json`) is a warning that says so, the exit
 * code is the build's own, and the next build neither loses the new build nor wrongly answers
 * "up to date".
 */
import { mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtOnePagerProject, editOnePager } from './one-pager-project.js';
import { cli, setImmutable } from './project.js';

const generationsOf = (dir: string) =>
  readdirSync(join(dir, '.briefkit', 'out', 'generations')).filter((g) => g.startsWith('gen-'));

describe('an old build folder that cannot be pruned', () => {
  it('leaves the new build published, warns, exits 0, and is pruned once it can be', async () => {
    // The one-pager project: each rebuild draws one small page, and what is tested (pruning,
    // the warning, the exit code) does not depend on what or how much is drawn.
    const dir = await builtOnePagerProject();
    const first = basename(realpathSync(join(dir, 'out')));
    editOnePager(dir, 1);
    expect(cli(dir, ['build']).status).toBe(0);
    const pinned = join(dir, '.briefkit', 'out', 'generations', first, 'pinned.txt');
    writeFileSync(pinned, 'cannot be removed');
    editOnePager(dir, 2);
    if (!setImmutable(pinned, true)) return;
    let run: ReturnType<typeof cli>;
    try {
      run = cli(dir, ['build']);
    } finally {
      setImmutable(pinned, false);
    }
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning BUILD_AFTER_PUBLISH .*published/);
    expect(run.stderr).toContain(first);
    expect(run.stderr).not.toContain('left as it was');
    const published = basename(realpathSync(join(dir, 'out')));
    expect(published).not.toBe(first);
    expect(generationsOf(dir)).toContain(first);
    const again = cli(dir, ['build']);
    expect(again.status, again.stderr).toBe(0);
    expect(basename(realpathSync(join(dir, 'out')))).toBe(published);
    editOnePager(dir, 3);
    const next = cli(dir, ['build']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/briefkit: [1-9]\d* built/);
    expect(generationsOf(dir)).not.toContain(first);
    expect(generationsOf(dir)).toHaveLength(2);
  }, 240_000);
});

describe('a last-build.json that cannot be written', () => {
  it('is a warning after a published build, and the next build still checks everything', async () => {
    // A built one-pager project with a changed summary: the next build publishes what it rebuilt.
    const dir = await builtOnePagerProject();
    editOnePager(dir, 1);
    // A folder where the pointer goes: the rename onto it fails.
    mkdirSync(join(dir, '.briefkit', 'last-build.json', 'in-the-way'), { recursive: true });
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning BUILD_AFTER_PUBLISH .*last-build\.json/);
    expect(run.stderr).toMatch(/briefkit: [1-9]\d* built/);
    editOnePager(dir, 2);
    const next = cli(dir, ['build']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('everything is up to date; nothing rebuilt');
    expect(next.stderr).toMatch(/briefkit: [1-9]\d* built/);
  }, 240_000);
});
