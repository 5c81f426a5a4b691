import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockedError } from '../../src/build/lock.js';
import { removeStaleStaging, Staging } from '../../src/build/publish.js';

const temp = () => mkdtempSync(join(tmpdir(), 'briefkit-lock-'));

describe('the build lock', () => {
  it('refuses a second holder and frees on release', async () => {
    const file = join(temp(), 'lock');
    const release = await acquireLock(file);
    await expect(acquireLock(file)).rejects.toBeInstanceOf(LockedError);
    await release();
    const again = await acquireLock(file);
    await again();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a stale lock left by a killed process', async () => {
    const file = join(temp(), 'lock');
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(file, JSON.stringify({ pid, host: (await import('node:os')).hostname(), started: 'x' }));
    const release = await acquireLock(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    await release();
  });
});

describe('staging', () => {
  it('publishes every staged file by rename, and a discarded staging leaves out/ untouched', async () => {
    const root = temp();
    const out = join(root, 'out');
    const state = join(root, '.briefkit', 'out');
    const first = await Staging.create(state);
    await first.write('a.txt', 'one');
    await first.write('sub/b.txt', 'two');
    expect(await first.publish(out)).toEqual(['a.txt', 'sub/b.txt']);
    expect(readFileSync(join(out, 'sub', 'b.txt'), 'utf8')).toBe('two');

    const failed = await Staging.create(state);
    await failed.write('a.txt', 'half-written');
    await failed.discard();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('one');
    expect(readdirSync(state)).toEqual([]);
  });

  it('removes staging folders left by killed builds', async () => {
    const state = join(temp(), 'state');
    const stale = await Staging.create(state);
    await stale.write('x.pdf', 'partial');
    await removeStaleStaging(state);
    expect(readdirSync(state)).toEqual([]);
  });
});
