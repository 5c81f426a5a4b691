/**
 * The no-op fast path reads its inputs through the one guard (src/input/read-file.ts): a
 * dataset, theme or template that became a FIFO or a device is never read (a FIFO would hang
 * the build, /dev/zero would be read for ever), and the build then reports it as the full
 * path does: the file, what to do, exit 1, nothing published.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/input/read-file.js';
import { hashInputs, isUpToDate, MAX_PACKAGE_FILE_BYTES } from '../../src/pipeline/inputs.js';
import { readLastBuild } from '../../src/pipeline/last-build.js';
import { MANIFEST_FILE, readManifest } from '../../src/pipeline/manifest.js';
import { MAX_FONT_BYTES } from '../../src/theme/font-check.js';
import { BRIEFKIT_VERSION } from '../../src/version.js';
import { briefingProject, builtBriefingProject, CLI, DATASET, EPOCH, snapshot } from './project.js';

const unix = process.platform !== 'win32';
const ENV = { SOURCE_DATE_EPOCH: EPOCH };

/** The command line, killed if it hangs (a FIFO read would wait for ever). */
function cliBuild(dir: string) {
  return spawnSync(process.execPath, [CLI, 'build', '--jobs', '1'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...ENV },
    timeout: 120_000,
  });
}

async function upToDate(dir: string): Promise<boolean> {
  const out = join(dir, 'out');
  return isUpToDate(dir, out, await readManifest(join(out, MANIFEST_FILE)), BRIEFKIT_VERSION, ENV);
}

describe('the no-op fast path reads inputs through the guard', () => {
  it.runIf(unix)(
    'a dataset, theme or template replaced by a FIFO: not up to date, never waited on',
    async () => {
      const dir = builtBriefingProject();
      expect(await upToDate(dir)).toBe(true);
      for (const input of [
        DATASET,
        'templates/theme.yaml',
        'templates/briefing.md.hbs',
        'briefkit.config.yaml',
      ]) {
        const file = join(dir, input);
        const saved = `${file}.saved`;
        execFileSync('mv', [file, saved]);
        execFileSync('mkfifo', [file]);
        expect(await upToDate(dir), input).toBe(false);
        rmSync(file);
        execFileSync('mv', [saved, file]);
      }
      expect(await upToDate(dir)).toBe(true);
    },
  );

  it.runIf(existsSync('/dev/zero'))('a dataset linked to /dev/zero is refused, not read', async () => {
    const dir = builtBriefingProject();
    const hashed = await hashInputs(dir, [DATASET], [], ENV);
    expect(hashed.diagnostics).toEqual([]);
    rmSync(join(dir, DATASET));
    symlinkSync('/dev/zero', join(dir, DATASET));
    const refused = await hashInputs(dir, [DATASET], [], ENV);
    expect(refused.diagnostics).toMatchObject([{ code: 'FILE_NOT_REGULAR', file: join(dir, DATASET) }]);
    expect(await upToDate(dir)).toBe(false);
  });

  it('a file in the templates folder over the size limit is a diagnostic naming it, not a crash', async () => {
    const dir = briefingProject();
    const big = join(dir, 'templates', 'notes.txt');
    writeFileSync(big, '');
    // Sparse: nothing is written to disk.
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const { diagnostics } = await hashInputs(dir, [], ['templates'], ENV);
    expect(diagnostics).toMatchObject([{ code: 'FILE_TOO_LARGE', file: big }]);
    expect(diagnostics[0]?.hint).toMatch(/templates/);
  });

  it.runIf(unix)('an out/manifest.json that is a FIFO is no manifest, and is not waited on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-manifest-'));
    execFileSync('mkfifo', [join(dir, MANIFEST_FILE)]);
    expect(await readManifest(join(dir, MANIFEST_FILE))).toBeUndefined();
  });

  it.runIf(unix)(
    'a .briefkit/last-build.json that is a FIFO points nowhere, and is not waited on',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'briefkit-pointer-'));
      mkdirSync(join(dir, '.briefkit'));
      execFileSync('mkfifo', [join(dir, '.briefkit', 'last-build.json')]);
      expect(await readLastBuild(dir, 'briefkit.config.yaml')).toBeUndefined();
    },
  );

  it.runIf(unix)('a linked folder is entered only inside the project, and never back up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-folders-'));
    mkdirSync(join(dir, 'templates'));
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'templates', 'a.md.hbs'), 'a');
    writeFileSync(join(dir, 'shared', 'b.md.hbs'), 'b');
    symlinkSync(join(dir, 'shared'), join(dir, 'templates', 'partials'));
    symlinkSync('/', join(dir, 'templates', 'root'));
    symlinkSync(join(dir, 'templates'), join(dir, 'templates', 'loop'));
    const { hashes, diagnostics } = await hashInputs(dir, [], ['templates'], ENV);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(hashes)).toEqual([
      'dir:templates',
      'env:SOURCE_DATE_EPOCH',
      'templates/a.md.hbs',
      'templates/partials/b.md.hbs',
    ]);
  });

  it('package files (fonts) have the font limit of the theme check', () => {
    expect(MAX_PACKAGE_FILE_BYTES).toBe(MAX_FONT_BYTES);
  });

  it.runIf(unix)('through the command line: the FIFO is named, exit 1, nothing published', () => {
    const dir = builtBriefingProject();
    const before = snapshot(dir);
    rmSync(join(dir, DATASET));
    execFileSync('mkfifo', [join(dir, DATASET)]);
    const run = cliBuild(dir);
    expect(run.signal, 'the build hung on the FIFO').toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${DATASET}  error FILE_NOT_REGULAR  this is a named pipe (FIFO)`);
    expect(run.stderr).toMatch(/hint: give the path of a file saved on disk/);
    expect(run.stderr).toContain('nothing was published');
    expect(snapshot(dir)).toEqual(before);
  });
});
