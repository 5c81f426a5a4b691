import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOut } from '../../src/pipeline/journal.js';
import { acquireLock, breakStaleGuard, LEASE_MS, LockedError } from '../../src/pipeline/lock.js';
import { layoutOf } from '../../src/pipeline/out-layout.js';
import { carryOver, publish, Staging } from '../../src/pipeline/publish.js';

const temp = () => mkdtempSync(join(tmpdir(), 'briefkit-lock-'));

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid as number;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

/** A lock left as a killed holder leaves it: the directory, its owner file, an old lease. */
function leaveLock(file: string, owner: { pid: number; host: string }, ageMs: number): void {
  mkdirSync(file, { recursive: true });
  writeFileSync(`${file}.owner.json`, JSON.stringify({ ...owner, started: 'x' }));
  const when = new Date(Date.now() - ageMs);
  utimesSync(file, when, when);
}

describe('the build lock', () => {
  it('refuses a second holder and frees on release', async () => {
    const file = join(temp(), 'build.lock');
    const lock = await acquireLock(file);
    await expect(acquireLock(file)).rejects.toBeInstanceOf(LockedError);
    await lock.release();
    const again = await acquireLock(file);
    expect(again.isHeld()).toBe(true);
    await again.release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over at once a lock whose holder on this host is gone', async () => {
    const file = join(temp(), 'build.lock');
    leaveLock(file, { pid: await deadPid(), host: hostname() }, 0);
    const lock = await acquireLock(file);
    expect(JSON.parse(readFileSync(`${file}.owner.json`, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a fresh lock from another host, and takes one whose lease ran out', async () => {
    const file = join(temp(), 'build.lock');
    leaveLock(file, { pid: 1, host: 'another-pod' }, 1000);
    await expect(acquireLock(file)).rejects.toThrow(/pid 1 on another-pod/);
    leaveLock(file, { pid: 1, host: 'another-pod' }, LEASE_MS + 5000);
    const lock = await acquireLock(file);
    await lock.release();
  });

  it('is not wedged by an empty lock file (a full disk leaves one) or an older briefkit lock file', async () => {
    const file = join(temp(), 'build.lock');
    writeFileSync(file, '');
    const lock = await acquireLock(file);
    expect(lstatSync(file).isDirectory()).toBe(true);
    await lock.release();
  });

  it('lets exactly one of three builds racing over a dead holder take it', async () => {
    const script = `
      const { acquireLock } = await import(${JSON.stringify(join(import.meta.dirname, '../../src/pipeline/lock.ts'))});
      const { appendFileSync } = await import('node:fs');
      const [file, log] = process.argv.slice(-2);
      try {
        const lock = await acquireLock(file);
        appendFileSync(log, 'in ' + process.pid + '\\n');
        await new Promise((r) => setTimeout(r, 300));
        appendFileSync(log, 'out ' + process.pid + '\\n');
        await lock.release();
      } catch (e) { appendFileSync(log, 'refused ' + process.pid + '\\n'); }`;
    const tsx = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
    const racer = join(temp(), 'racer.mts');
    writeFileSync(racer, script);
    for (let trial = 0; trial < 4; trial++) {
      const dir = temp();
      const file = join(dir, 'build.lock');
      const log = join(dir, 'log');
      writeFileSync(log, '');
      leaveLock(file, { pid: await deadPid(), host: hostname() }, 0);
      const runs = [0, 1, 2].map(
        () =>
          new Promise((resolve) =>
            spawn(process.execPath, [tsx, racer, file, log], { stdio: 'ignore' }).on('exit', resolve),
          ),
      );
      await Promise.all(runs);
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      let holders = 0;
      for (const line of lines) {
        if (line.startsWith('in ')) holders++;
        if (line.startsWith('out ')) holders--;
        expect(holders, lines.join(' | ')).toBeLessThanOrEqual(1);
      }
      expect(lines.filter((l) => l.startsWith('in ')).length, lines.join(' | ')).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);
});

describe('the acquisition guard beside the lock', () => {
  it('is reported when it is a file or a folder with something in it, never spun on', async () => {
    for (const kind of ['file', 'folder', 'fresh folder']) {
      const file = join(temp(), 'build.lock');
      const guard = `${file}.guard`;
      if (kind === 'file') writeFileSync(guard, 'x');
      else {
        mkdirSync(guard);
        writeFileSync(join(guard, 'x'), 'x');
      }
      if (kind !== 'fresh folder') {
        const old = new Date(Date.now() - 60_000);
        utimesSync(guard, old, old);
      }
      const refused = acquireLock(file);
      await expect(refused, kind).rejects.toThrow(`${guard} is not a guard briefkit made`);
      await expect(refused, kind).rejects.toThrow('remove it');
      expect(existsSync(guard), kind).toBe(true);
    }
  }, 20_000);

  it('is removed, when stale, only while it is the very guard judged stale', async () => {
    const guard = join(temp(), 'build.lock.guard');
    mkdirSync(guard);
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old);
    // Two builds judge the same stale guard...
    const judged = lstatSync(guard);
    // ...the first removes it and makes its own, fresh one...
    expect(await breakStaleGuard(guard, judged)).toBe(true);
    mkdirSync(guard);
    // ...and the second, acting on the same judgement, leaves that fresh guard alone.
    expect(await breakStaleGuard(guard, judged)).toBe(false);
    expect(existsSync(guard)).toBe(true);
    expect(existsSync(`${guard}.break`)).toBe(false);
  });

  it('is taken over when an empty guard was left by a killed process', async () => {
    const file = join(temp(), 'build.lock');
    mkdirSync(`${file}.guard`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.guard`, old, old);
    const lock = await acquireLock(file);
    expect(lock.isHeld()).toBe(true);
    expect(existsSync(`${file}.guard`)).toBe(false);
    await lock.release();
  }, 20_000);
});

describe('temporary files a killed build left', () => {
  it('are removed at the next start when their process is gone or they are older than the lease', async () => {
    const root = temp();
    const layout = await layoutOf(join(root, 'out'));
    mkdirSync(layout.stateDir, { recursive: true });
    const lockFile = join(layout.stateDir, 'build.lock');
    const old = new Date(Date.now() - LEASE_MS - 60_000);
    const dead = await deadPid();
    // The test runner's parent is alive: a build that is writing its file right now.
    const live = process.ppid;
    const files = (base: string) => ({
      dead: `${base}.${dead}`,
      live: `${base}.${live}`,
      old: `${base}.${live + 1_000_000}`,
    });
    const owner = files(`${lockFile}.owner.json`);
    const journal = files(join(layout.stateDir, 'publish.json'));
    for (const set of [owner, journal]) {
      for (const path of Object.values(set)) writeFileSync(path, '{"torn');
      utimesSync(set.old, old, old);
    }
    // The process numbered `old` may exist on this machine; the age alone condemns it.
    const lock = await acquireLock(lockFile);
    await recoverOut(layout);
    await lock.release();
    for (const set of [owner, journal]) {
      expect(existsSync(set.dead), set.dead).toBe(false);
      expect(existsSync(set.old), set.old).toBe(false);
      expect(existsSync(set.live), set.live).toBe(true);
    }
  });
});

describe('staging and publish', () => {
  it('swaps out/ for a complete folder, keeps files it did not replace, and drops stale ones', async () => {
    const root = temp();
    const out = join(root, 'out');
    const first = await Staging.create(await layoutOf(out));
    await first.write('a.txt', 'one');
    await first.write('sub/b.txt', 'two');
    await first.write('old.txt', 'stale soon');
    await publish(first);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'sub', 'b.txt'), 'utf8')).toBe('two');

    const layout = await layoutOf(out);
    const second = await Staging.create(layout);
    await second.write('a.txt', 'uno');
    await carryOver(second, layout.current as string, new Set(['old.txt']), () => {});
    await publish(second);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('uno');
    expect(readFileSync(join(out, 'sub', 'b.txt'), 'utf8')).toBe('two');
    expect(existsSync(join(out, 'old.txt'))).toBe(false);

    const failed = await Staging.create(await layoutOf(out));
    await failed.write('a.txt', 'half-written');
    await failed.discard();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('uno');
    const generations = readdirSync(layout.generationsDir);
    expect(generations.filter((g) => g.startsWith('staging-'))).toEqual([]);
    // The new generation and the one it replaced, for readers that resolved out/ just before.
    expect(generations.filter((g) => g.startsWith('gen-'))).toHaveLength(2);
  });

  it('refuses a staged path that leaves out/', async () => {
    const staging = await Staging.create(await layoutOf(join(temp(), 'out')));
    for (const bad of ['../x', '/etc/x', 'a/../../x', 'a\\b', '', '.'])
      await expect(staging.write(bad, 'x'), bad).rejects.toThrow(/outside out/);
  });

  it('turns a plain out/ folder into a generation, keeping its files', async () => {
    const root = temp();
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'kept');
    const layout = await layoutOf(out);
    const staging = await Staging.create(layout);
    await staging.write('a.txt', 'one');
    await carryOver(staging, layout.current as string, new Set(), () => {});
    await publish(staging);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('kept');
  });
});
