/**
 * `briefkit merge-manifests`: partial manifests are read through the input guard, every path
 * they name must be a plain file inside the config's out/ that matches its entry, and the
 * merged manifest is written atomically into that out/, holding the build lock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runMergeManifests } from '../../src/cli/merge-manifests.js';
import { acquireLock } from '../../src/pipeline/lock.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { stateDirFor } from '../../src/pipeline/out-layout.js';
import { builtBriefingProject, CLI } from '../build/project.js';

const fault = vi.hoisted(() => ({ match: undefined as RegExp | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof original.writeFile = async (file, ...rest) => {
    if (fault.match?.test(String(file)))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return original.writeFile(file, ...rest);
  };
  return { ...original, writeFile, default: { ...original, writeFile } };
});

const unix = process.platform !== 'win32';

/** A built project (the briefing only) whose manifest is split into two shard manifests in shards/. */
let built: { dir: string; manifest: string };

beforeAll(() => {
  const dir = builtBriefingProject();
  built = { dir, manifest: readFileSync(join(dir, 'out', 'manifest.json'), 'utf8') };
});

/** A fresh copy of the built project, with the shard manifests written (and edited by `edit`). */
function project(edit: (shards: Manifest[]) => void = () => {}): string {
  const dir = join(built.dir, '..', `${built.dir.split('/').pop()}-${Math.random().toString(36).slice(2)}`);
  execFileSync('cp', ['-a', built.dir, dir]);
  const full = JSON.parse(built.manifest) as Manifest;
  const shards: Manifest[] = [1, 2].map((index) => ({
    ...full,
    shard: { index, count: 2 },
    outputs: full.outputs.filter((_, i) => i % 2 === index - 1),
  }));
  edit(shards);
  mkdirSync(join(dir, 'shards'));
  shards.forEach((s, i) => {
    writeFileSync(
      join(dir, 'shards', `manifest-shard-${i + 1}-of-2.json`),
      `${JSON.stringify(s, null, 2)}\n`,
    );
  });
  return dir;
}

const SHARDS = ['shards/manifest-shard-1-of-2.json', 'shards/manifest-shard-2-of-2.json'];

async function merge(dir: string, files = SHARDS) {
  const printed: string[] = [];
  const io = { out: () => {}, err: (text: string) => printed.push(text), isTTY: false };
  const code = await runMergeManifests(files, io, dir, 'briefkit.config.yaml');
  return { code, err: printed.join('') };
}

const outManifest = (dir: string) => readFileSync(join(dir, 'out', 'manifest.json'), 'utf8');

describe('merge-manifests', () => {
  it('joins the shards into the config’s out/manifest.json, not beside its first argument', async () => {
    const dir = project();
    writeFileSync(join(dir, 'out', 'manifest.json'), '{}\n');
    const { code, err } = await merge(dir);
    expect(code, err).toBe(0);
    expect(err).toContain('merged 2 manifests into out/manifest.json (');
    expect(outManifest(dir)).toBe(built.manifest);
    expect(readdirSync(join(dir, 'shards')).sort()).toEqual([
      'manifest-shard-1-of-2.json',
      'manifest-shard-2-of-2.json',
    ]);
    // Written by temp + rename: nothing else is left in out/.
    expect(readdirSync(join(dir, 'out')).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it.runIf(unix)('refuses a FIFO argument without waiting on it', () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, 'shards', 'pipe.json')]);
    const run = spawnSync(
      process.execPath,
      [CLI, 'merge-manifests', 'shards/pipe.json', SHARDS[0] as string],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
        timeout: 60_000,
      },
    );
    expect(run.signal, 'merge-manifests hung on the FIFO').toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shards/pipe.json  error FILE_NOT_REGULAR');
    expect(outManifest(dir)).toBe(built.manifest);
  });

  it('refuses a huge partial manifest before reading it', async () => {
    const dir = project();
    const big = join(dir, 'shards', 'big.json');
    writeFileSync(big, '');
    // Sparse: 1.5 GB that take no disk.
    truncateSync(big, 1.5 * 1024 ** 3);
    const { code, err } = await merge(dir, ['shards/big.json', SHARDS[1] as string]);
    expect(code).toBe(1);
    expect(err).toContain('shards/big.json  error FILE_TOO_LARGE');
  });

  it('refuses paths that leave out/, at their line and column, and writes nothing', async () => {
    const dir = project((shards) => {
      const [first, second] = shards as [Manifest, Manifest];
      (first.outputs[0] as { path: string }).path = '../../victim.txt';
      (second.outputs[0] as { path: string }).path = '/etc/passwd';
    });
    const { code, err } = await merge(dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /shards\/manifest-shard-1-of-2\.json:\d+:\d+ {2}error MANIFEST_UNSAFE_PATH {2}outputs\[0\]\.path: "\.\.\/\.\.\/victim\.txt" goes up with "\.\."/,
    );
    expect(err).toMatch(
      /shards\/manifest-shard-2-of-2\.json:\d+:\d+ {2}error MANIFEST_UNSAFE_PATH {2}outputs\[0\]\.path: "\/etc\/passwd" is absolute/,
    );
    const line = Number(/manifest-shard-1-of-2\.json:(\d+):/.exec(err)?.[1]);
    const text = readFileSync(join(dir, SHARDS[0] as string), 'utf8').split('\n');
    expect(text[line - 1]).toContain('"path": "../../victim.txt"');
    expect(outManifest(dir)).toBe(built.manifest);
  });

  it.runIf(unix)('refuses an output reached through a symbolic link inside out/', async () => {
    const dir = project();
    const charts = join(dir, 'out', 'charts');
    renameSync(charts, join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), charts);
    const { code, err } = await merge(dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /error MANIFEST_UNSAFE_PATH {2}outputs\[\d+\]\.path: "charts\/[^"]+" goes through the symbolic link out\/charts/,
    );
    expect(outManifest(dir)).toBe(built.manifest);
  });

  it('refuses an output that out/ does not hold, or holds with other bytes', async () => {
    const dir = project();
    writeFileSync(join(dir, 'out', 'briefing.pdf'), 'not the briefing');
    execFileSync('rm', [join(dir, 'out', 'charts', 'program-budgets.png')]);
    const { code, err } = await merge(dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /error MANIFEST_OUTPUT_MISMATCH {2}outputs\[\d+\]\.path: out\/briefing\.pdf is not the file this entry describes/,
    );
    expect(err).toMatch(
      /error MANIFEST_OUTPUT_MISMATCH {2}outputs\[\d+\]\.path: out\/charts\/program-budgets\.png is not in out\//,
    );
    expect(err).toContain('hint: copy every shard');
  });

  it('waits for no build: while a build holds the lock it exits 3 and writes nothing', async () => {
    const dir = project();
    writeFileSync(join(dir, 'out', 'manifest.json'), '{}\n');
    const lock = await acquireLock(join(stateDirFor(join(dir, 'out')), 'build.lock'));
    try {
      const { code, err } = await merge(dir);
      expect(code).toBe(3);
      expect(err).toContain('another build is running');
    } finally {
      await lock.release();
    }
    expect(outManifest(dir)).toBe('{}\n');
  });

  it('a full disk while writing leaves the old manifest whole: the file named, exit 3', async () => {
    const dir = project();
    writeFileSync(join(dir, 'out', 'manifest.json'), '{}\n');
    fault.match = /\.briefkit-merge-/;
    const { code, err } = await merge(dir).finally(() => {
      fault.match = undefined;
    });
    expect(code).toBe(3);
    expect(err).toContain(
      'error BUILD_WRITE_FAILED  out/manifest.json could not be written: no space left on the device (ENOSPC)',
    );
    expect(outManifest(dir)).toBe('{}\n');
    expect(readdirSync(join(dir, 'out')).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});
