/**
 * What briefkit keeps beside out/ (`.briefkit/`) cannot lead it outside the project: a
 * symbolic link where a build folder should be is never deleted through or published from,
 * and a last-build pointer that names another project's out/ is not trusted.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  briefingProject,
  buildIn,
  builtBriefingProject,
  cli,
  EDITED_ONE_PAGER,
  makeProject,
} from './project.js';

const ONLY = EDITED_ONE_PAGER;
const outside = () => mkdtempSync(join(tmpdir(), 'briefkit-outside-'));

describe('a generations folder that is a link to elsewhere', () => {
  it('is refused, and nothing outside the project is deleted', async () => {
    const dir = makeProject();
    await buildIn(dir, ONLY);
    const elsewhere = outside();
    const generations = join(dir, '.briefkit', 'out', 'generations');
    renameSync(generations, join(elsewhere, 'generations'));
    symlinkSync(join(elsewhere, 'generations'), generations);
    mkdirSync(join(elsewhere, 'generations', 'gen-precious'));
    writeFileSync(join(elsewhere, 'generations', 'gen-precious', 'keep.txt'), 'mine');
    // out/ gone too (the config already refuses an out/ that leads outside the project).
    rmSync(join(dir, 'out'));
    await expect(buildIn(dir, ONLY)).rejects.toThrow(/generations is a symbolic link/);
    expect(existsSync(join(elsewhere, 'generations', 'gen-precious', 'keep.txt'))).toBe(true);
  }, 60_000);
});

describe('a build folder that is a link to elsewhere', () => {
  it('is neither published by recovery nor deleted through', async () => {
    const dir = makeProject();
    await buildIn(dir, ONLY);
    const elsewhere = outside();
    writeFileSync(join(elsewhere, 'secret.txt'), 'not for out/');
    const state = join(dir, '.briefkit', 'out');
    symlinkSync(elsewhere, join(state, 'generations', 'gen-elsewhere'));
    // A journal naming it, and out/ gone: recovery would make out/ point at it.
    writeFileSync(join(state, 'publish.json'), JSON.stringify({ mode: 'link', generation: 'gen-elsewhere' }));
    rmSync(join(dir, 'out'));
    const result = await buildIn(dir, ONLY);
    expect(result.status).toBe('built');
    expect(realpathSync(join(dir, 'out')).startsWith(realpathSync(join(state, 'generations')))).toBe(true);
    expect(existsSync(join(dir, 'out', 'secret.txt'))).toBe(false);
    expect(readdirSync(elsewhere)).toEqual(['secret.txt']);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toContain('gen-elsewhere');
  }, 60_000);
});

describe('a last-build pointer to another project', () => {
  it('is not trusted: the build builds its own out/', () => {
    // Another project that has been built, and one never built with the same config and data:
    // briefing-only (one document to build), so a trusted pointer would find everything up to date.
    const other = builtBriefingProject();
    expect(existsSync(join(other, 'out', 'briefing.pdf'))).toBe(true);
    const dir = briefingProject();
    mkdirSync(join(dir, '.briefkit'));
    const pointer = { configFile: 'briefkit.config.yaml', outDir: relative(dir, join(other, 'out')) };
    expect(pointer.outDir.startsWith('..')).toBe(true);
    writeFileSync(join(dir, '.briefkit', 'last-build.json'), JSON.stringify(pointer));
    const run = cli(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('everything is up to date; nothing rebuilt');
    expect(existsSync(join(dir, 'out', 'briefing.pdf'))).toBe(true);
  }, 180_000);
});
