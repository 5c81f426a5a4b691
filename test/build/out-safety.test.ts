/**
 * A build writes and deletes only inside out/: not through a manifest's path, not through
 * a symbolic link inside out/, and it works when out/ is a file system of its own.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildIn,
  builtBriefingProject,
  cli,
  EDITED_ONE_PAGER,
  editDataset,
  makeProject,
  snapshot,
} from './project.js';

const ONLY = EDITED_ONE_PAGER;

describe('paths from the previous manifest', () => {
  it('never lead a build to delete or read a file outside out/', async () => {
    // A built copy of the briefing-only project: the untrusted manifest is ignored, so the
    // build below redraws every output, here the briefing and its charts (before, every
    // document of the shipped project), and publishes past the manifest's path.
    const dir = builtBriefingProject();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const manifestFile = join(dir, 'out', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.outputs.push({ ...manifest.outputs[0], path: '../victim.txt' });
    // Replace, not write through: the published file may be a hard link shared by generations.
    rmSync(manifestFile);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const result = await buildIn(dir);
    expect(result.status).toBe('built');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(result.diagnostics.map((d) => d.code)).toContain('BUILD_UNTRUSTED_MANIFEST');
  }, 60_000);
});

describe('a symbolic link inside out/', () => {
  it('is never written through', async () => {
    // Its own first build of one one-pager, not a built copy: out/sectors/ is replaced by the
    // link, and a full copy would lose eleven one-pagers the next build would draw again.
    const dir = makeProject();
    await buildIn(dir, ONLY);
    const elsewhere = mkdtempSync(join(tmpdir(), 'briefkit-elsewhere-'));
    writeFileSync(join(elsewhere, 'sentinel.txt'), 'mine');
    rmSync(join(dir, 'out', 'sectors'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'out', 'sectors'));
    editDataset(dir, 'amount: 1012,', 'amount: 1013,');
    const result = await buildIn(dir, ONLY);
    expect(result.status).toBe('built');
    expect(readdirSync(elsewhere)).toEqual(['sentinel.txt']);
    expect(lstatSync(join(dir, 'out', 'sectors')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'out', 'sectors')).length).toBeGreaterThan(0);
    expect(result.diagnostics.map((d) => d.code)).toContain('BUILD_OUT_LINK');
  }, 60_000);
});

/** Mounting needs root; CI runs as root, so there a failed mount fails the test. */
function mountTmpfs(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', dir]).status === 0;
  if (!mounted && process.env.CI)
    throw new Error('CI: cannot mount a tmpfs to test out/ on its own file system');
  return mounted;
}

describe('out/ on a file system of its own (tmpfs, a CI volume)', () => {
  it('builds, rebuilds and fails without losing anything', async () => {
    // Cold on purpose: the first build is the one into the fresh, empty file system.
    const dir = makeProject();
    const out = join(dir, 'out');
    if (!mountTmpfs(out)) return;
    try {
      // A folder of someone else's files is refused (config-out.test.ts); once briefkit's, a
      // file put beside the outputs (a README for the share) stays through every publish.
      const first = await buildIn(dir, ONLY);
      expect(first.status, JSON.stringify(first.diagnostics)).toBe('built');
      expect(lstatSync(out).isDirectory()).toBe(true);
      writeFileSync(join(out, 'README.txt'), 'not ours');
      editDataset(dir, 'amount: 1012,', 'amount: 1014,');
      expect((await buildIn(dir, ONLY)).status).toBe('built');
      expect(readFileSync(join(out, 'README.txt'), 'utf8')).toBe('not ours');
      const before = snapshot(dir);
      editDataset(dir, 'amount: 1014,', 'amount: 1013,');
      await expect(
        buildIn(dir, {
          ...ONLY,
          publishHook: (step) => {
            if (step === 'old-moved-out') throw new Error('cut');
          },
        }),
      ).rejects.toThrow('cut');
      const second = await buildIn(dir, ONLY);
      expect(second.status).not.toBe('failed');
      const after = snapshot(dir);
      expect(after).not.toEqual(before);
      expect(readdirSync(out).filter((e) => e.startsWith('.briefkit-'))).toEqual([]);
      expect(after.get('README.txt')).toBe(before.get('README.txt'));
    } finally {
      spawnSync('umount', [out]);
    }
  }, 60_000);
});

describe('a copied checkout', () => {
  it('with .briefkit/ but no out/ builds its outputs instead of saying "up to date"', () => {
    // The briefing-only baseline: the copy's build draws one document instead of all.
    const dir = builtBriefingProject();
    const copy = mkdtempSync(join(tmpdir(), 'briefkit-copy-'));
    for (const entry of ['data', 'templates', 'briefkit.config.yaml', '.briefkit', 'node_modules'])
      cpSync(join(dir, entry), join(copy, entry), { recursive: true, verbatimSymlinks: true });
    const run = cli(copy, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('up to date; nothing rebuilt');
    expect(existsSync(join(copy, 'out', 'briefing.pdf'))).toBe(true);
  }, 120_000);
});
