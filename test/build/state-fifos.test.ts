/**
 * briefkit's own state files are read through a guard too: a named pipe in place of the publish
 * journal, the lock owner file or the shaping store is never opened (opening it would block the
 * build forever, the no-op fast path included). The spawn timeout only keeps a hang from
 * stopping the suite; a build that hangs is killed and its null status fails the test.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtProject, CLI, EDITED_ONE_PAGER, EPOCH } from './project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function build(dir: string, args: string[] = []) {
  return spawnSync(process.execPath, [CLI, 'build', '--jobs', '1', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH },
    timeout: 90_000,
  });
}

function fifo(path: string): void {
  rmSync(path, { force: true });
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

describe("a named pipe in place of briefkit's state files", () => {
  it('the journal, the lock owner file and the shaping store are not opened', () => {
    const dir = builtProject();
    dirs.push(dir);
    const state = join(dir, '.briefkit', 'out');
    const shaping = join(state, 'shaping');
    const store = readdirSync(shaping).find((name) => name.endsWith('.json'));
    expect(store).toBeDefined();
    const pipes = [
      join(state, 'publish.json'),
      join(state, 'build.lock.owner.json'),
      join(shaping, store ?? ''),
    ];
    // All three at once, so one plain and one forced build meet them all (before, two builds
    // per pipe): each is read, if at all, by a guard that never blocks on what it finds, so a
    // pipe met first cannot keep a build from reaching the next one; a hang on any of them is
    // a null status below.
    for (const path of pipes) fifo(path);
    const plain = build(dir);
    expect(plain.status, `${pipes.join(', ')}: ${plain.stderr}`).toBe(0);
    // The cached build rendered nothing, so the store's pipe is still there for the forced one.
    expect(lstatSync(pipes[2] ?? '').isFIFO()).toBe(true);
    // One PDF forced is enough: every build reads the journal and the lock owner first, and
    // every PDF renderer the shaping store (the plain build above, all cached, rendered none).
    const forced = build(dir, ['--force', ...EDITED_ONE_PAGER.only.flatMap((id) => ['--only', id])]);
    expect(forced.status, `${pipes.join(', ')}: ${forced.stderr}`).toBe(0);
    expect(forced.stderr).toMatch(/briefkit: [1-9]\d* built/);
  }, 200_000);
});
