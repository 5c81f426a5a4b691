/**
 * Once out/ is swapped, the build is published: a step after the swap that fails (pruning an
 * old build folder, writing `.briefkit/last-build.json`) is a warning that says so, the exit
 * code is the build's own, and the next build neither loses the new build nor wrongly answers
 * "up to date".
 */
import { mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBriefingProject, cli, editDataset, setImmutable } from './project.js';

const generationsOf = (dir: string) =>
  readdirSync(join(dir, '.briefkit', 'out', 'generations')).filter((g) => g.startsWith('gen-'));

describe('an old build folder that cannot be pruned', () => {
  it('leaves the new build published, warns, exits 0, and is pruned once it can be', () => {
    // The briefing-only baseline: each of the three rebuilds draws one document, and what is
    // tested (pruning, the warning, the exit code) does not depend on how many there are.
    const dir = builtBriefingProject();
    const first = basename(realpathSync(join(dir, 'out')));
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    expect(cli(dir, ['build']).status).toBe(0);
    const pinned = join(dir, '.briefkit', 'out', 'generations', first, 'pinned.txt');
    writeFileSync(pinned, 'cannot be removed');
    editDataset(dir, 'amount: 1013,', 'amount: 1014,');
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
    editDataset(dir, 'amount: 1014,', 'amount: 1015,');
    const next = cli(dir, ['build']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/briefkit: [1-9]\d* built/);
    expect(generationsOf(dir)).not.toContain(first);
    expect(generationsOf(dir)).toHaveLength(2);
  }, 240_000);
});

describe('a last-build.json that cannot be written', () => {
  it('is a warning after a published build, and the next build still checks everything', () => {
    // A built (briefing-only) project with a changed figure: the next build publishes what it rebuilt.
    const dir = builtBriefingProject();
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    // A folder where the pointer goes: the rename onto it fails.
    mkdirSync(join(dir, '.briefkit', 'last-build.json', 'in-the-way'), { recursive: true });
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning BUILD_AFTER_PUBLISH .*last-build\.json/);
    expect(run.stderr).toMatch(/briefkit: [1-9]\d* built/);
    editDataset(dir, 'amount: 1013,', 'amount: 1014,');
    const next = cli(dir, ['build']);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('everything is up to date; nothing rebuilt');
    expect(next.stderr).toMatch(/briefkit: [1-9]\d* built/);
  }, 240_000);
});
