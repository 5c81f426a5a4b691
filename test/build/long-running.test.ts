/** `build --watch` and `schedule`: long-running modes, driven through the compiled CLI. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingProject, builtProject, CLI, DATASET, EPOCH } from './project.js';

function start(dir: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH },
  });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { child, output: () => text };
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!pattern.test(output())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${pattern}; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('build --watch', () => {
  it('rebuilds on a change, reports a broken input and keeps watching, then recovers', async () => {
    // A built copy: the watcher's first build is cached, and the rebuild is what is tested.
    const dir = builtProject();
    const { child, output } = start(dir, ['build', '--watch']);
    try {
      await waitFor(output, /watching for changes/);
      const file = join(dir, DATASET);
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace('amount: 1012,', 'amount: "many",'));
      await waitFor(output, /build failed; fix the input, watching goes on/);
      expect(output()).toMatch(/korea-emerging-tech\.yaml:\d+:\d+ .*indicators\[1\]\.value\.amount/);
      const before = output().length;
      // A figure must stay the one its quote states (the provenance check): change a label instead
      // (words, not a bracketed aside: tile labels drop those, so the page would not change).
      writeFileSync(
        file,
        good.replace('label: Industrial robot density', 'label: Density of industrial robots'),
      );
      await waitFor(() => String(occurrences(output(), 'watching for changes')), /^2$/);
      const rebuild = output().slice(before);
      expect(rebuild).toMatch(/✓ sector-robotics\b/);
      expect(rebuild).not.toMatch(/✓ sector-ai\b/);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});

describe('schedule', () => {
  it('runs builds on its cron expression, one at a time, and stops cleanly on SIGTERM', async () => {
    // A cold build, not a built copy: a cached build ends within the second and could never
    // overlap the next tick, so "one at a time" would hold trivially. The briefing alone is a
    // cold build of several seconds.
    const dir = briefingProject();
    // croner accepts a seconds field: every second.
    const { child, output } = start(dir, ['schedule', '* * * * * *']);
    await waitFor(output, /build ended with exit code 0/);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const text = output();
    expect(text).toContain('stopping after the running build');
    // Never two at once: every start is followed by its end before the next start.
    const events = [...text.matchAll(/build (started|ended)/g)].map((m) => m[1]);
    for (let i = 0; i < events.length; i++) expect(events[i]).toBe(i % 2 === 0 ? 'started' : 'ended');
  });
});
